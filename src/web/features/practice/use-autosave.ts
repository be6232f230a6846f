import { useCallback, useEffect, useRef, useState } from 'react';
import { isApiError, type ApiError } from '../../app/api-client';
import type { PracticeEntry } from '../../../shared/practice/schemas';
import { saveEntry, type EntrySave } from './api';

/** `refused`: the server said no (400 and the like); the text stays on screen, the next change tries again. */
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

  const run = useCallback(
    (p: Payload): Promise<PracticeEntry> => {
      const next = chain.current
        .catch(() => undefined)
        .then(async () => {
          setState('saving');
          try {
            const saved = await saveEntry(patientId, { ...p, version: version.current });
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
    [patientId],
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
