// Public face of the push feature (issue 17): the app, bootstrap and the background runner import only this.
export { pushRoutes } from './push.routes.js';
export { pushRequester, queuePushFromEvent } from './queue.js';
export { sendDuePushes } from './sender.js';
export { checkDosePushes } from './dose-reminders.check.js';
