// The clinic settings API's type for the web client: the schema the settings routes validate with.
export type { ClinicSettings } from './settings.js';
