import type { App } from '../../platform/http/types.js';
import type { AppDeps } from '../../platform/deps.js';
import { policies } from '../../platform/access/policy.js';
import { actorOf } from '../../platform/http/request-context.js';
import { errors } from '../../platform/http/error-schema.js';
import { securityAlertListSchema } from '../../../shared/audit/security-alert-schemas.js';
import { securityAlerts } from './security.service.js';

export function securityRoutes(app: App, deps: AppDeps): void {
  app.get('/api/admin/security-alerts', {
    config: { policy: policies.admin },
    schema: {
      tags: ['security'],
      response: { 200: securityAlertListSchema, ...errors(401, 403) },
    },
    handler: (request) => securityAlerts(deps, actorOf(request)),
  });
}
