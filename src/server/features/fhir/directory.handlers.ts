import { toPractitioner } from '../../../shared/fhir/mappings/practitioner.js';
import { toOrganization } from '../../../shared/fhir/mappings/organization.js';
import type { ResourceHandler } from './handler.js';
import { notFoundFhir } from './outcome.js';
import { idsOf } from './params.js';
import * as repo from './fhir.repository.js';

// Clinicians and the clinic hold no patient data: reading them is not written against any patient.

const practitionerOf = (u: {
  id: string;
  name: string;
  status: string;
  version: number;
  updated_at: number;
}) =>
  toPractitioner({
    id: u.id,
    name: u.name,
    active: u.status === 'active',
    version: u.version,
    updatedAt: u.updated_at,
  });

export const practitionerHandler: ResourceHandler = {
  type: 'Practitioner',
  params: ['_id'],
  async read(ctx, id) {
    const u = await repo.clinicianById(ctx.deps.database.db, ctx.client.clinicId, id);
    if (!u) throw notFoundFhir('Practitioner', id);
    return practitionerOf(u);
  },
  async search(ctx, params, count, cursor) {
    const ids = idsOf(params);
    const all = await repo.cliniciansOfClinic(ctx.deps.database.db, ctx.client.clinicId);
    const matching = all.filter((u) => ids === null || ids.includes(u.id));
    const start = cursor ? matching.findIndex((u) => u.id === cursor.id) : 0;
    const from = Math.max(start, 0);
    const shown = matching.slice(from, from + count);
    const nextRow = matching[from + count];
    return {
      total: matching.length,
      resources: shown.map(practitionerOf),
      next: nextRow ? { at: 0, id: nextRow.id } : null,
    };
  },
};

export const organizationHandler: ResourceHandler = {
  type: 'Organization',
  params: ['_id'],
  async read(ctx, id) {
    const c = id === ctx.client.clinicId ? await repo.clinicById(ctx.deps.database.db, id) : undefined;
    if (!c) throw notFoundFhir('Organization', id);
    return toOrganization({ id: c.id, name: c.name, createdAt: c.created_at });
  },
  async search(ctx, params) {
    const ids = idsOf(params);
    const c = await repo.clinicById(ctx.deps.database.db, ctx.client.clinicId);
    const resources =
      c && (ids === null || ids.includes(c.id))
        ? [toOrganization({ id: c.id, name: c.name, createdAt: c.created_at })]
        : [];
    return { total: resources.length, resources, next: null };
  },
};
