import type { CarePlan, Condition, Goal } from '@medplum/fhirtypes';
import { toCarePlan } from '../../../shared/fhir/mappings/care-plan.js';
import { toGoal } from '../../../shared/fhir/mappings/goal.js';
import { toCondition } from '../../../shared/fhir/mappings/condition.js';
import { parsePlanItemId } from '../../../shared/fhir/mappings/plan-items.js';
import { planContentSchema, type PlanContent } from '../../../shared/treatment-plans/schemas.js';
import type { FhirContext } from './access.js';
import type { ResourceHandler } from './handler.js';
import {
  auditSearch,
  codesOf,
  emptyPage,
  matchesAll,
  readInPatient,
  searchedPatient,
  slicePage,
} from './compartment.js';
import { boundsOf, idsOf } from './params.js';
import * as repo from './fhir-care-plan.repository.js';

// The agreed treatment plan: each agreed version a CarePlan, its goals Goal, its problems Condition.
// Drafts (not yet agreed) are never sent; the therapist's psychotherapy notes live elsewhere and are never read.

interface AgreedVersion {
  row: repo.PlanVersionRow;
  content: PlanContent;
  agreedAt: number;
  /** The agreed version before it (it replaced), and when the one after it was agreed. */
  replacesId: string | null;
  endedAt: number | null;
}

interface Versions {
  /** The readable agreed versions, newest first. */
  versions: AgreedVersion[];
  /** The ids of stored versions whose content could not be read: left out of reads and searches (a warning). */
  unreadable: string[];
}

async function versionsOf(ctx: FhirContext, patientId: string): Promise<Versions> {
  const rows = await repo.agreedVersionsOf(ctx.deps.database.db, ctx.client.clinicId, patientId);
  const versions: AgreedVersion[] = [];
  const unreadable: string[] = [];
  // rows are newest first: the row before is the version that replaced this one, the row after the one it replaced
  // (taken from every row, so an unreadable version still keeps its neighbours' periods right).
  for (const [i, row] of rows.entries()) {
    const content = planContentSchema.safeParse(safeJson(row.content));
    if (!content.success) {
      unreadable.push(row.id);
      continue;
    }
    versions.push({
      row,
      content: content.data,
      agreedAt: row.agreed_at ?? row.updated_at,
      replacesId: rows[i + 1]?.id ?? null,
      endedAt: i === 0 ? null : (rows[i - 1]?.agreed_at ?? null),
    });
  }
  return { versions, unreadable };
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}

/** What a search answers beside its matches when a stored version could not be read (Bundle search mode outcome). */
const unreadableWarnings = (type: string, ids: readonly string[]) =>
  ids.map(
    (id) =>
      `The plan version ${id} could not be read from its record; its ${type} resources are left out of this answer.`,
  );

const carePlanOf = (v: AgreedVersion): CarePlan =>
  toCarePlan({
    id: v.row.id,
    planId: v.row.plan_id,
    patientId: v.row.patient_id,
    number: v.row.number,
    status: v.row.status,
    content: v.content,
    agreedAt: v.agreedAt,
    endedAt: v.endedAt,
    replacesId: v.replacesId,
    version: v.row.version,
    updatedAt: v.row.updated_at,
  });

const goalsOf = (v: AgreedVersion): Goal[] =>
  v.content.goals
    .map((goal) =>
      toGoal({
        versionId: v.row.id,
        patientId: v.row.patient_id,
        goal,
        agreedAt: v.agreedAt,
        version: v.row.version,
        updatedAt: v.row.updated_at,
      }),
    )
    .filter((g) => g !== null);

const conditionsOf = (v: AgreedVersion): Condition[] =>
  v.content.problems
    .map((problem) =>
      toCondition({
        versionId: v.row.id,
        patientId: v.row.patient_id,
        problem,
        planStatus: v.row.status,
        agreedAt: v.agreedAt,
        version: v.row.version,
        updatedAt: v.row.updated_at,
      }),
    )
    .filter((c) => c !== null);

const versionOwner = async (ctx: FhirContext, versionId: string) =>
  (await repo.agreedVersionPatient(ctx.deps.database.db, ctx.client.clinicId, versionId))?.patient_id;
const itemOwner = (ctx: FhirContext, id: string) => {
  const parsed = parsePlanItemId(id);
  return parsed ? versionOwner(ctx, parsed.versionId) : Promise.resolve(undefined);
};

export const carePlanHandler: ResourceHandler = {
  type: 'CarePlan',
  params: ['patient', 'subject', '_id', 'status', 'category', 'date'],
  read(ctx, id) {
    return readInPatient(
      ctx,
      'CarePlan',
      id,
      (v) => versionOwner(ctx, v),
      async (patientId) => {
        const v = (await versionsOf(ctx, patientId)).versions.find((x) => x.row.id === id);
        return v && carePlanOf(v);
      },
    );
  },
  async search(ctx, params, count, cursor) {
    const patientId = await searchedPatient(ctx, params, 'CarePlan', (v) => versionOwner(ctx, v));
    if (patientId === null) return emptyPage;
    const ids = idsOf(params);
    const statuses = codesOf(params, 'status');
    const categories = codesOf(params, 'category');
    const date = boundsOf(params, 'date');
    const { versions, unreadable } = await versionsOf(ctx, patientId);
    const plans = versions
      // date: the plan's period overlaps the range searched.
      .filter(
        (v) =>
          (date.before === null || v.agreedAt < date.before) &&
          (date.from === null || v.endedAt === null || v.endedAt >= date.from),
      )
      .map(carePlanOf)
      .filter(
        (c) =>
          (ids === null || ids.includes(c.id ?? '')) &&
          matchesAll(statuses, c.status) &&
          matchesAll(categories, c.category?.[0]?.coding?.[0]?.code),
      );
    await auditSearch(ctx, 'CarePlan', patientId);
    return { ...slicePage(plans, count, cursor), warnings: unreadableWarnings('CarePlan', unreadable) };
  },
};

/** A search of goals or problems: those of the plan in force, or (by `_id`) of any agreed version. */
function itemHandler<R extends Goal | Condition>(
  type: 'Goal' | 'Condition',
  itemsOf: (v: AgreedVersion) => R[],
  statusParam: string,
  statusOf: (r: R) => string | undefined,
): ResourceHandler {
  const load = async (ctx: FhirContext, patientId: string, ids: readonly string[] | null) => {
    const { versions, unreadable } = await versionsOf(ctx, patientId);
    const served = ids === null ? versions.filter((v) => v.row.status === 'agreed') : versions;
    const items = served.flatMap(itemsOf).filter((r) => ids === null || ids.includes(r.id ?? ''));
    return { items, warnings: unreadableWarnings(type, unreadable) };
  };
  return {
    type,
    params: ['patient', 'subject', '_id', statusParam, ...(type === 'Condition' ? ['category'] : [])],
    read(ctx, id) {
      return readInPatient(
        ctx,
        type,
        id,
        (i) => itemOwner(ctx, i),
        async (patientId) => (await load(ctx, patientId, [id])).items[0],
      );
    },
    async search(ctx, params, count, cursor) {
      const patientId = await searchedPatient(ctx, params, type, (i) => itemOwner(ctx, i));
      if (patientId === null) return emptyPage;
      const statuses = codesOf(params, statusParam);
      const categories = codesOf(params, 'category');
      const loaded = await load(ctx, patientId, idsOf(params));
      const items = loaded.items.filter(
        (r) =>
          matchesAll(statuses, statusOf(r)) &&
          (r.resourceType !== 'Condition' || matchesAll(categories, r.category?.[0]?.coding?.[0]?.code)),
      );
      await auditSearch(ctx, type, patientId);
      return { ...slicePage(items, count, cursor), warnings: loaded.warnings };
    },
  };
}

export const goalHandler = itemHandler<Goal>('Goal', goalsOf, 'lifecycle-status', (g) => g.lifecycleStatus);
export const conditionHandler = itemHandler<Condition>(
  'Condition',
  conditionsOf,
  'clinical-status',
  (c) => c.clinicalStatus?.coding?.[0]?.code,
);
