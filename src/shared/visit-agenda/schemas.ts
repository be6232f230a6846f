import { z } from 'zod';
import { listLimitSchema } from '../lists/limit-query.js';
import { AGENDA_ITEMS_MAX } from '../lists/limits.js';
import { AGENDA_TEXT_MAX, agendaAddressees, agendaStatuses } from './rules.js';

/** "What I want to talk about" API shapes (issue 14), shared by the server's routes and the web app. */
export const agendaAddresseeSchema = z.enum(agendaAddressees);

const itemText = z
  .string()
  .trim()
  .min(1, 'Write what you want to talk about')
  .max(AGENDA_TEXT_MAX, `Keep it to ${String(AGENDA_TEXT_MAX)} characters or fewer`);

export const newAgendaItemSchema = z.object({
  /** Made by the client: a retried add finds the first one. */
  id: z.uuid('Send a UUID made by the client.'),
  addressedTo: agendaAddresseeSchema,
  text: itemText,
  /** The appointment it is for (from the appointment card); left out = the next visit. */
  appointmentId: z.uuid().nullable().default(null),
});
export type NewAgendaItem = z.input<typeof newAgendaItemSchema>;

export const agendaItemChangeSchema = z
  .object({ addressedTo: agendaAddresseeSchema.optional(), text: itemText.optional() })
  .refine((c) => c.addressedTo !== undefined || c.text !== undefined, {
    error: 'Change the text or who it is for',
  });
export type AgendaItemChange = z.input<typeof agendaItemChangeSchema>;

export const agendaListQuerySchema = z.object({
  /** Items for this appointment: those added for it and the open ones for the next visit. */
  appointmentId: z.uuid().optional(),
  status: z.enum(['open', 'all']).default('all'),
  /** Bounded (issue 19): every open item first, then the latest discussed ones; `hasMore` when cut. */
  limit: listLimitSchema(AGENDA_ITEMS_MAX),
});

export const agendaItemSchema = z.object({
  id: z.string(),
  patientId: z.string(),
  addressedTo: agendaAddresseeSchema,
  appointmentId: z.string().nullable(),
  /** When the appointment it was added for starts (null: the next visit). */
  appointmentStartsAt: z.number().nullable(),
  text: z.string(),
  status: z.enum(agendaStatuses),
  discussedByName: z.string().nullable(),
  discussedAt: z.number().nullable(),
  createdAt: z.number(),
  updatedAt: z.number(),
  version: z.number(),
  /** The patient may still change or delete it (until the visit). */
  changeable: z.boolean(),
});

export const agendaListSchema = z.object({ items: z.array(agendaItemSchema), hasMore: z.boolean() });
