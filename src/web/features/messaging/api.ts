import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { v4 as uuid } from 'uuid';
import { api } from '../../app/api-client';
import { earlyOr, whenSignedIn } from '../../lib/early-reads';
import type {
  Consult,
  ConversationDetail,
  ConversationSummary,
  Message,
  NewConsult,
  NewConversation,
  NewMessage,
} from '../../../shared/messaging/api';
import { inboxKeys } from '../inbox/api';

/** A client-made id for a message, conversation or consult: a retry sends the same one. */
export const newClientId = (): string => uuid();

const base = (patientId: string) => `/api/patients/${encodeURIComponent(patientId)}`;

export const messagingKeys = {
  conversations: (patientId: string) => ['patients', patientId, 'conversations'] as const,
  conversation: (patientId: string, conversationId: string) =>
    ['patients', patientId, 'conversations', conversationId] as const,
  patientConsults: (patientId: string) => ['patients', patientId, 'consults'] as const,
  myConsults: ['consults', 'mine'] as const,
};

/** New messages show up without a reload while a conversation is open. */
const CONVERSATION_POLL_MS = 10_000;

const conversationsPath = (patientId: string) => `${base(patientId)}/conversations`;

// Issue 17 ("Fast"): the patient's Today counts new messages; asked for with the session
// (src/web/lib/early-reads.ts).
whenSignedIn((answer, pathname) =>
  answer.user.role === 'patient' && answer.user.patientId !== null && pathname === '/home'
    ? {
        path: conversationsPath(answer.user.patientId),
        key: messagingKeys.conversations(answer.user.patientId),
      }
    : null,
);

function conversationsQuery(patientId: string) {
  return {
    queryKey: messagingKeys.conversations(patientId),
    queryFn: () =>
      earlyOr(conversationsPath(patientId), () =>
        api.get<{ conversations: ConversationSummary[]; hasMore: boolean }>(conversationsPath(patientId)),
      ),
    refetchInterval: 30_000,
    enabled: patientId !== '',
  };
}

export function useConversations(patientId: string) {
  return useQuery({ ...conversationsQuery(patientId), select: (r) => r.conversations });
}

/** The list is bounded (issue 19): true when more conversations exist than it lists. */
export function useConversationsCut(patientId: string): boolean {
  return useQuery({ ...conversationsQuery(patientId), select: (r) => r.hasMore }).data === true;
}

export function useConversation(patientId: string, conversationId: string) {
  return useQuery({
    queryKey: messagingKeys.conversation(patientId, conversationId),
    queryFn: () =>
      api.get<ConversationDetail>(`${base(patientId)}/conversations/${encodeURIComponent(conversationId)}`),
    refetchInterval: CONVERSATION_POLL_MS,
    enabled: patientId !== '',
  });
}

export function useStartConversation(patientId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: NewConversation) =>
      api.post<ConversationDetail>(`${base(patientId)}/conversations`, input),
    onSuccess: (detail) => {
      queryClient.setQueryData(messagingKeys.conversation(patientId, detail.conversation.id), detail);
      void queryClient.invalidateQueries({ queryKey: messagingKeys.conversations(patientId) });
    },
  });
}

export function usePostMessage(patientId: string, conversationId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: NewMessage) =>
      api.post<Message>(
        `${base(patientId)}/conversations/${encodeURIComponent(conversationId)}/messages`,
        input,
      ),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: messagingKeys.conversation(patientId, conversationId) });
      void queryClient.invalidateQueries({ queryKey: messagingKeys.conversations(patientId), exact: true });
      void queryClient.invalidateQueries({ queryKey: inboxKeys.all });
    },
  });
}

export function useMarkRead(patientId: string, conversationId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (upToMessageId: string) =>
      api.post<{ marked: number }>(
        `${base(patientId)}/conversations/${encodeURIComponent(conversationId)}/read`,
        { upToMessageId },
      ),
    onSuccess: (result) => {
      if (result.marked > 0) {
        void queryClient.invalidateQueries({ queryKey: messagingKeys.conversations(patientId), exact: true });
      }
    },
  });
}

// ---- consults -----------------------------------------------------------------------------------

export function usePatientConsults(patientId: string) {
  return useQuery({
    queryKey: messagingKeys.patientConsults(patientId),
    queryFn: () => api.get<{ consults: Consult[]; hasMore: boolean }>(`${base(patientId)}/consults`),
  });
}

function myOpenConsultsQuery() {
  return {
    queryKey: messagingKeys.myConsults,
    queryFn: () => api.get<{ consults: Consult[]; hasMore: boolean }>('/api/consults?state=open'),
    refetchInterval: 30_000,
  };
}

/** Open consults asked of me, across my patients. */
export function useMyOpenConsults() {
  return useQuery({ ...myOpenConsultsQuery(), select: (r) => r.consults });
}

/** The list is bounded (issue 19): true when more open consults exist than it lists. */
export function useMyOpenConsultsCut(): boolean {
  return useQuery({ ...myOpenConsultsQuery(), select: (r) => r.hasMore }).data === true;
}

function useInvalidateConsults() {
  const queryClient = useQueryClient();
  return (patientId: string) => {
    void queryClient.invalidateQueries({ queryKey: messagingKeys.patientConsults(patientId) });
    void queryClient.invalidateQueries({ queryKey: messagingKeys.myConsults });
    void queryClient.invalidateQueries({ queryKey: inboxKeys.all });
    void queryClient.invalidateQueries({ queryKey: inboxKeys.patient(patientId) });
  };
}

export function useRequestConsult(patientId: string) {
  const invalidate = useInvalidateConsults();
  return useMutation({
    mutationFn: (input: NewConsult) => api.post<Consult>(`${base(patientId)}/consults`, input),
    onSuccess: () => invalidate(patientId),
  });
}

export function useReplyConsult() {
  const invalidate = useInvalidateConsults();
  return useMutation({
    mutationFn: ({ consult, reply }: { consult: Consult; reply: string }) =>
      api.post<Consult>(
        `${base(consult.patientId)}/consults/${encodeURIComponent(consult.id)}/reply`,
        { reply },
        { ifMatch: consult.version },
      ),
    onSettled: (_data, _error, { consult }) => invalidate(consult.patientId),
  });
}
