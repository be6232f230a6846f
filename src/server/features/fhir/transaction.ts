import type {
  Bundle,
  BundleEntry,
  OperationOutcome,
  OperationOutcomeIssue,
  Resource,
} from '@medplum/fhirtypes';
import { allows, type FhirResourceType } from '../../../shared/fhir/scopes.js';
import type { FhirContext } from './access.js';
import { FhirError } from './outcome.js';
import { writeObservation } from './observation-create.js';
import { writePatient } from './patient-create.js';
import { writeMedicationRequest } from './transaction.medication-request.js';
import { inOneTransaction } from './transaction.deps.js';
import * as repo from './transaction.repository.js';
import {
  auditRefused,
  conditionOf,
  writeQuestionnaireResponse,
  type RefusedWrite,
  type ClientKey,
  type CreateResult,
  type WriteContext,
} from './writes.service.js';

/**
 * The most entries one transaction Bundle may hold (docs/fhir.md "Writes"): a larger one is refused, never cut.
 * A Bundle is one transaction and holds the database's write lock while it runs: measured on SQLite on the
 * shared 2-core machine, about 13 ms per score entry (100 entries ≈ 1.4 s, 500 ≈ 13 s), so 100 keeps the rest
 * of the clinic's writes waiting for at most a second or two.
 */
export const MAX_BUNDLE_ENTRIES = 100;

interface Written {
  created: boolean;
  id: string;
  /** The resource as Duet now serves it (types created on their own answer it). */
  resource?: Resource;
}
type Writer = (w: WriteContext, body: unknown, condition: ClientKey | null) => Promise<Written>;

const withId =
  (write: (w: WriteContext, b: unknown, c: ClientKey | null) => Promise<CreateResult>): Writer =>
  async (w, b, c) => {
    const r = await write(w, b, c);
    return { created: r.created, id: r.resource.id ?? '', resource: r.resource };
  };

const writers: ReadonlyMap<FhirResourceType, Writer> = new Map<FhirResourceType, Writer>([
  ['Patient', withId(writePatient)],
  ['QuestionnaireResponse', withId(writeQuestionnaireResponse)],
  ['Observation', withId(writeObservation)],
  ['MedicationRequest', writeMedicationRequest],
]);

/** The types `POST /fhir/R4/<type>` creates (the CapabilityStatement's `create`). */
export const singleCreateTypes: readonly FhirResourceType[] = [
  'Patient',
  'QuestionnaireResponse',
  'Observation',
];
/** The types a transaction Bundle may create (a MedicationRequest only there: importing current medications). */
export const transactionTypes: readonly FhirResourceType[] = [...writers.keys()];

/** Creates one resource in its own transaction (`POST /fhir/R4/<type>`); audited `fhir.create`. */
export async function createOne(
  ctx: FhirContext,
  type: FhirResourceType,
  body: unknown,
  ifNoneExist: string | undefined,
): Promise<Written & { resource: Resource }> {
  const writer = singleCreateTypes.includes(type) ? writers.get(type) : undefined;
  if (!writer) throw new FhirError(405, 'not-supported', `Creating ${type} is not supported.`);
  const condition = conditionOf(ifNoneExist);
  const refused: RefusedWrite[] = [];
  const written = await inOneTransaction(ctx.deps, ctx.client.actor, (trx, bound) =>
    writer({ ...ctx, trx, bound, action: 'fhir.create', refused }, body, condition),
  ).finally(() => auditRefused(ctx, refused));
  if (!written.resource) throw new Error(`${type} create answers its resource`);
  return { ...written, resource: written.resource };
}

/** A Bundle refused whole: an OperationOutcome with one issue per bad entry; nothing was recorded. */
export class BundleRefused extends FhirError {
  constructor(
    status: 403 | 404 | 422,
    readonly outcome: OperationOutcome,
  ) {
    super(status, outcome.issue[0]?.code ?? 'invalid', outcome.issue[0]?.diagnostics ?? 'Bundle refused.');
    this.name = 'BundleRefused';
  }
}

const issue = (
  code: OperationOutcomeIssue['code'],
  diagnostics: string,
  expression: string,
): OperationOutcomeIssue => ({ severity: 'error', code, diagnostics, expression: [expression] });

/** Every `reference` in a resource, with its FHIRPath (`Observation.subject.reference` → `….subject`). */
function referencesOf(value: unknown, path: string, out: { path: string; ref: string }[] = []) {
  if (Array.isArray(value)) value.forEach((v, i) => referencesOf(v, `${path}[${String(i)}]`, out));
  else if (typeof value === 'object' && value !== null)
    for (const [k, v] of Object.entries(value)) {
      if (k === 'reference' && typeof v === 'string') out.push({ path, ref: v });
      else referencesOf(v, `${path}.${k}`, out);
    }
  return out;
}

/** The resource with each `urn:uuid:` reference to an entry already created replaced by `Type/id`. */
function resolved(value: unknown, created: ReadonlyMap<string, string>): unknown {
  if (Array.isArray(value)) return value.map((v) => resolved(v, created));
  if (typeof value !== 'object' || value === null) return value;
  return Object.fromEntries(
    Object.entries(value).map(([k, v]) => [
      k,
      k === 'reference' && typeof v === 'string' ? (created.get(v) ?? v) : resolved(v, created),
    ]),
  );
}

interface Planned {
  index: number;
  type: FhirResourceType;
  resource: Resource;
  fullUrl: string | null;
  condition: ClientKey | null;
}

/** Checks each entry before anything is written: method, type, scope, `ifNoneExist`, references. */
function plan(ctx: FhirContext, entries: readonly BundleEntry[]) {
  const issues: OperationOutcomeIssue[] = [];
  const planned: Planned[] = [];
  const fullUrls = new Set(entries.flatMap((e) => (e.fullUrl?.startsWith('urn:uuid:') ? [e.fullUrl] : [])));
  for (const [index, e] of entries.entries()) {
    const at = `Bundle.entry[${String(index)}]`;
    const resource = e.resource;
    const type = resource?.resourceType as FhirResourceType | undefined;
    if (!resource || !type) {
      issues.push(issue('required', 'Each entry carries the resource to create.', `${at}.resource`));
      continue;
    }
    if (e.request?.method !== 'POST') {
      issues.push(
        issue('not-supported', 'Duet imports by create: request.method POST.', `${at}.request.method`),
      );
      continue;
    }
    const url: unknown = e.request.url;
    if (typeof url !== 'string' || url.replace(/^\/|\/$/g, '') !== type) {
      issues.push(
        issue('invalid', `request.url must be ${type}, the entry's resource type.`, `${at}.request.url`),
      );
      continue;
    }
    if (!transactionTypes.includes(type)) {
      issues.push(
        issue('not-supported', `A Bundle creates ${transactionTypes.join(', ')} only.`, `${at}.resource`),
      );
      continue;
    }
    if (!allows(ctx.client.scopes, type, 'c')) {
      issues.push(
        issue('forbidden', `The token's scopes do not include system/${type}.c.`, `${at}.resource`),
      );
      continue;
    }
    let condition: ClientKey | null;
    try {
      condition = conditionOf(e.request.ifNoneExist, `${at}.request.ifNoneExist`);
    } catch (err) {
      if (!(err instanceof FhirError)) throw err;
      issues.push(issue(err.code, err.diagnostics, `${at}.request.ifNoneExist`));
      continue;
    }
    const dangling = referencesOf(resource, `${at}.resource`).find(
      (r) => r.ref.startsWith('urn:uuid:') && !fullUrls.has(r.ref),
    );
    if (dangling) {
      issues.push(
        issue('invalid', `${dangling.ref} is not the fullUrl of an entry of this Bundle.`, dangling.path),
      );
      continue;
    }
    planned.push({ index, type, resource, fullUrl: e.fullUrl ?? null, condition });
  }
  return { issues, planned };
}

/** The element a writer named (`Observation.component[2]`) as the entry's element. */
const inEntry = (index: number, type: string, expression: string | undefined) =>
  expression === undefined
    ? `Bundle.entry[${String(index)}].resource`
    : expression.startsWith('Bundle.')
      ? expression
      : expression === 'If-None-Exist'
        ? `Bundle.entry[${String(index)}].request.ifNoneExist`
        : `Bundle.entry[${String(index)}].resource${expression.slice(type.length)}`;

/**
 * `POST /fhir/R4` with a `transaction` Bundle: every entry a create (Patient, QuestionnaireResponse,
 * Observation panel, MedicationRequest), all in one database transaction. Any bad entry rolls back the whole
 * Bundle and the answer is an OperationOutcome with one issue per bad entry (each entry still runs, in its own
 * savepoint, so every problem is named at once). Patients are created first, so the other entries may
 * reference one by its `urn:uuid:` fullUrl. Each write is audited `fhir.transaction` with the client as actor.
 */
export async function runTransaction(ctx: FhirContext, body: unknown): Promise<Bundle> {
  const bundle = body as Partial<Bundle> | null;
  if (typeof bundle !== 'object' || bundle === null || bundle.resourceType !== 'Bundle')
    throw new FhirError(400, 'invalid', 'Send a Bundle.', 'Bundle.resourceType');
  if (bundle.type !== 'transaction')
    throw new FhirError(
      422,
      'not-supported',
      'Duet processes transaction Bundles only (all or nothing).',
      'Bundle.type',
    );
  const listed: unknown = bundle.entry ?? [];
  if (!Array.isArray(listed) || listed.some((e) => typeof e !== 'object' || e === null))
    throw new FhirError(400, 'structure', 'Bundle.entry is a list of entries.', 'Bundle.entry');
  const entries = listed as BundleEntry[];
  if (entries.length > MAX_BUNDLE_ENTRIES)
    throw new FhirError(
      422,
      'too-costly',
      `A Bundle holds at most ${String(MAX_BUNDLE_ENTRIES)} entries; this one has ${String(entries.length)}. Send it in parts; nothing was recorded.`,
      'Bundle.entry',
    );
  const { issues, planned } = plan(ctx, entries);
  if (issues.length > 0)
    throw new BundleRefused(issues.some((i) => i.code === 'forbidden') ? 403 : 422, {
      resourceType: 'OperationOutcome',
      issue: issues,
    });
  // Patients first: the entries after them may name one by its fullUrl.
  const order = [
    ...planned.filter((p) => p.type === 'Patient'),
    ...planned.filter((p) => p.type !== 'Patient'),
  ];
  const refusedWrites: RefusedWrite[] = [];
  const results = await inOneTransaction(ctx.deps, ctx.client.actor, async (trx, bound) => {
    const created = new Map<string, string>();
    const failed = new Map<string, number>();
    const done = new Map<number, Written>();
    const refused: OperationOutcomeIssue[] = [];
    for (const p of order) {
      const waitsOn = referencesOf(p.resource, `Bundle.entry[${String(p.index)}].resource`).find((r) =>
        failed.has(r.ref),
      );
      if (waitsOn) {
        refused.push(
          issue(
            'invalid',
            `${waitsOn.ref} is Bundle.entry[${String(failed.get(waitsOn.ref))}], which could not be recorded.`,
            waitsOn.path,
          ),
        );
        continue;
      }
      await repo.savepoint(trx, p.index);
      try {
        const w: WriteContext = { ...ctx, trx, bound, action: 'fhir.transaction', refused: refusedWrites };
        const written = await writers.get(p.type)?.(w, resolved(p.resource, created), p.condition);
        if (!written) throw new Error(`no writer for ${p.type}`);
        await repo.releaseSavepoint(trx, p.index);
        done.set(p.index, written);
        if (p.fullUrl?.startsWith('urn:uuid:')) created.set(p.fullUrl, `${p.type}/${written.id}`);
      } catch (err) {
        await repo.rollbackToSavepoint(trx, p.index);
        if (!(err instanceof FhirError)) throw err;
        if (p.fullUrl) failed.set(p.fullUrl, p.index);
        refused.push(issue(err.code, err.diagnostics, inEntry(p.index, p.type, err.expression)));
      }
    }
    if (refused.length > 0)
      throw new BundleRefused(refused.every((i) => i.code === 'not-found') ? 404 : 422, {
        resourceType: 'OperationOutcome',
        issue: refused.sort((a, b) =>
          (a.expression?.[0] ?? '').localeCompare(b.expression?.[0] ?? '', 'en', { numeric: true }),
        ),
      });
    return done;
  }).finally(() => auditRefused(ctx, refusedWrites));
  return {
    resourceType: 'Bundle',
    type: 'transaction-response',
    entry: planned.map((p) => {
      const w = results.get(p.index);
      const location = `${p.type}/${w?.id ?? ''}/_history/${w?.resource?.meta?.versionId ?? '1'}`;
      return {
        ...(w?.id ? { fullUrl: `${ctx.base}/${p.type}/${w.id}` } : {}),
        response: { status: w?.created ? '201 Created' : '200 OK', location },
      };
    }),
  };
}
