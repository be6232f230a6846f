import { addDays, localDate } from '../../shared/time/index.js';
import type { AppDeps } from '../platform/deps.js';
import { newId } from '../platform/ids.js';
import { contentSchemas, type PracticeType } from '../../shared/practice/content.js';
import type { Frequency } from '../../shared/practice/completion.js';
import { PRACTICE_LIBRARY_VERSION } from '../../shared/practice/library.js';
import type { Sharing } from '../../shared/practice/sharing.js';
import * as repo from '../features/practice/practice.repository.js';
import { patientBasics } from '../platform/patients/patient-basics.js';

const DAY_MS = 86_400_000;

interface DemoEntry {
  daysAgo: number;
  sharing: Sharing;
  content: unknown;
  comment?: string;
}

/** Writes one assignment and its completed entries as if they had happened over the past weeks. */
async function seedAssignment(
  deps: AppDeps,
  clinicId: string,
  therapistId: string,
  patient: { patientId: string },
  a: {
    type: PracticeType;
    instructions: string;
    frequency: Frequency;
    startedDaysAgo: number;
    dueInDays: number;
    ipt?: string;
    entries: DemoEntry[];
  },
): Promise<void> {
  const db = deps.database.db;
  const now = deps.clock.now();
  const tz = (await patientBasics(db, clinicId, patient.patientId))?.timeZone ?? 'UTC';
  const today = localDate(now, tz);
  const assignedAt = now - a.startedDaysAgo * DAY_MS;
  const assignmentId = newId();
  await repo.insertAssignment(db, {
    id: assignmentId,
    clinic_id: clinicId,
    patient_id: patient.patientId,
    type: a.type,
    library_version: PRACTICE_LIBRARY_VERSION,
    instructions: a.instructions,
    frequency: JSON.stringify(a.frequency),
    start_day: localDate(assignedAt, tz),
    due_day: addDays(today, a.dueInDays),
    ipt_problem_area: a.ipt ?? null,
    status: 'active',
    ended_at: null,
    ended_by: null,
    ended_day: null,
    assigned_by: therapistId,
    created_at: assignedAt,
    updated_at: assignedAt,
    version: 1,
  });
  for (const e of a.entries) {
    const at = now - e.daysAgo * DAY_MS - 2 * 3_600_000;
    const id = newId();
    await repo.insertEntry(db, {
      id,
      clinic_id: clinicId,
      patient_id: patient.patientId,
      assignment_id: assignmentId,
      type: a.type,
      sharing: e.sharing,
      status: 'done',
      content: JSON.stringify(contentSchemas[a.type].parse(e.content)),
      day: localDate(at, tz),
      started_at: at - 600_000,
      updated_at: at,
      completed_at: at,
      version: 2,
    });
    if (e.comment)
      await repo.insertComment(db, {
        id: newId(),
        clinic_id: clinicId,
        patient_id: patient.patientId,
        entry_id: id,
        author_id: therapistId,
        text: e.comment,
        created_at: at + 20 * 3_600_000,
      });
  }
}

const thought = (
  situation: string,
  hot: string,
  before: number,
  after: number,
  balanced: string,
  balancedBelief: number,
  mood: [string, number, number],
) => ({
  situation,
  moods: [{ name: mood[0], intensity: mood[1], rerated: mood[2] }],
  thoughts: [{ text: hot, belief: before, hot: true }],
  evidenceFor: 'It felt that way at the time.',
  evidenceAgainst: 'When I looked again, there were other ways to read it.',
  balancedThought: balanced,
  balancedBelief,
  hotThoughtBeliefAfter: after,
});

const diary = (sad: number, anger: number, urge: number, distress: number, skills: string[]) => ({
  emotions: [
    { name: 'Sadness', rating: sad },
    { name: 'Anger', rating: anger },
    { name: 'Fear', rating: Math.max(0, sad - 1) },
    { name: 'Shame', rating: Math.max(0, sad - 2) },
    { name: 'Joy', rating: Math.max(0, 4 - sad) },
  ],
  urges: [
    { behaviour: 'Self-harm', urge, actedOn: false },
    { behaviour: 'Using alcohol or drugs', urge: Math.max(0, urge - 1), actedOn: false },
  ],
  skills,
  distress,
});

/**
 * Practice for the demo patients (issue 6): Sam (out of work and looking, as his notes and plan say) keeps
 * thought records (one for the therapist only, the rest shared) and a daily diary card shared with the team; Maya an activity log; Tom an interpersonal
 * log on the plan's IPT focus (role transitions).
 */
export async function seedDemoPractice(
  deps: AppDeps,
  clinicId: string,
  ids: { therapist: string },
  patients: { patientId: string; userId: string }[],
): Promise<void> {
  const [sam, maya, tom] = patients;
  if (sam) {
    await seedAssignment(deps, clinicId, ids.therapist, sam, {
      type: 'thought_record',
      instructions: 'Whenever your mood drops suddenly, especially around the job search.',
      frequency: { kind: 'weekly', timesPerWeek: 2 },
      startedDaysAgo: 21,
      dueInDays: 14,
      entries: [
        {
          daysAgo: 19,
          sharing: 'team',
          content: thought(
            'Missed the deadline for a job application',
            'I always let everyone down',
            90,
            60,
            'I missed one deadline in a hard month',
            50,
            ['Guilty', 85, 60],
          ),
          comment: 'Good start. Notice the word "always": we will look at it on Thursday.',
        },
        {
          daysAgo: 15,
          sharing: 'therapist',
          content: thought(
            'Argument with my sister about Mum',
            'Nobody in my family respects me',
            85,
            45,
            'We disagree about Mum, and she still calls me every week',
            60,
            ['Hurt', 80, 45],
          ),
        },
        {
          daysAgo: 11,
          sharing: 'team',
          content: thought(
            'Friend cancelled lunch',
            'People do not want to spend time with me',
            75,
            35,
            'She cancelled because her child was ill',
            75,
            ['Lonely', 70, 30],
          ),
        },
        {
          daysAgo: 5,
          sharing: 'team',
          content: thought(
            'A recruiter asked for a second call',
            'They will find out I am not good enough',
            70,
            25,
            'They asked for a second call because the first one went well',
            80,
            ['Anxious', 75, 25],
          ),
          comment: 'Your belief in the hot thought fell much more this time. What helped most?',
        },
      ],
    });
    await seedAssignment(deps, clinicId, ids.therapist, sam, {
      type: 'diary_card',
      instructions: 'Every evening, even on good days.',
      frequency: { kind: 'daily' },
      startedDaysAgo: 13,
      dueInDays: 14,
      entries: [
        { daysAgo: 13, sharing: 'team', content: diary(4, 2, 3, 7, ['TIPP']) },
        { daysAgo: 12, sharing: 'team', content: diary(4, 1, 2, 6, ['Distract']) },
        { daysAgo: 10, sharing: 'team', content: diary(3, 3, 2, 6, ['Opposite action', 'Wise mind']) },
        { daysAgo: 9, sharing: 'team', content: diary(3, 1, 1, 5, ['Self-soothe']) },
        { daysAgo: 7, sharing: 'team', content: diary(3, 2, 1, 5, ['Check the facts']) },
        { daysAgo: 6, sharing: 'team', content: diary(2, 1, 1, 4, ['Wise mind']) },
        { daysAgo: 5, sharing: 'team', content: diary(3, 2, 2, 5, ['TIPP', 'Self-soothe']) },
        { daysAgo: 3, sharing: 'team', content: diary(2, 1, 0, 3, ['Opposite action']) },
        { daysAgo: 2, sharing: 'team', content: diary(2, 0, 0, 3, ['Observe and describe']) },
        {
          daysAgo: 1,
          sharing: 'team',
          content: diary(1, 1, 0, 2, ['Wise mind', 'Please (look after body)']),
        },
      ],
    });
  }
  if (maya) {
    const day = (mood: number, done: 'done' | 'partly' | 'not_done') => ({
      blocks: [
        {
          block: 'Morning',
          planned: 'Walk to the bakery',
          actual: done === 'not_done' ? 'Stayed in bed' : 'Walked to the bakery',
          done,
          mood,
          mastery: mood,
          pleasure: mood + 1,
        },
        {
          block: 'Afternoon',
          planned: 'Call Jo',
          actual: 'Called Jo for 20 minutes',
          done: 'done',
          mood: mood + 1,
          mastery: 5,
          pleasure: 7,
        },
        {
          block: 'Evening',
          planned: '',
          actual: 'Cooked dinner',
          done: null,
          mood: mood + 1,
          mastery: 6,
          pleasure: 5,
        },
      ],
    });
    await seedAssignment(deps, clinicId, ids.therapist, maya, {
      type: 'behavioural_activation',
      instructions: 'Plan one small thing for the morning and one for the afternoon.',
      frequency: { kind: 'weekly', timesPerWeek: 3 },
      startedDaysAgo: 14,
      dueInDays: 14,
      entries: [
        { daysAgo: 13, sharing: 'team', content: day(3, 'not_done') },
        { daysAgo: 11, sharing: 'team', content: day(4, 'partly') },
        {
          daysAgo: 9,
          sharing: 'team',
          content: day(5, 'done'),
          comment: 'Lovely: the walk lifted the whole day.',
        },
        { daysAgo: 5, sharing: 'team', content: day(6, 'done') },
        { daysAgo: 2, sharing: 'team', content: day(6, 'done') },
      ],
    });
  }
  if (tom) {
    await seedAssignment(deps, clinicId, ids.therapist, tom, {
      type: 'ipt_log',
      instructions: 'One moment a week about the move to the new team.',
      frequency: { kind: 'weekly', timesPerWeek: 1 },
      startedDaysAgo: 10,
      dueInDays: 21,
      ipt: 'role_transitions',
      entries: [
        {
          daysAgo: 4,
          sharing: 'therapist',
          content: {
            problemArea: 'role_transitions',
            person: 'New team lead',
            whatHappened: 'She reorganised my tasks without asking me first.',
            howIFelt: 'Side-lined',
            feelingIntensity: 70,
            areaReflection:
              'I miss knowing exactly what my job was; the new role could mean more say in planning.',
            nextStep: 'Ask for a weekly ten-minute check-in.',
          },
        },
      ],
    });
  }
}
