// Table types of the treatment-plans feature (migration 005).
export type PlanTables = Record<never, never>;
