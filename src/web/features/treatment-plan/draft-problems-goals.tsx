import { ActionIcon, Button, Group, NativeSelect, Paper, SimpleGrid, Stack, Text } from '@mantine/core';
import { TextInput } from '../../components/limited-text';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import { newItemId, options, type Content, type FieldAt, type SetContent } from './draft-helpers';
import { Section } from './draft-section';
import { GOAL_STATUS_LABELS } from './plan-words';

export function ProblemsSection({ content, set, at }: { content: Content; set: SetContent; at: FieldAt }) {
  return (
    <Section title="Problems" editable>
      {content.problems.map((p, i) => (
        <Group key={p.id} align="flex-end" wrap="nowrap" gap="xs">
          <TextInput
            style={{ flex: 3 }}
            label={`Problem ${String(i + 1)}`}
            maxLength={500}
            {...at(`problems.${String(i)}.description`)}
            value={p.description}
            onChange={(e) => {
              const description = e.currentTarget.value;
              set(
                'problems',
                content.problems.map((x) => (x.id === p.id ? { ...x, description } : x)),
              );
            }}
          />
          <TextInput
            style={{ flex: 1 }}
            label="ICD-10-CM"
            placeholder="F32.1"
            {...at(`problems.${String(i)}.icd10`)}
            value={p.icd10 ?? ''}
            onChange={(e) => {
              const icd10 = e.currentTarget.value.trim() || null;
              set(
                'problems',
                content.problems.map((x) => (x.id === p.id ? { ...x, icd10 } : x)),
              );
            }}
          />
          <ActionIcon
            variant="default"
            size="lg"
            aria-label={`Remove problem ${String(i + 1)}`}
            onClick={() =>
              set(
                'problems',
                content.problems.filter((x) => x.id !== p.id),
              )
            }
          >
            <IconTrash size={16} aria-hidden />
          </ActionIcon>
        </Group>
      ))}
      <Group>
        <Button
          size="xs"
          variant="light"
          leftSection={<IconPlus size={14} aria-hidden />}
          onClick={() =>
            set('problems', [...content.problems, { id: newItemId(), description: '', icd10: null }])
          }
        >
          Add problem
        </Button>
      </Group>
    </Section>
  );
}

export function GoalsSection({ content, set, at }: { content: Content; set: SetContent; at: FieldAt }) {
  return (
    <Section title="Goals" editable>
      {content.goals.map((g, i) => (
        <Paper key={g.id} withBorder p="sm" radius="sm">
          <Stack gap="xs">
            <Group justify="space-between">
              <Text size="sm" fw={600}>
                Goal {i + 1}
              </Text>
              <ActionIcon
                variant="default"
                aria-label={`Remove goal ${String(i + 1)}`}
                onClick={() =>
                  set(
                    'goals',
                    content.goals.filter((x) => x.id !== g.id),
                  )
                }
              >
                <IconTrash size={16} aria-hidden />
              </ActionIcon>
            </Group>
            <TextInput
              label="In the patient's words"
              maxLength={500}
              {...at(`goals.${String(i)}.inPatientsWords`)}
              value={g.inPatientsWords}
              onChange={(e) => {
                const inPatientsWords = e.currentTarget.value;
                set(
                  'goals',
                  content.goals.map((x) => (x.id === g.id ? { ...x, inPatientsWords } : x)),
                );
              }}
            />
            <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="xs">
              <TextInput
                label="Measurable target"
                placeholder="PHQ-9 below 5"
                maxLength={300}
                {...at(`goals.${String(i)}.measurableTarget`)}
                value={g.measurableTarget}
                onChange={(e) => {
                  const measurableTarget = e.currentTarget.value;
                  set(
                    'goals',
                    content.goals.map((x) => (x.id === g.id ? { ...x, measurableTarget } : x)),
                  );
                }}
              />
              <TextInput
                type="date"
                label="Target date"
                {...at(`goals.${String(i)}.targetDate`)}
                value={g.targetDate ?? ''}
                onChange={(e) => {
                  const targetDate = e.currentTarget.value || null;
                  set(
                    'goals',
                    content.goals.map((x) => (x.id === g.id ? { ...x, targetDate } : x)),
                  );
                }}
              />
              <NativeSelect
                label="Status"
                value={g.status}
                data={options(GOAL_STATUS_LABELS)}
                onChange={(e) => {
                  const status = e.currentTarget.value as typeof g.status;
                  set(
                    'goals',
                    content.goals.map((x) => (x.id === g.id ? { ...x, status } : x)),
                  );
                }}
              />
            </SimpleGrid>
          </Stack>
        </Paper>
      ))}
      <Group>
        <Button
          size="xs"
          variant="light"
          leftSection={<IconPlus size={14} aria-hidden />}
          onClick={() =>
            set('goals', [
              ...content.goals,
              {
                id: newItemId(),
                inPatientsWords: '',
                measurableTarget: '',
                targetDate: null,
                status: 'active',
              },
            ])
          }
        >
          Add goal
        </Button>
      </Group>
    </Section>
  );
}
