import { z } from 'zod';
import type { App } from '../../platform/http/types.js';
import type { AppDeps } from '../../platform/deps.js';
import { policies } from '../../platform/access/policy.js';

export function healthRoutes(app: App, deps: AppDeps): void {
  app.get('/api/health', {
    config: { policy: policies.public },
    schema: {
      tags: ['health'],
      response: { 200: z.object({ status: z.literal('ok'), database: z.enum(['sqlite', 'postgres']) }) },
    },
    handler: () => ({ status: 'ok' as const, database: deps.database.engine }),
  });
}
