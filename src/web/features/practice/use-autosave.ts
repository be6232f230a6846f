import { useCallback, useEffect, useRef, useState } from 'react';
import { isApiError, type ApiError } from '../../app/api-client';
import { useSessionQuery } from '../../app/session';
import { onWriteSent, sendOrQueue } from '../../lib/offline-queue';
import type { PracticeEntry } from '../../../shared/practice/schemas';
import { entryRequest, type EntrySave } from './api';

/** `refused`: the server said no (400 and the like); the text stays on screen, the next change tries again. */
/** `offline`: no network; the save waits on the phone and is sent when it is back (issue 17). */
export type SaveState = 'idle' | 'saving' | 'saved' | 'offline' | 'replaced' | 'refused';
type Payload = Omit<EntrySave, 'version'>;

const DEBOUNCE_MS = 1000;
const RETRY_MS = 5000;

/**
 * Saves an entry as the patient types: a second after the last change, one request at a time, in order,
 * each carrying the version the previous one returned (If-Match). A lost connection retries every few
 * seconds with the newest content. When the entry was saved from another device meanwhile (412), the
 * stored entry replaces the screen and the patient is told. A refused save (not valid) keeps its error
 * until a later save succeeds, so the page never says "Saved" over it; the next change sends again.
 */
export function useAutosave(
  patientId: string,
  initialVersion: number | undefined,
  onReplaced: (current: PracticeEntry) => void,
  onSaved?: (saved: PracticeEntry) => void,
) {
  const version = useRef(initialVersion);
  const chain = useRef<Promise<unknown>>(Promise.resolve());
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const latest = useRef<Payload | null>(null);
  const [state, setState] = useState<SaveState>('idle');
  const [savedAt, setSavedAt] = useState<number | null>(null);
  const [refusal, setRefusal] = useState<ApiError | null>(null);
  const replaced = useRef(onReplaced);
  replaced.current = onReplaced;
  const savedHook = useRef(onSaved);
  savedHook.current = onSaved;

  const userId = useSessionQuery().data?.user.id ?? '';
  const stopListening = useRef<(() => void) | null>(null);
  useEffect(() => () => stopListening.current?.(), []);

  /**
   * Issue 17: without a network the save waits on the phone (IndexedDB) and is sent when it is back, even
   * if the page is closed; null then. Later saves while it waits replace it (its newest content goes). When
   * the phone sends it, the new version comes back here.
   */
  const saveOrKeep = useCallback(
    async (s: EntrySave): Promise<PracticeEntry | null> => {
      const { path, body, ifMatch } = entryRequest(patientId, s);
      const result = await sendOrQueue<PracticeEntry>({
        id: s.entryId,
        userId,
        kind: 'practice_entry',
        label: 'Practice entry',
        method: 'PUT',
        path,
        body,
        ...(ifMatch === undefined ? {} : { ifMatch }),
      });
      if (result.sent) return result.answer;
      stopListening.current?.();
      stopListening.current = onWriteSent(s.entryId, (answer) => {
        const saved = answer as PracticeEntry;
        version.current = saved.version;
        savedHook.current?.(saved);
        setState('saved');
        setSavedAt(Date.now());
      });
      return null;
    },
    [patientId, userId],
  );

  const run = useCallback(
    (p: Payload): Promise<PracticeEntry | null> => {
      const next = chain.current
        .catch(() => undefined)
        .then(async () => {
          setState('saving');
          try {
            const saved = await saveOrKeep({ ...p, version: version.current });
            if (saved === null) {
              setRefusal(null);
              setState('offline');
              return null;
            }
            version.current = saved.version;
            savedHook.current?.(saved);
            setRefusal(null);
            setState('saved');
            setSavedAt(Date.now());
            return saved;
          } catch (error) {
            if (isApiError(error, 'precondition_failed')) {
              const current = (error.details as { current?: PracticeEntry } | undefined)?.current;
              if (current) {
                version.current = current.version;
                replaced.current(current);
                savedHook.current?.(current);
              }
              setRefusal(null);
              setState('replaced');
            } else if (isApiError(error, 'network') || (isApiError(error) && error.status >= 500)) {
              setRefusal(null);
              setState('offline');
              if (timer.current === null)
                timer.current = setTimeout(() => {
                  timer.current = null;
                  if (latest.current) void run(latest.current).catch(() => undefined);
                }, RETRY_MS);
            } else if (isApiError(error)) {
              setRefusal(error);
              setState('refused');
            } else setState('idle');
            throw error;
          }
        });
      chain.current = next;
      return next;
    },
    [saveOrKeep],
  );

  /** Queue a draft save (debounced). */
  const schedule = useCallback(
    (p: Payload) => {
      latest.current = p;
      if (timer.current !== null) clearTimeout(timer.current);
      timer.current = setTimeout(() => {
        timer.current = null;
        if (latest.current) void run(latest.current).catch(() => undefined);
      }, DEBOUNCE_MS);
    },
    [run],
  );

  /** Save now (the "Done" button, or a sharing change on a done entry). */
  const saveNow = useCallback(
    (p: Payload) => {
      if (timer.current !== null) clearTimeout(timer.current);
      timer.current = null;
      latest.current = p.done ? null : p;
      return run(p);
    },
    [run],
  );

  // Leaving the page with a change not yet sent: send it.
  useEffect(
    () => () => {
      if (timer.current !== null) {
        clearTimeout(timer.current);
        if (latest.current) void run(latest.current).catch(() => undefined);
      }
    },
    [run],
  );

  /** Why the last save was refused (its field errors say where), until a save succeeds. */
  return { state, savedAt, refusal, schedule, saveNow };
}
