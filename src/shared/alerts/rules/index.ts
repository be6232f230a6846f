import type { EventType } from '../events.js';
import type { AlertRule } from './rule.js';

// Every alert rule Duet applies. Keep one rule per file; register it here.
export const alertRules: AlertRule<EventType>[] = [];
