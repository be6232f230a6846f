// Table types of the registry and case-review feature (migration 008).
export type RegistryTables = Record<never, never>;
