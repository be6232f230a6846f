// Issue 17 (offline): whether the phone is offline and since when the answers on screen were saved. The
// service worker marks an answer it serves from the phone's cache with the time it was saved
// (sw/offline-reads.ts); the API client hands every answer's headers here. A small store for React
// (useSyncExternalStore), one per page.
import { useSyncExternalStore } from 'react';
import { SAVED_AT_HEADER } from '../sw/offline-reads';

export interface OfflineStatus {
  /** The browser says it has a network (navigator.onLine). */
  online: boolean;
  /** The oldest saved-at (epoch ms) of the answers served from the phone since the network went away. */
  savedAt: number | null;
}

let status: OfflineStatus = {
  online: typeof navigator === 'undefined' ? true : navigator.onLine,
  savedAt: null,
};
const listeners = new Set<() => void>();

function set(next: OfflineStatus): void {
  if (next.online === status.online && next.savedAt === status.savedAt) return;
  status = next;
  for (const listener of listeners) listener();
}

/** Called by the API client with each answer: one from the phone's cache carries its saved-at time. */
export function noteAnswerHeaders(headers: Headers): void {
  const raw = headers.get(SAVED_AT_HEADER);
  if (raw === null) {
    // A fresh answer from the server: the phone is through again and what is on screen is current.
    set({ online: true, savedAt: null });
    return;
  }
  const savedAt = Number(raw);
  if (!Number.isFinite(savedAt)) return;
  set({ ...status, savedAt: status.savedAt === null ? savedAt : Math.min(status.savedAt, savedAt) });
}

/** Forget the saved-at (sign-out: the next person starts clean). */
export function resetOfflineStatus(): void {
  set({ ...status, savedAt: null });
}

let watching = false;
function watch(): void {
  if (watching || typeof window === 'undefined') return;
  watching = true;
  window.addEventListener('online', () => set({ online: true, savedAt: status.savedAt }));
  window.addEventListener('offline', () => set({ online: false, savedAt: status.savedAt }));
}

function subscribe(listener: () => void): () => void {
  watch();
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function useOfflineStatus(): OfflineStatus {
  return useSyncExternalStore(subscribe, () => status);
}
