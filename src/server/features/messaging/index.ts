// Public face of the messaging feature: other features, platform/ and the app import only this file.
export { messagingRoutes } from './messaging.routes.js';
export { consultRoutes } from './consults.routes.js';
export { postInConversation } from './messages.service.js';
export { findConversation, insertConversation } from './conversations.repository.js';
export { checkUnansweredMessages } from './unanswered-check.js';
