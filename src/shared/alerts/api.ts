// The inbox API: the schemas the alert routes use and the web client's types inferred from them.
import { z } from 'zod';
import type { alertSchema } from './alert.js';

export type { Severity } from './alert.js';

export const inboxViews = ['active', 'open', 'acknowledged', 'resolved', 'all'] as const;
export const inboxViewSchema = z.enum(inboxViews);
export const inboxCountsSchema = z.object({
  urgent: z.number(),
  high: z.number(),
  routine: z.number(),
  total: z.number(),
});

export type Alert = z.output<typeof alertSchema>;
export type AlertState = Alert['state'];
export type InboxView = z.output<typeof inboxViewSchema>;
export type InboxCounts = z.output<typeof inboxCountsSchema>;
