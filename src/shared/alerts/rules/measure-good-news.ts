import { defineRule } from './rule.js';

const names = { phq9: 'PHQ-9', gad7: 'GAD-7' } as const;

/**
 * Good news (issue 5): a questionnaire at remission (PHQ-9 < 5) or response (>= 50% fall from baseline;
 * ICSI, AIMS Center) → a routine note to the whole team. Remission wins over response. Told once, when
 * the target is newly reached (the previous answer was not there); an answer that stays at the target is
 * quiet. Events written before `newly*` existed count as newly reached.
 */
export const measureGoodNews = defineRule({
  name: 'measure-good-news',
  on: 'measure.submitted',
  evaluate: ({ payload: p }) => {
    if (p.total === null || p.reliableDeterioration || (!p.remission && !p.response)) return [];
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
