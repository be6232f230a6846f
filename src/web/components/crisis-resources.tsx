import { Alert, Anchor, Button, Group, Stack, Text } from '@mantine/core';
import { IconMessage, IconPhone, IconWorld } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { api } from '../app/api-client';
import { smsHref, telHref } from '../../shared/crisis/links';
import type { CrisisResource, CrisisResourceSet, CrisisSituation } from '../../shared/crisis/schemas';
import { ErrorState, LoadingState } from './query-state';

const kindWords: Record<CrisisResource['kind'], string> = {
  emergency: 'Emergency',
  crisis_line: 'Crisis line',
  other: 'More support',
};

/** One service: its name, then a large button per way to reach it (call first, then text, then web). */
function ResourceItem({ resource, first }: { resource: CrisisResource; first: boolean }) {
  const phones = [resource.phone, ...resource.otherPhones].filter((p): p is string => p !== null);
  const sms = smsHref(resource);
  return (
    <Stack gap={6} component="li" style={{ listStyle: 'none' }} data-kind={resource.kind}>
      <Text fw={700}>
        {resource.name}{' '}
        <Text span size="sm" c="dimmed" fw={400}>
          ({kindWords[resource.kind]})
        </Text>
      </Text>
      {phones.map((phone, i) => (
        <Button
          key={phone}
          component="a"
          href={telHref(phone)}
          // red.9 keeps the outline text readable on the crisis panel's pale red (WCAG AA contrast).
          color={first && i === 0 ? 'red.8' : 'red.9'}
          variant={first && i === 0 ? 'filled' : 'outline'}
          size="lg"
          fullWidth
          maw={{ sm: 360 }}
          leftSection={<IconPhone size={20} aria-hidden />}
        >
          Call {phone}
        </Button>
      ))}
      {sms && resource.sms && (
        <Button
          component="a"
          href={sms}
          variant="default"
          size="md"
          fullWidth
          maw={{ sm: 360 }}
          leftSection={<IconMessage size={18} aria-hidden />}
        >
          {resource.smsKeyword ? `Text ${resource.smsKeyword} to ${resource.sms}` : `Text ${resource.sms}`}
        </Button>
      )}
      {resource.web && (
        <Anchor href={resource.web} target="_blank" rel="noreferrer" underline="always">
          <Group gap={4} component="span">
            <IconWorld size={16} aria-hidden /> {resource.web.replace(/^https:\/\//, '')}
          </Group>
        </Anchor>
      )}
      {(resource.hours ?? resource.note ?? resource.languages.length > 0) && (
        <Text size="sm">
          {[
            resource.note,
            resource.hours,
            resource.languages.length > 0 ? resource.languages.join(', ') : null,
          ]
            .filter(Boolean)
            .join(' · ')}
        </Text>
      )}
    </Stack>
  );
}

/** A crisis resource set already loaded (e.g. sent with a submit answer): phone first, in the set's order. */
export function CrisisResourceList({ set }: { set: CrisisResourceSet }) {
  return (
    <Stack gap="sm" data-testid="crisis-resource-list" data-country={set.country}>
      <Stack
        gap="md"
        component="ul"
        p={0}
        m={0}
        aria-label={`Crisis and emergency numbers for ${set.countryName}`}
      >
        {set.resources.map((resource, i) => (
          <ResourceItem key={`${resource.kind}-${resource.name}`} resource={resource} first={i === 0} />
        ))}
      </Stack>
      {set.noCrisisLine && (
        <Text size="sm">
          {set.noEmergencyNumber
            ? `We have no crisis or emergency number for ${set.countryName}. In an emergency call your local emergency number, and contact your care team.`
            : 'If you cannot get through, contact your care team.'}
        </Text>
      )}
    </Stack>
  );
}

export function crisisResourcesKey(patientId: string, situation: CrisisSituation) {
  return ['patients', patientId, 'crisis-resources', situation] as const;
}

/**
 * The crisis and emergency numbers for this patient's country (the one source: shared/crisis and the
 * clinic's settings). Self-harm lists the crisis line first; a physical emergency the emergency number.
 */
export function CrisisResources({ patientId, situation }: { patientId: string; situation: CrisisSituation }) {
  const query = useQuery({
    queryKey: crisisResourcesKey(patientId, situation),
    queryFn: () =>
      api.get<CrisisResourceSet>(
        `/api/patients/${encodeURIComponent(patientId)}/crisis-resources?situation=${situation}`,
      ),
    staleTime: 5 * 60_000,
  });
  if (query.isPending) return <LoadingState label="Loading crisis numbers…" />;
  if (query.isError) {
    return (
      <Stack gap="xs">
        <Alert color="red" variant="light" title="The crisis numbers could not be loaded">
          If you are in danger, call your local emergency number now.
        </Alert>
        <ErrorState error={query.error} onRetry={() => void query.refetch()} />
      </Stack>
    );
  }
  return <CrisisResourceList set={query.data} />;
}
