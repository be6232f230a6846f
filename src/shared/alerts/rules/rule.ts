import type { AlertSpec } from '../alert.js';
import type { DomainEvent, EventType } from '../events.js';

/**
 * An alert rule: a pure function from one domain event to the alerts it should raise (often none).
 * Adding a rule = one small file exporting an AlertRule + one line in rules/index.ts + a table test.
 */
export interface AlertRule<T extends EventType = EventType> {
  /** Unique and stable: with the event id it forms the alert's idempotency key. */
  name: string;
  on: T;
  evaluate(event: DomainEvent<T>): AlertSpec[];
}

export function defineRule<T extends EventType>(rule: AlertRule<T>): AlertRule<T> {
  return rule;
}
