import { Anchor, Paper, SegmentedControl, Stack, Table, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { Link } from 'react-router';
import type { CaseReviewRow } from '../../../shared/case-review/recommendations';
import { formatDateTime, formatDay } from '../../components/format';
import { ErrorState, LoadingState } from '../../components/query-state';
import { ScrollTable } from '../../components/scroll-table';
import { FLAG_LABELS } from '../registry/registry-words';
import { useCaseReviewList } from './api';

const score = (s: CaseReviewRow['phq9']): string => {
  if (!s.latest) return '—';
  const from = s.baseline && s.baseline.at !== s.latest.at ? `${String(s.baseline.total)} → ` : '';
  return `${from}${String(s.latest.total)}`;
};

/**
 * The case-review list (issue 15; AIMS Center registry fields, care-rules.md): one row per patient with
 * weeks in treatment, PHQ-9/GAD-7 (baseline → latest), medications and the last change, adherence, last
 * contact, flags and the consultant's open recommendations.
 */
export function CaseReviewListCard() {
  const [scope, setScope] = useState<'marked' | 'caseload'>('marked');
  const list = useCaseReviewList(scope);
  return (
    <Paper withBorder radius="md" p="md" component="section" aria-labelledby="review-list-heading">
      <Stack gap="sm">
        <Title order={2} size="h4" id="review-list-heading">
          Review list
        </Title>
        <SegmentedControl
          aria-label="Which patients"
          value={scope}
          onChange={(v) => setScope(v === 'caseload' ? 'caseload' : 'marked')}
          data={[
            { value: 'marked', label: 'Marked or with open recommendations' },
            { value: 'caseload', label: 'Whole caseload' },
          ]}
          style={{ alignSelf: 'flex-start', maxWidth: '100%' }}
        />
        {list.isPending && <LoadingState />}
        {list.isError && <ErrorState error={list.error} onRetry={() => void list.refetch()} />}
        {list.data?.length === 0 && (
          <Text size="sm" c="dimmed">
            No patients to review.
          </Text>
        )}
        {list.data && list.data.length > 0 && (
          <ScrollTable label="Patients to review">
            <Table striped verticalSpacing="xs" fz="sm">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">Patient</Table.Th>
                  <Table.Th scope="col">Weeks</Table.Th>
                  <Table.Th scope="col">PHQ-9</Table.Th>
                  <Table.Th scope="col">GAD-7</Table.Th>
                  <Table.Th scope="col">Medications</Table.Th>
                  <Table.Th scope="col">Adherence</Table.Th>
                  <Table.Th scope="col">Last contact</Table.Th>
                  <Table.Th scope="col">Flags</Table.Th>
                  <Table.Th scope="col">Open recommendations</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {list.data.map((p) => (
                  <Table.Tr key={p.patientId}>
                    <Table.Th scope="row">
                      <Anchor component={Link} to={`/patients/${encodeURIComponent(p.patientId)}`}>
                        {p.givenName} {p.familyName}
                      </Anchor>
                    </Table.Th>
                    <Table.Td>{p.weeksInTreatment ?? '—'}</Table.Td>
                    <Table.Td>{score(p.phq9)}</Table.Td>
                    <Table.Td>{score(p.gad7)}</Table.Td>
                    <Table.Td>
                      {p.medications.length === 0 ? '—' : p.medications.join(', ')}
                      {p.lastMedicationChange && (
                        <Text size="xs" c="dimmed">
                          {p.lastMedicationChange.summary}, {formatDay(p.lastMedicationChange.day)}
                        </Text>
                      )}
                    </Table.Td>
                    <Table.Td>
                      {p.adherencePercent === null ? '—' : `${String(p.adherencePercent)}%`}
                    </Table.Td>
                    <Table.Td>
                      {p.lastClinicianContactAt === null ? 'None' : formatDateTime(p.lastClinicianContactAt)}
                    </Table.Td>
                    <Table.Td>{p.flags.map((f) => FLAG_LABELS[f]).join(', ') || '—'}</Table.Td>
                    <Table.Td>
                      {p.openRecommendations.length === 0
                        ? '—'
                        : p.openRecommendations.map((r) => (
                            <Text key={r.id} size="xs" style={{ overflowWrap: 'anywhere' }}>
                              {r.summary} ({r.assignedToName ?? 'team'}
                              {r.dueDate ? `, due ${formatDay(r.dueDate)}` : ''})
                            </Text>
                          ))}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </ScrollTable>
        )}
      </Stack>
    </Paper>
  );
}
