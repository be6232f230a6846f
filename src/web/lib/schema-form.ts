// One form approach for the web app: a form's values are checked in the browser with the same shared zod
// schema the server's route uses, and each problem (the browser's or the server's) is shown at its field.
import { useCallback, useMemo, useRef, useState, type ChangeEvent } from 'react';
import type { z } from 'zod';
import { isApiError } from '../app/api-client';
import { fieldErrorsFromDetails } from '../components/validation-details';
import { numberRangeError, rangeWords, type NumberRange } from '../components/number-range';

/** A field's path in the form's values, the way the server names it after `body.`: `problems.0.icd10`. */
export type FieldPath = string;
export type FieldErrors = Record<FieldPath, string>;

/**
 * The field errors of a failed zod check, filed like the server's 400 details are (validation-details.ts):
 * under the full path and each shorter prefix, first message wins, a problem with the whole form under ''.
 */
export function issueErrors(issues: readonly z.core.$ZodIssue[]): FieldErrors {
  return fieldErrorsFromDetails(
    issues.map((issue) => ({
      path: ['body', ...issue.path.filter((s) => typeof s !== 'symbol')],
      message: issue.message,
    })),
  );
}

/** The errors of `payload` against `schema`; {} when it passes. */
export function schemaErrors(schema: z.ZodType, payload: unknown): FieldErrors {
  const parsed = schema.safeParse(payload);
  return parsed.success ? {} : issueErrors(parsed.error.issues);
}

/** The server's field messages from a failed request (a 400's details, or a 409 naming a field). */
export function serverErrors(error: unknown): FieldErrors {
  if (!isApiError(error) || error.code === 'precondition_failed' || !Array.isArray(error.details)) return {};
  return fieldErrorsFromDetails(error.details as unknown[]);
}

/**
 * Errors re-filed where the person types them: `{ contactedAt: 'when' }` puts the payload's `contactedAt`
 * (and anything inside it) under the form's `when`.
 */
export function renamed(errors: FieldErrors, fieldOf: Readonly<Record<FieldPath, FieldPath>>): FieldErrors {
  const result: FieldErrors = {};
  for (const [key, message] of Object.entries(errors)) {
    const from = Object.keys(fieldOf).find((name) => within(key, name));
    const target = from === undefined ? key : (fieldOf[from] ?? from) + key.slice(from.length);
    result[target] ??= message;
  }
  return result;
}

function segments(path: FieldPath): string[] {
  return path.split('.').filter((s) => s !== '');
}

/** The value at a dotted path of nested objects and arrays (undefined when a step is missing). */
export function getAt(values: unknown, path: FieldPath): unknown {
  let current: unknown = values;
  for (const key of segments(path)) {
    if (typeof current !== 'object' || current === null) return undefined;
    current = (current as Record<string, unknown>)[key];
  }
  return current;
}

/** A copy of `values` with the value at `path` replaced; the objects and arrays along the path are copied. */
export function setAt<V>(values: V, path: FieldPath, value: unknown): V {
  const [head, ...rest] = segments(path);
  if (head === undefined) return value as V;
  const container: unknown = values;
  const inner = setAt(getAt(container, head), rest.join('.'), value);
  if (Array.isArray(container)) {
    const copy: unknown[] = [...(container as unknown[])];
    copy[Number(head)] = inner;
    return copy as V;
  }
  return { ...(container as Record<string, unknown>), [head]: inner } as V;
}

/**
 * A required number as typed into a number field: '' (nothing typed) becomes NaN, which the shared schema
 * refuses at the field, never a default or 0 (issue 17); a typed text becomes its number (NaN if none).
 */
export function requiredNumber(typed: number | string): number {
  if (typeof typed === 'number') return typed;
  return typed.trim() === '' ? Number.NaN : Number(typed.replace(/,/g, ''));
}

/** An optional number as typed: '' stays empty (null), anything else as requiredNumber reads it. */
export function optionalNumber(typed: number | string): number | null {
  return typeof typed === 'string' && typed.trim() === '' ? null : requiredNumber(typed);
}

/**
 * What a number field with a known range shows when the form has found a problem there: an empty field
 * asks for the number with its range, an out-of-range one names the range and what was typed (issue 17),
 * anything else keeps the form's own message. No problem found: undefined.
 */
export function numberFieldError(
  typed: number | string,
  range: NumberRange,
  error: string | undefined,
): string | undefined {
  if (error === undefined) return undefined;
  if (typeof typed === 'string' && typed.trim() === '')
    return `Enter ${range.wholeNumber === true ? 'a whole number' : 'a number'} ${rangeWords(range)}.`;
  return numberRangeError(typed, range) ?? error;
}

const NO_RENAMES: Readonly<Record<FieldPath, FieldPath>> = {};

/** Whether an error filed under `key` belongs to the field at `path` (the field itself or inside it). */
function within(key: FieldPath, path: FieldPath): boolean {
  return key === path || key.startsWith(path + '.');
}

function isSubmitButton(target: EventTarget | null | undefined): boolean {
  return (
    typeof HTMLButtonElement !== 'undefined' &&
    target instanceof HTMLButtonElement &&
    target.type === 'submit'
  );
}

/** What a Mantine input's onChange hands over: an event (TextInput, NativeSelect, Checkbox) or the value. */
function valueOf(input: unknown): unknown {
  if (typeof input === 'object' && input !== null && 'currentTarget' in input) {
    const target = (input as ChangeEvent<HTMLInputElement>).currentTarget;
    return target.type === 'checkbox' ? target.checked : target.value;
  }
  return input;
}

export type SchemaFormOptions<V, S extends z.ZodType> = {
  /** The shared schema the server's route uses for this request (or that schema refined further). */
  schema: S;
  initialValues: V | (() => V);
  /** The request body built from the values (strings while typing → the API's shape); default: as they are. */
  toPayload?: (values: V) => z.input<S>;
  /** Payload fields that the form holds under another name, e.g. `{ contactedAt: 'when' }`. */
  fieldOf?: Readonly<Record<FieldPath, FieldPath>>;
  /**
   * Problems that pure shared rules find beyond the schema (e.g. the prescribing checks), under the form's
   * field names; they are shown, focused and block sending exactly like the schema's. The schema's win.
   */
  moreErrors?: (values: V) => FieldErrors;
};

/** A Mantine input's props for one field; `T` is the field's value type while editing (text by default). */
export type InputProps<T = string> = {
  value: T;
  onChange: (input: unknown) => void;
  onBlur: (event?: { relatedTarget?: EventTarget | null }) => void;
  error: string | undefined;
  ref: (element: HTMLElement | null) => void;
};

/**
 * A form on a shared zod schema: `getInputProps(path)` gives a Mantine input its value, onChange, onBlur,
 * error and ref. A field's own check shows once the person has left it (blur) or tried to submit, not while
 * the first characters are typed; a server error shows at its field until that field is changed.
 * `submit(send)` checks everything, focuses the first field in error and sends only a valid payload.
 */
export function useSchemaForm<V, S extends z.ZodType>({
  schema,
  initialValues,
  toPayload,
  fieldOf = NO_RENAMES,
  moreErrors,
}: SchemaFormOptions<V, S>) {
  const [values, setValues] = useState<V>(initialValues);
  const [touched, setTouched] = useState<ReadonlySet<FieldPath>>(() => new Set());
  const [submitted, setSubmitted] = useState(false);
  const [server, setServer] = useState<FieldErrors>({});
  const elements = useRef(new Map<FieldPath, HTMLElement>());

  const payloadOf = useCallback(
    (v: V): z.input<S> => (toPayload ? toPayload(v) : (v as z.input<S>)),
    [toPayload],
  );
  const check = useCallback(
    (v: V) => ({ ...moreErrors?.(v), ...renamed(schemaErrors(schema, payloadOf(v)), fieldOf) }),
    [schema, payloadOf, fieldOf, moreErrors],
  );
  const checkErrors = useMemo(() => check(values), [check, values]);

  const shown = (path: FieldPath): boolean => submitted || touched.has(path);
  const errorAt = (path: FieldPath): string | undefined =>
    server[path] ?? (shown(path) ? checkErrors[path] : undefined);

  const setFieldValue = (path: FieldPath, value: unknown) => {
    setValues((current) => setAt(current, path, value));
    setServer((current) => {
      const keys = Object.keys(current).filter((key) => within(key, path) || within(path, key));
      if (keys.length === 0) return current;
      const next = { ...current };
      for (const key of keys) Reflect.deleteProperty(next, key);
      return next;
    });
  };

  const getInputProps = <T = string>(path: FieldPath): InputProps<T> => ({
    value: getAt(values, path) as T,
    onChange: (input) => setFieldValue(path, valueOf(input)),
    onBlur: (event) => {
      // Leaving the field for its form's submit button: the submit checks every field anyway. Showing the
      // error on this blur would move the button under the pointer between press and release, and the
      // click (the submit) would be lost.
      if (isSubmitButton(event?.relatedTarget)) return;
      setTouched((current) => (current.has(path) ? current : new Set(current).add(path)));
    },
    error: errorAt(path),
    ref: (element) => {
      if (element) elements.current.set(path, element);
      else elements.current.delete(path);
    },
  });

  /**
   * The error and focus target of a field whose input keeps its own value handling (e.g. an item of a list
   * edited in place): `{...fieldState('problems.0.icd10')}` beside the input's own value and onChange.
   */
  const fieldState = (path: FieldPath) => {
    const { error, ref, onBlur } = getInputProps(path);
    return { error, ref, onBlur };
  };

  /** Focus the first field (in page order) that shows an error among `errors`. */
  const focusFirst = (errors: FieldErrors) => {
    const invalid = [...elements.current.entries()]
      .filter(([path]) => errors[path] !== undefined)
      .map(([, element]) => element)
      .sort((a, b) => (a.compareDocumentPosition(b) & Node.DOCUMENT_POSITION_FOLLOWING ? -1 : 1));
    invalid[0]?.focus();
  };

  /** Check all fields now; true when the payload passes the schema. */
  const validate = (): boolean => {
    setSubmitted(true);
    const errors = check(values);
    if (Object.keys(errors).length === 0) return true;
    focusFirst(errors);
    return false;
  };

  /** File a failed request's field messages at their fields (and focus the first); true when any was filed. */
  const setServerErrors = (error: unknown): boolean => {
    const errors = renamed(serverErrors(error), fieldOf);
    setServer(errors);
    if (Object.keys(errors).length === 0) return false;
    focusFirst(errors);
    return true;
  };

  /** Check, then hand the request body to `send`; nothing is sent while a field fails the schema. */
  const submit = (send: (payload: z.input<S>) => void) => {
    setServer({});
    if (!validate()) return;
    send(payloadOf(values));
  };

  /** Errors of every field as shown now ('' = the whole form). */
  const errors: FieldErrors = { ...pickShown(checkErrors, shown), ...server };

  return {
    values,
    setValues,
    setFieldValue,
    getInputProps,
    fieldState,
    errors,
    errorAt,
    /** Whether the browser's check finds nothing to fix. */
    isValid: Object.keys(checkErrors).length === 0,
    validate,
    submit,
    setServerErrors,
    reset: (next: V) => {
      setValues(next);
      setTouched(new Set());
      setSubmitted(false);
      setServer({});
    },
  };
}

function pickShown(errors: FieldErrors, shown: (path: FieldPath) => boolean): FieldErrors {
  return Object.fromEntries(Object.entries(errors).filter(([path]) => shown(path)));
}

export type SchemaForm<V, S extends z.ZodType = z.ZodType> = ReturnType<typeof useSchemaForm<V, S>>;
