import { Anchor, Stack, Text } from '@mantine/core';
import { IconArrowLeft } from '@tabler/icons-react';
import { Link, useParams } from 'react-router';
import { isApiError } from '../../app/api-client';
import { fullName } from '../../components/format';
import { NotFoundPage } from '../../components/not-found-page';
import { PageTitle } from '../../components/page-title';
import { ErrorState, LoadingState } from '../../components/query-state';
import { usePatient } from '../patients/api';
import { useConversation } from './api';
import { ConversationView } from './conversation-view';

/** `/patients/:patientId/messages/:conversationId`: the team thread or a conversation with the patient. */
export function ClinicianConversationPage() {
  const { patientId = '', conversationId = '' } = useParams();
  const patient = usePatient(patientId);
  const conversation = useConversation(patientId, conversationId);
  const name = patient.data ? fullName(patient.data) : 'Patient';

  if (conversation.isError && isApiError(conversation.error, 'not_found')) {
    return (
      <NotFoundPage
        title="Conversation not found"
        message="There is no such conversation for a patient on your caseload."
        backTo={`/patients/${patientId}`}
        backLabel="Back to the patient"
      />
    );
  }
  const summary = conversation.data?.conversation;
  const title = summary ? (summary.kind === 'team' ? 'Team thread' : summary.subject) : 'Conversation';
  return (
    <Stack gap="md" maw={820}>
      <Anchor component={Link} to={`/patients/${patientId}`} size="sm">
        <IconArrowLeft size={14} aria-hidden style={{ verticalAlign: 'middle' }} /> {name}
      </Anchor>
      <div>
        <PageTitle documentTitle={`${title} · ${name}`}>{title}</PageTitle>
        {summary && (
          <Text c="dimmed">
            {summary.kind === 'team'
              ? `About ${name}. The care team only; the patient cannot see this thread.`
              : `With ${name} and the care team.`}
          </Text>
        )}
      </div>
      {conversation.isPending && <LoadingState label="Loading messages…" />}
      {conversation.isError && (
        <ErrorState error={conversation.error} onRetry={() => void conversation.refetch()} />
      )}
      {conversation.data && (
        <ConversationView patientId={patientId} conversationId={conversationId} audience="clinician" />
      )}
    </Stack>
  );
}
