// The messaging and consult API's types for the web client, inferred from the routes' schemas (schemas.ts).
export type {
  Consult,
  ConsultPriority,
  ConversationDetail,
  ConversationKind,
  ConversationSummary,
  Message,
  NewConsult,
  NewConversation,
  NewMessage,
  Person,
} from './schemas.js';
