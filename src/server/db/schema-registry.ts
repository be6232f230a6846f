// Table types of the registry feature; the placeholder is replaced when its migration lands.
// eslint-disable-next-line @typescript-eslint/no-generated-empty-object-type -- no tables yet
export type RegistryTables = Record<never, never>;
