// Issue 17 (privacy on a shared phone): at sign-out the answers kept for reading offline are deleted, by the
// page itself and by the service worker, so the next person on the same phone never sees them. (The worker
// also drops them whenever a sign-in or sign-out request passes through it, and on a 401.)
import { FORGET_MESSAGE, OFFLINE_READS_CACHE } from '../sw/offline-reads';
import { resetOfflineStatus } from './offline-status';

export async function forgetOfflineData(): Promise<void> {
  resetOfflineStatus();
  if ('serviceWorker' in navigator) navigator.serviceWorker.controller?.postMessage(FORGET_MESSAGE);
  if (typeof caches !== 'undefined') await caches.delete(OFFLINE_READS_CACHE);
}
