// Public face of the last-contact feature: other features, platform/ and the app import only this file.
// It owns last_clinician_contacts; messaging, measures and appointments refresh it in their transactions and
// the registry reads it (issue 18: it sat in the registry, which made registry <-> measures a cycle).
export { refreshLastContact } from './last-contact.repository.js';
