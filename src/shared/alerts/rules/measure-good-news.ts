import { defineRule } from './rule.js';

const names = { phq9: 'PHQ-9', gad7: 'GAD-7' } as const;

/**
 * Good news (issue 5): a questionnaire at remission (PHQ-9 < 5) or response (>= 50% fall from baseline;
 * ICSI, AIMS Center) → a routine note to the whole team. Remission wins over response. Told once, when
 * the target is newly reached (the previous answer was not there); an answer that stays at the target is
 * quiet. Events written before `newly*` existed count as newly reached. Remission needs a follow-up answer
 * after the baseline (the measures feature never marks the baseline as remission). Issue 12: nothing says
 * good news on the same day as a positive PHQ-9 item 9 or a self-harm entry (product policy).
 */
export const measureGoodNews = defineRule({
  name: 'measure-good-news',
  on: 'measure.submitted',
  evaluate: ({ payload: p }) => {
    if (p.total === null || p.reliableDeterioration || (!p.remission && !p.response)) return [];
    // Never good news on the day of a positive item 9 or a self-harm entry, nor beside a relapse (issue 12).
    if (p.safetyConcernSameDay === true || (p.relapse ?? null) !== null) return [];
    const newRemission = p.remission && (p.newlyRemission ?? true);
    const newResponse = p.response && (p.newlyResponse ?? true);
    if (!newRemission && !newResponse) return [];
    const name = names[p.instrument];
    const change =
      p.changePercent === null
        ? ''
        : ` (${String(Math.round(Math.abs(p.changePercent)))}% lower than baseline)`;
    return [
      {
        type: 'good_news',
        severity: 'routine',
        title: newRemission ? `Good news: ${name} remission` : `Good news: ${name} response`,
        details: newRemission
          ? `${name} is ${String(p.total)}, in the remission range${change}. Consider how to keep the gains (continuation plan).`
          : `${name} is ${String(p.total)}${change}: a response to treatment. Keep going towards remission.`,
        routeToRoles: ['therapist', 'prescriber', 'care_manager'],
        subjectId: p.responseId,
      },
    ];
  },
});
