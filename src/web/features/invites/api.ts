import { api } from '../../app/api-client';
import type { Invite, SessionAnswer } from '../../../shared/accounts/api';

export function getInvite(token: string): Promise<Invite> {
  return api.get<Invite>(`/api/invites/${encodeURIComponent(token)}`);
}

export function acceptInvite(token: string, password: string): Promise<SessionAnswer> {
  return api.post<SessionAnswer>(`/api/invites/${encodeURIComponent(token)}/accept`, { password });
}
