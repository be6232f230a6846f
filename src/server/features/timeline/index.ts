// Public face of the timeline feature (issue 14): other features, platform/ and the app import only this file.
export { timelineRoutes } from './timeline.routes.js';
export { readTimeline } from './timeline.service.js';
