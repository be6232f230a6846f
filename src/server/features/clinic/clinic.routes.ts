import type { App } from '../../platform/http/types.js';
import type { AppDeps } from '../../platform/deps.js';
import { policies } from '../../platform/access/policy.js';
import { actorOf } from '../../platform/http/request-context.js';
import { errors } from '../../platform/http/error-schema.js';
import { clinicSettingsSchema, clinicSettingsUpdateSchema } from '../../../shared/clinic/settings.js';
import { readSettings, updateSettings } from './clinic.service.js';

export function clinicRoutes(app: App, deps: AppDeps): void {
  app.get('/api/admin/settings', {
    config: { policy: policies.admin },
    schema: { tags: ['clinic'], response: { 200: clinicSettingsSchema, ...errors(401, 403) } },
    handler: (request) => readSettings(deps, actorOf(request)),
  });
  app.put('/api/admin/settings', {
    config: { policy: policies.admin },
    schema: {
      tags: ['clinic'],
      body: clinicSettingsUpdateSchema,
      response: { 200: clinicSettingsSchema, ...errors(400, 401, 403) },
    },
    handler: (request) => updateSettings(deps, actorOf(request), request.body),
  });
}
