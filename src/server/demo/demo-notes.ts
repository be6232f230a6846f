import { localDate } from '../../shared/time/index.js';
import { patientBasics } from '../platform/patients/patient-basics.js';
import { attendedOfPatient } from '../features/appointments/index.js';
import type { Db } from '../db/database.js';
import type { AppDeps } from '../platform/deps.js';
import { newId } from '../platform/ids.js';
import { progressNoteContentSchema, type ProgressNoteContentInput } from '../../shared/notes/schemas.js';
import * as repo from '../features/notes/notes.repository.js';

const DAY_MS = 86_400_000;

interface Session {
  id: string | null;
  day: string;
  /** End of the session: the note is signed a little after. */
  endsAt: number;
}

/** The patient's attended therapy sessions with this clinician, oldest first (from the appointments demo). */
async function attendedSessions(trx: Db, clinicId: string, patientId: string, clinicianId: string) {
  const attended = await attendedOfPatient(trx, clinicId, patientId, { type: 'therapy_session' });
  return attended
    .filter((s) => s.clinician_id === clinicianId)
    .map((s) => ({ id: s.id, day: s.local_day, endsAt: s.ends_at }));
}

/** The last `n` sessions, or weekly standalone contacts when the appointments demo is not there. */
async function sessionsFor(
  trx: Db,
  clinicId: string,
  patientId: string,
  clinicianId: string,
  n: number,
  now: number,
): Promise<Session[]> {
  const attended = await attendedSessions(trx, clinicId, patientId, clinicianId);
  if (attended.length > 0) return attended.slice(-n);
  const zone = (await patientBasics(trx, clinicId, patientId))?.timeZone;
  return Array.from({ length: n }, (_, i) => {
    const endsAt = now - (n - i) * 7 * DAY_MS;
    return { id: null, day: localDate(endsAt, zone ?? 'UTC'), endsAt };
  });
}

const samNotes: ProgressNoteContentInput[] = [
  {
    focus: 'Low mood and withdrawal since the job loss; introducing behavioural activation.',
    interventions: ['cbt_psychoeducation', 'cbt_behavioural_activation', 'measure_review'],
    practiceAssigned: 'Activity log every evening this week.',
    risk: { status: 'no_current_risk' },
    subjective: 'Sam says most days are spent indoors; sleep is broken and mornings are the worst.',
    objective: 'Flat affect, slowed speech, engaged once the activity log was explained. PHQ-9 reviewed.',
    assessment: 'Moderately severe depression with marked withdrawal; motivated to try activation.',
    plan: 'Review the activity log next week and plan two small activities a day.',
  },
  {
    focus: 'Activity log review; planning valued activities.',
    interventions: ['cbt_activity_scheduling', 'practice_review'],
    practiceAssigned: 'Two planned activities a day, one with another person.',
    risk: { status: 'no_current_risk' },
    subjective: 'Completed the log on five of seven days. Noticed mood lifts after walking the dog.',
    objective: 'Brighter, more eye contact, brought the log on paper.',
    assessment: 'Good engagement; the link between activity and mood is landing.',
    plan: 'Build on walking; add a weekly call with his brother. Start thought records in two weeks.',
  },
  {
    focus: 'Self-critical thoughts after a job rejection; safety check after the questionnaire.',
    interventions: ['cbt_thought_record_review', 'cbt_cognitive_restructuring', 'safety_planning'],
    practiceAssigned: 'One thought record after any setback this week.',
    risk: {
      status: 'safety_plan_reviewed',
      details:
        'Passing thoughts that things would be easier if he were not here; no plan or intent. Safety plan reviewed and kept on his phone.',
    },
    subjective: 'Rejected for a role he wanted; "I will never get back on track."',
    objective: 'Tearful at first, settled during the session, able to generate alternative thoughts.',
    assessment: 'Setback, but using the skills; risk low and managed with the safety plan.',
    plan: 'Weekly sessions continue; share the safety check with the prescriber.',
  },
];

const mayaNotes: ProgressNoteContentInput[] = [
  {
    focus: 'Worry about work deadlines; practising postponing worry.',
    interventions: ['cbt_problem_solving', 'cbt_relaxation'],
    practiceAssigned: 'Fifteen-minute worry time at 6 pm each day.',
    risk: { status: 'no_current_risk' },
    data: 'Maya reports worrying most evenings, less than a month ago. GAD-7 and PHQ-9 both lower.',
    assessment: 'Steady improvement; close to remission.',
    plan: 'Keep worry time; talk about spacing sessions out.',
  },
  {
    focus: 'Relapse prevention and spacing sessions.',
    interventions: ['cbt_psychoeducation', 'measure_review'],
    practiceAssigned: 'Write a one-page plan of early warning signs.',
    risk: { status: 'no_current_risk' },
    data: 'Sleeping well, back to swimming twice a week. Scores in the remission range.',
    assessment: 'In remission; ready to move to fortnightly sessions.',
    plan: 'Fortnightly from next month; review the warning-signs plan together.',
  },
];

/**
 * Notes for the demo clinic (issue 6): signed progress notes for Sam's and Maya's latest therapy
 * sessions (SOAP for Sam, DAP for Maya), a draft for Sam's last session, an addendum, one private
 * psychotherapy note by the therapist, and both team summaries for each of them.
 */
export async function seedDemoNotes(
  deps: AppDeps,
  clinicId: string,
  staff: { therapist: string; prescriber: string },
  patients: { patientId: string; userId: string }[],
): Promise<void> {
  const now = deps.clock.now();
  const [sam, maya] = patients;
  await deps.database.transaction(async (trx) => {
    const write = async (
      patientId: string,
      format: 'soap' | 'dap',
      contents: ProgressNoteContentInput[],
      draftToo: boolean,
    ) => {
      const sessions = await sessionsFor(trx, clinicId, patientId, staff.therapist, contents.length + 1, now);
      const signedOnes = sessions.slice(0, contents.length);
      const ids: string[] = [];
      for (const [i, s] of signedOnes.entries()) {
        const signedAt = Math.min(s.endsAt + 3 * 3_600_000, now - 60_000);
        const id = newId();
        ids.push(id);
        await repo.insertProgressNote(trx, {
          id,
          clinic_id: clinicId,
          patient_id: patientId,
          appointment_id: s.id,
          session_date: s.day,
          format,
          content: JSON.stringify(progressNoteContentSchema.parse(contents[i])),
          status: 'signed',
          author_id: staff.therapist,
          version: 2,
          signed_by: staff.therapist,
          signed_at: signedAt,
          created_at: s.endsAt + 600_000,
          updated_at: signedAt,
        });
      }
      const last = sessions[contents.length];
      if (draftToo && last) {
        await repo.insertProgressNote(trx, {
          id: newId(),
          clinic_id: clinicId,
          patient_id: patientId,
          appointment_id: last.id,
          session_date: last.day,
          format,
          content: JSON.stringify(
            progressNoteContentSchema.parse({
              focus: 'Thought records after the job interview; sleep.',
              interventions: ['cbt_thought_record_review'],
              subjective: 'Did two thought records; believes the "failure" thought less (80% → 40%).',
            }),
          ),
          status: 'draft',
          author_id: staff.therapist,
          version: 3,
          signed_by: null,
          signed_at: null,
          created_at: Math.min(last.endsAt + 600_000, now),
          updated_at: Math.min(last.endsAt + 900_000, now),
        });
      }
      return { ids, sessions };
    };

    if (sam) {
      const { ids, sessions } = await write(sam.patientId, 'soap', samNotes, true);
      const corrected = ids[1];
      const session = sessions[1];
      if (corrected && session)
        await repo.insertAddendum(trx, {
          id: newId(),
          clinic_id: clinicId,
          note_id: corrected,
          text: 'Correction: the weekly call is with his sister Ana, not his brother.',
          written_by: staff.therapist,
          written_at: Math.min(session.endsAt + 2 * DAY_MS, now - 60_000),
        });
      const latest = sessions[sessions.length - 2] ?? sessions[0];
      if (latest)
        await repo.insertPsychotherapyNote(trx, {
          id: newId(),
          clinic_id: clinicId,
          patient_id: sam.patientId,
          author_id: staff.therapist,
          session_date: latest.day,
          text: 'My own working notes: the rejection seems to echo how his father spoke about failure. Go gently here; explore when the mood is steadier.',
          version: 1,
          created_at: Math.min(latest.endsAt + 900_000, now),
          updated_at: Math.min(latest.endsAt + 900_000, now),
        });
    }
    if (maya) await write(maya.patientId, 'dap', mayaNotes, false);

    const summaries: [typeof sam, 'therapy' | 'medication', string, string[]][] = [
      [
        sam,
        'therapy',
        staff.therapist,
        [
          'CBT for depression: behavioural activation, starting thought records.',
          'CBT for depression, week 10: activation well established (walks, calls). Now on thought records for self-criticism after job rejections. Passing thoughts of not being here last session, no plan; safety plan reviewed. Attendance good apart from one no-show.',
        ],
      ],
      [
        sam,
        'medication',
        staff.prescriber,
        [
          'Bupropion XL 150 mg started with trazodone at night for sleep.',
          'Bupropion XL 300 mg since week 4 (partial response at 150 mg), well tolerated. Trazodone stopped: sleep better. Ran out for a few days five weeks ago; refills now on reminder. Please tell me if the low mood after rejections deepens.',
        ],
      ],
      [
        maya,
        'therapy',
        staff.therapist,
        [
          'CBT for anxiety and low mood: in remission. Moving to fortnightly sessions; relapse-prevention plan in progress.',
        ],
      ],
      [
        maya,
        'medication',
        staff.prescriber,
        [
          'Sertraline 100 mg, well tolerated; hydroxyzine as needed, now rarely used. In remission: continue sertraline for now and review a taper plan together with therapy later.',
        ],
      ],
    ];
    for (const [patient, kind, writer, versions] of summaries) {
      if (!patient) continue;
      for (const [i, text] of versions.entries()) {
        await repo.insertSummary(trx, {
          id: newId(),
          clinic_id: clinicId,
          patient_id: patient.patientId,
          kind,
          version: i + 1,
          text,
          written_by: writer,
          written_at: now - (versions.length - i) * 14 * DAY_MS + DAY_MS,
        });
      }
    }
  });
}
