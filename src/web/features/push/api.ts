// Push notifications (issue 17): typed calls; the types come from the API's schemas (shared/push/api.ts).
import { api } from '../../app/api-client';
import type {
  PushPreferences,
  PushPreferencesInput,
  PushSubscriptionInput,
  PushSubscriptionView,
} from '../../../shared/push/api';

export type { PushPreferences, PushPreferencesInput, PushSubscriptionView };

export const pushPreferencesKey = ['push-preferences'] as const;
export const pushSubscriptionsKey = ['push-subscriptions'] as const;

export const getPublicKey = () => api.get<{ publicKey: string }>('/api/push/public-key');
export const getPushSubscriptions = () =>
  api.get<{ subscriptions: PushSubscriptionView[] }>('/api/push/subscriptions');
export const savePushSubscription = (input: PushSubscriptionInput) =>
  api.post<PushSubscriptionView>('/api/push/subscriptions', input);
export const deletePushSubscription = (id: string) => api.delete<undefined>(`/api/push/subscriptions/${id}`);
export const getPushPreferences = (zone: string) =>
  api.get<PushPreferences>(`/api/push/preferences?zone=${encodeURIComponent(zone)}`);
export const putPushPreferences = (input: PushPreferencesInput, version: number) =>
  api.put<PushPreferences>('/api/push/preferences', input, { ifMatch: version });
