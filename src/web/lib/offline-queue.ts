// Issue 17 (offline writes): a dose taken or skipped, a side-effect report, a questionnaire answer and a
// practice entry made without a network are kept on the phone (IndexedDB) and sent when it is back: on the
// `online` event, at app start and every 5 seconds while some wait (Background Sync is not in every
// browser). Each carries the client id its route takes, so a resend finds the first record on the server:
// never a duplicate. A write the server refuses (a 4xx) stays on the phone with the reason and is shown to the
// patient until they dismiss it; never dropped silently. Writes belong to the person who made them: only that
// person's session sends them or shows them.
import { useSyncExternalStore } from 'react';
import { api, isApiError } from '../app/api-client';
import { flushOutcome, keepForLater } from './offline-queue-rules';

export type QueuedKind = 'dose' | 'side_effect' | 'questionnaire' | 'practice_entry';

export interface QueuedWrite {
  /** The client id the route takes (the dose log's, the report's, the response's, the entry's id). */
  id: string;
  userId: string;
  kind: QueuedKind;
  /** What the patient sees in the list ("Dose taken", "Side-effect report"). */
  label: string;
  method: 'POST' | 'PUT';
  path: string;
  body: unknown;
  ifMatch?: number;
  queuedAt: number;
  state: 'waiting' | 'refused';
  /** The server's reason, for a refused write. */
  refusal?: string;
}

export type NewQueuedWrite = Omit<QueuedWrite, 'queuedAt' | 'state' | 'refusal'>;

const DB_NAME = 'duet-offline';
const STORE = 'writes';

let items: QueuedWrite[] = [];
let loaded: Promise<void> | null = null;
const listeners = new Set<() => void>();

function publish(next: QueuedWrite[]): void {
  items = next;
  for (const listener of listeners) listener();
}

function openDb(): Promise<IDBDatabase | null> {
  if (typeof indexedDB === 'undefined') return Promise.resolve(null);
  return new Promise((resolve) => {
    const request = indexedDB.open(DB_NAME, 1);
    request.onupgradeneeded = () => request.result.createObjectStore(STORE, { keyPath: 'id' });
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => resolve(null); // no IndexedDB (a private window): the writes wait in memory
  });
}

async function inStore<T>(
  mode: IDBTransactionMode,
  act: (store: IDBObjectStore) => IDBRequest<T>,
): Promise<T | null> {
  const db = await openDb();
  if (!db) return null;
  try {
    return await new Promise<T>((resolve, reject) => {
      const request = act(db.transaction(STORE, mode).objectStore(STORE));
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error ?? new Error('IndexedDB request failed'));
    });
  } finally {
    db.close();
  }
}

/** Reads the writes kept on the phone (once per page). */
export function loadQueue(): Promise<void> {
  loaded ??= inStore('readonly', (store) => store.getAll() as IDBRequest<QueuedWrite[]>).then((stored) => {
    const known = new Set(items.map((i) => i.id));
    publish([...items, ...(stored ?? []).filter((i) => !known.has(i.id))]);
  });
  return loaded;
}

async function put(write: QueuedWrite): Promise<void> {
  publish([...items.filter((i) => i.id !== write.id), write].sort((a, b) => a.queuedAt - b.queuedAt));
  await inStore('readwrite', (store) => store.put(write));
}

async function remove(id: string): Promise<void> {
  publish(items.filter((i) => i.id !== id));
  await inStore('readwrite', (store) => store.delete(id));
}

/** The patient dismisses a refused write after reading the reason. */
export function dismissRefused(id: string): Promise<void> {
  return remove(id);
}

function send<T>(write: NewQueuedWrite): Promise<T> {
  const options = write.ifMatch === undefined ? {} : { ifMatch: write.ifMatch };
  return write.method === 'PUT'
    ? api.put<T>(write.path, write.body, options)
    : api.post<T>(write.path, write.body, options);
}

export type SendResult<T> = { sent: true; answer: T } | { sent: false };

/**
 * Sends a write now, or keeps it on the phone when there is no network (offline, or the request failed to
 * reach the server): `{ sent: false }` then, and the write waits in the queue. A write with the same id
 * already waiting is replaced (a practice entry saved again offline: its newest content is sent). Errors
 * from the server (4xx and the like) are thrown as before, for the form to show at its fields.
 */
export async function sendOrQueue<T>(write: NewQueuedWrite): Promise<SendResult<T>> {
  await loadQueue();
  const waitingSame = items.some((i) => i.id === write.id && i.state === 'waiting');
  if (navigator.onLine && !waitingSame) {
    try {
      return { sent: true, answer: await send<T>(write) };
    } catch (error) {
      if (!isApiError(error) || !keepForLater(error.status)) throw error;
    }
  }
  await put({ ...write, queuedAt: Date.now(), state: 'waiting' });
  return { sent: false };
}

const sentListeners = new Map<string, (answer: unknown) => void>();

/** Called with the server's answer when the waiting write `id` is sent (the autosave's new version). */
export function onWriteSent(id: string, listener: (answer: unknown) => void): () => void {
  sentListeners.set(id, listener);
  return () => {
    if (sentListeners.get(id) === listener) sentListeners.delete(id);
  };
}

let flushing: Promise<number> | null = null;

async function flushNow(userId: string): Promise<number> {
  await loadQueue();
  let sent = 0;
  for (const write of items.filter((i) => i.userId === userId && i.state === 'waiting')) {
    let status: number;
    let reason = '';
    let answer: unknown;
    try {
      answer = await send(write);
      status = 200;
    } catch (error) {
      status = isApiError(error) ? error.status : 0;
      reason = error instanceof Error ? error.message : 'The server did not accept it.';
    }
    const outcome = flushOutcome(status);
    if (outcome === 'wait') break; // still no network (or signed out): keep the rest in order
    if (outcome === 'sent') {
      await remove(write.id);
      sentListeners.get(write.id)?.(answer);
      sent++;
    } else {
      await put({ ...write, state: 'refused', refusal: reason });
    }
  }
  return sent;
}

/**
 * Sends this person's waiting writes, oldest first, one at a time; resolves with how many were sent. One
 * flush at a time per page, and per browser where Web Locks exist (two tabs never send the same write
 * together; were they to, the client id would still make it one record).
 */
export function flushQueue(userId: string): Promise<number> {
  flushing ??= (async () => {
    try {
      if (!('locks' in navigator)) return await flushNow(userId);
      return await navigator.locks.request('duet-offline-writes', () => flushNow(userId));
    } finally {
      flushing = null;
    }
  })();
  return flushing;
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  void loadQueue();
  return () => listeners.delete(listener);
}

/** This person's writes on the phone now (waiting or refused), oldest first. */
export function writesOf(userId: string): QueuedWrite[] {
  return items.filter((i) => i.userId === userId);
}

/** This person's writes on the phone: those waiting to be sent and those the server refused. */
export function useOfflineQueue(userId: string): QueuedWrite[] {
  const all = useSyncExternalStore(subscribe, () => items);
  return all.filter((i) => i.userId === userId);
}
