import type { FhirResourceType } from '../../../shared/fhir/scopes.js';
import type { ResourceHandler } from './handler.js';
import { appointmentHandler, medicationRequestHandler } from './clinical.handlers.js';
import { organizationHandler, practitionerHandler } from './directory.handlers.js';
import { careTeamHandler, patientHandler } from './patients.handlers.js';
import { observationHandler, questionnaireHandler, questionnaireResponseHandler } from './scores.handlers.js';
import { carePlanHandler, conditionHandler, goalHandler } from './plans.handlers.js';
import { allergyIntoleranceHandler, encounterHandler, practitionerRoleHandler } from './records.handlers.js';
import {
  auditEventHandler,
  communicationHandler,
  medicationStatementHandler,
} from './patient-events.handlers.js';

/** Every resource type `/fhir/R4` serves, and how: the CapabilityStatement is written from this list. */
export const handlers: ReadonlyMap<FhirResourceType, ResourceHandler> = new Map(
  [
    patientHandler,
    practitionerHandler,
    organizationHandler,
    careTeamHandler,
    questionnaireHandler,
    questionnaireResponseHandler,
    observationHandler,
    medicationRequestHandler,
    appointmentHandler,
    practitionerRoleHandler,
    carePlanHandler,
    goalHandler,
    conditionHandler,
    medicationStatementHandler,
    allergyIntoleranceHandler,
    encounterHandler,
    communicationHandler,
    auditEventHandler,
  ].map((h) => [h.type, h]),
);
