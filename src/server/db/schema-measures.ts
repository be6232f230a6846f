// Table types of the measures feature; the placeholder is replaced when its migration lands.
// eslint-disable-next-line @typescript-eslint/no-generated-empty-object-type -- no tables yet
export type MeasureTables = Record<never, never>;
