import type { AppDeps } from '../platform/deps.js';
import { newId } from '../platform/ids.js';
import { raiseAlert } from '../features/alerts/index.js';
import type { AlertSpec } from '../../shared/alerts/alert.js';

/** Raises an alert about a patient directly (as the worker would), for tests that need one to exist. */
export async function raiseTestAlert(
  deps: AppDeps,
  patientId: string,
  clinicId: string,
  spec: Partial<AlertSpec> = {},
): Promise<string> {
  const id = await deps.database.transaction((trx) =>
    raiseAlert(
      trx,
      deps,
      {
        id: newId(),
        type: 'message.from_patient',
        clinicId,
        patientId,
        payload: { conversationId: 'c', messageId: 'm' },
        createdAt: deps.clock.now(),
      },
      {
        type: 'test',
        severity: 'high',
        title: 'Test alert',
        details: 'Raised by a test',
        routeToRoles: ['therapist', 'prescriber', 'care_manager'],
        subjectId: null,
        ...spec,
      },
      'test:' + newId(),
    ),
  );
  if (!id) throw new Error('alert not raised');
  return id;
}
