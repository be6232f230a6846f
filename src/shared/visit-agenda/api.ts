// The agenda API's types for the web client, inferred from the routes' schemas (schemas.ts).
import type { z } from 'zod';
import type { agendaItemSchema, agendaListSchema } from './schemas.js';

export type AgendaItem = z.output<typeof agendaItemSchema>;
export type AgendaList = z.output<typeof agendaListSchema>;
export type { NewAgendaItem, AgendaItemChange } from './schemas.js';
