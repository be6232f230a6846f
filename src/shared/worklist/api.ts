// The worklist's API types for the web app (issue 15), inferred from the zod schemas the route uses.
export type {
  ScoreTrend,
  WorklistAppointment,
  WorklistQuery,
  WorklistResponse,
  WorklistRow,
} from './schemas.js';
export {
  arrangeWorklist,
  todaysVisits,
  worklistSorts,
  type WorklistFilter,
  type WorklistSort,
} from './arrange.js';
