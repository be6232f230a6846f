import {
  Alert,
  Anchor,
  Button,
  Group,
  NativeSelect,
  Paper,
  Stack,
  Tabs,
  Text,
  Textarea,
  Title,
} from '@mantine/core';
import { IconArrowLeft } from '@tabler/icons-react';
import { useState } from 'react';
import { Link, useParams, useSearchParams } from 'react-router';
import { isApiError } from '../../app/api-client';
import type { PatientOverview } from '../../../shared/patients/api';
import type { PlanOverview } from '../../../shared/treatment-plans/api';
import { fullName } from '../../components/format';
import { NotFoundPage } from '../../components/not-found-page';
import { PageTitle } from '../../components/page-title';
import { ErrorState, LoadingState, errorMessage } from '../../components/query-state';
import { usePatient } from '../patients/api';
import { useNewDraft, usePlan, usePlanTemplates, useStartPlan } from './api';
import { DraftEditor } from './draft-editor';
import { MedicationDifferences } from './medication-differences';
import { PlanComments } from './plan-comments';
import { PlanContentView } from './plan-content-view';
import { PlanHistory } from './plan-history';
import { PlanReviews } from './plan-reviews';
import { PlanStatusBadge, PlanStatusLines } from './plan-status';

function StartPlan({ patientId }: { patientId: string }) {
  const templates = usePlanTemplates();
  const start = useStartPlan(patientId);
  const [templateId, setTemplateId] = useState('');
  const chosen = templates.data?.find((t) => t.id === templateId);
  return (
    <Paper withBorder radius="md" p="md" component="section" aria-labelledby="start-plan-heading">
      <Title order={2} size="h4" id="start-plan-heading" mb="xs">
        Start the plan
      </Title>
      <Text size="sm" c="dimmed" mb="sm">
        Start from one of the clinic's templates and adapt it, or from a blank plan.
      </Text>
      {templates.isError && <ErrorState error={templates.error} onRetry={() => void templates.refetch()} />}
      <Stack gap="sm" maw={520}>
        <NativeSelect
          label="Template"
          value={templateId}
          onChange={(e) => setTemplateId(e.currentTarget.value)}
          data={[
            { value: '', label: 'Blank plan' },
            ...(templates.data ?? []).map((t) => ({ value: t.id, label: t.name })),
          ]}
          description={chosen?.description}
        />
        {start.isError && (
          <Alert color="red" variant="light" role="alert" title="The plan was not started">
            {errorMessage(start.error)}
          </Alert>
        )}
        <Group>
          <Button onClick={() => start.mutate(templateId || null)} loading={start.isPending}>
            Start draft
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}

function ChangeAgreedPlan({ patientId }: { patientId: string }) {
  const draft = useNewDraft(patientId);
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState('');
  const [showError, setShowError] = useState(false);
  if (!open) {
    return (
      <Group>
        <Button variant="light" onClick={() => setOpen(true)}>
          Change the plan
        </Button>
      </Group>
    );
  }
  const tooShort = reason.trim().length < 3;
  return (
    <Paper withBorder radius="md" p="md">
      <Stack gap="sm" maw={560}>
        <Textarea
          label="Why does the plan change?"
          description="Required. Everyone on the team sees it in the history. A new draft version starts; it needs both signatures again."
          autosize
          minRows={2}
          value={reason}
          onChange={(e) => setReason(e.currentTarget.value)}
          error={showError && tooShort ? 'Give a reason (at least 3 characters).' : undefined}
        />
        {draft.isError && (
          <Alert color="red" variant="light" role="alert">
            {errorMessage(draft.error)}
          </Alert>
        )}
        <Group gap="sm">
          <Button
            onClick={() => {
              setShowError(true);
              if (!tooShort) draft.mutate(reason.trim());
            }}
            loading={draft.isPending}
          >
            Start new draft
          </Button>
          <Button variant="default" onClick={() => setOpen(false)}>
            Cancel
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}

function PlanTabs({ patient, plan }: { patient: PatientOverview; plan: PlanOverview }) {
  const [params, setParams] = useSearchParams();
  const tab = params.get('tab') ?? 'plan';
  return (
    <Tabs
      value={tab}
      onChange={(v) => setParams(v && v !== 'plan' ? { tab: v } : {}, { replace: true })}
      keepMounted={false}
    >
      <Tabs.List>
        <Tabs.Tab value="plan">
          {plan.draft ? `Draft (version ${String(plan.draft.number)})` : 'Agreed plan'}
        </Tabs.Tab>
        {plan.draft && plan.agreed && <Tabs.Tab value="agreed">Agreed plan</Tabs.Tab>}
        <Tabs.Tab value="history">History</Tabs.Tab>
        <Tabs.Tab value="reviews">Reviews</Tabs.Tab>
        {plan.agreed && <Tabs.Tab value="comments">Comments</Tabs.Tab>}
      </Tabs.List>
      <Tabs.Panel value="plan" pt="md">
        {plan.draft ? (
          <DraftEditor
            key={plan.draft.id}
            patientId={patient.id}
            draft={plan.draft}
            agreed={plan.agreed}
            differences={plan.draftMedicationDifferences}
          />
        ) : plan.agreed ? (
          <Stack gap="md">
            <MedicationDifferences differences={plan.agreedMedicationDifferences} draft={false} />
            <ChangeAgreedPlan patientId={patient.id} />
            <Paper withBorder radius="md" p="md">
              <PlanContentView content={plan.agreed.content} />
            </Paper>
          </Stack>
        ) : null}
      </Tabs.Panel>
      {plan.agreed && (
        <Tabs.Panel value="agreed" pt="md">
          <MedicationDifferences differences={plan.agreedMedicationDifferences} draft={false} />
          <Paper withBorder radius="md" p="md" mt="md">
            <PlanContentView content={plan.agreed.content} />
          </Paper>
        </Tabs.Panel>
      )}
      <Tabs.Panel value="history" pt="md">
        <PlanHistory patientId={patient.id} plan={plan} />
      </Tabs.Panel>
      <Tabs.Panel value="reviews" pt="md">
        <PlanReviews patient={patient} agreed={plan.agreed} />
      </Tabs.Panel>
      {plan.agreed && (
        <Tabs.Panel value="comments" pt="md">
          <PlanComments patientId={patient.id} versionNumber={plan.agreed.number} audience="clinician" />
        </Tabs.Panel>
      )}
    </Tabs>
  );
}

/** `/patients/:patientId/plan`: the coordinated treatment plan for the care team. */
export function PlanPage() {
  const { patientId = '' } = useParams();
  const patient = usePatient(patientId);
  const plan = usePlan(patientId);
  if (patient.isError && isApiError(patient.error, 'not_found')) {
    return <NotFoundPage title="Patient not found" backTo="/caseload" backLabel="Back to my caseload" />;
  }
  const name = patient.data ? fullName(patient.data) : 'Patient';
  return (
    <Stack gap="md">
      <Anchor component={Link} to={`/patients/${patientId}`} size="sm">
        <IconArrowLeft size={14} aria-hidden style={{ verticalAlign: 'middle' }} /> {name}
      </Anchor>
      <Group justify="space-between" align="flex-start">
        <div>
          <PageTitle documentTitle={`Treatment plan · ${name}`}>Treatment plan</PageTitle>
          <Text c="dimmed">
            For {name}. The therapist writes the therapy part, the prescriber the medication part; the rest is
            shared.
          </Text>
        </div>
        {plan.data !== undefined && <PlanStatusBadge plan={plan.data} />}
      </Group>
      {(plan.isPending || patient.isPending) && <LoadingState label="Loading the plan…" />}
      {plan.isError && <ErrorState error={plan.error} onRetry={() => void plan.refetch()} />}
      {patient.isError && <ErrorState error={patient.error} onRetry={() => void patient.refetch()} />}
      {plan.data === null && <StartPlan patientId={patientId} />}
      {plan.data && patient.data && (
        <>
          <Paper withBorder radius="md" p="md" component="section" aria-label="Plan status">
            <PlanStatusLines plan={plan.data} />
          </Paper>
          <PlanTabs patient={patient.data} plan={plan.data} />
        </>
      )}
    </Stack>
  );
}
