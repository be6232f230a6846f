// Two years of a medication's schedule is ~700-1,400 doses, each a local-time conversion: the costliest part
// of a timeline read. The answer depends only on the regimen, the days and the zone, so the last expansions
// are kept (least recently used dropped), keyed by all of them: a changed dose or a new day is a new key,
// never a stale answer. The adherence summary does the same (adherence-inputs.ts).
import {
  expandScheduledDoses,
  type Regimen,
  type ScheduledDose,
} from '../../../shared/medications/schedule.js';

const SIZE = 1000;
const kept = new Map<string, ScheduledDose[]>();

export function expandRemembered(regimen: Regimen, from: string, to: string, zone: string): ScheduledDose[] {
  const key = JSON.stringify([regimen, from, to, zone]);
  const hit = kept.get(key);
  if (hit) {
    kept.delete(key);
    kept.set(key, hit);
    return hit;
  }
  const doses = expandScheduledDoses(regimen, from, to, zone);
  kept.set(key, doses);
  if (kept.size > SIZE) {
    const oldest = kept.keys().next();
    if (!oldest.done) kept.delete(oldest.value);
  }
  return doses;
}
