import { api } from '../../app/api-client';
import type { SessionAnswer } from '../../../shared/accounts/api';

export function login(email: string, password: string): Promise<SessionAnswer> {
  return api.post<SessionAnswer>('/api/auth/login', { email, password });
}

export function changePassword(currentPassword: string, newPassword: string): Promise<SessionAnswer> {
  return api.post<SessionAnswer>('/api/auth/password', { currentPassword, newPassword });
}
