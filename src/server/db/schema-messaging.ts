// Table types of the messaging and consults feature (migration 006).
export type MessagingTables = Record<never, never>;
