// Public face of the doses feature: other features, platform/ and the app import only this file.
export { doseRoutes } from './doses.routes.js';
export { readReminderSettings } from './reminder-settings.repository.js';
export { checkDoseReminders, checkRefillReminders } from './reminders.check.js';
export { insertLog, loggedDoseKeys } from './doses.repository.js';
