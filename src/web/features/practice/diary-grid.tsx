import { addDays } from '../../../shared/time/index';
import { Button, Group, Paper, Table, Text, Title } from '@mantine/core';
import { IconChevronLeft, IconChevronRight } from '@tabler/icons-react';
import { useMemo, useState } from 'react';
import type { PracticeEntry } from '../../../shared/practice/schemas';
import { diaryGrid, weekStart, type DiaryCell } from '../../../shared/practice/review';
import { formatDay } from '../../components/format';
import { ScrollTable } from '../../components/scroll-table';

const weekday = (day: string) =>
  new Date(`${day}T00:00:00Z`).toLocaleDateString(undefined, {
    weekday: 'short',
    day: 'numeric',
    timeZone: 'UTC',
  });

// Darker tint for a stronger rating (0-5 or 0-10); text stays dark for contrast.
function tint(cell: DiaryCell | null, max: number): string | undefined {
  if (!cell || cell.kind === 'skills' || cell.value === null) return undefined;
  const steps = ['#ffffff', '#fff4e6', '#ffe8cc', '#ffd8a8', '#ffc078', '#ffa94d'];
  return steps[Math.min(5, Math.round((cell.value / max) * 5))];
}

function cellText(cell: DiaryCell | null): string {
  if (!cell) return '';
  if (cell.kind === 'skills') return cell.skills.length === 0 ? '—' : cell.skills.join(', ');
  const v = cell.value === null ? '—' : String(cell.value);
  if (cell.kind === 'urge') return `${v}${cell.actedOn === true ? ' acted' : ''}`;
  return v;
}

/** The weekly diary-card grid: days across, feelings, urges, distress and skills down. */
export function DiaryGridCard({ entries, today }: { entries: readonly PracticeEntry[]; today: string }) {
  const [monday, setMonday] = useState(() => weekStart(today));
  const cards = useMemo(
    () =>
      entries.flatMap((e) =>
        e.type === 'diary_card' ? [{ id: e.id, day: e.day, status: e.status, content: e.content }] : [],
      ),
    [entries],
  );
  const grid = useMemo(() => diaryGrid(monday, cards), [monday, cards]);
  if (cards.length === 0) return null;
  return (
    <Paper withBorder radius="md" p="md" component="section" aria-labelledby="diary-grid-heading">
      <Group justify="space-between" mb="xs" wrap="wrap">
        <Title order={2} size="h4" id="diary-grid-heading">
          Diary cards: week of {formatDay(monday)}
        </Title>
        <Group gap={4}>
          <Button
            size="compact-sm"
            variant="default"
            onClick={() => setMonday(addDays(monday, -7))}
            leftSection={<IconChevronLeft size={14} aria-hidden />}
          >
            Earlier
          </Button>
          <Button
            size="compact-sm"
            variant="default"
            disabled={addDays(monday, 7) > today}
            onClick={() => setMonday(addDays(monday, 7))}
            rightSection={<IconChevronRight size={14} aria-hidden />}
          >
            Later
          </Button>
        </Group>
      </Group>
      <Text size="sm" c="dark.4" mb="xs">
        {grid.filledDays} of 7 days filled in. Feelings and urges 0-5, distress 0-10; "acted" marks an urge
        acted on.
      </Text>
      <ScrollTable label="Diary card week">
        <Table fz="sm" withColumnBorders withTableBorder>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">Rating</Table.Th>
              {grid.days.map((d) => (
                <Table.Th scope="col" key={d} style={{ whiteSpace: 'nowrap' }}>
                  {weekday(d)}
                </Table.Th>
              ))}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {grid.rows.map((row) => (
              <Table.Tr key={`${row.kind}-${row.name}`}>
                <Table.Th scope="row" style={{ whiteSpace: 'nowrap' }}>
                  {row.kind === 'urge' ? `Urge: ${row.name}` : row.name}
                </Table.Th>
                {row.cells.map((cell, i) => (
                  <Table.Td
                    key={grid.days[i]}
                    style={{
                      background: tint(cell, row.kind === 'distress' ? 10 : 5),
                      fontWeight: cell?.kind === 'urge' && cell.actedOn ? 700 : undefined,
                      minWidth: row.kind === 'skills' ? 110 : 48,
                    }}
                  >
                    {cellText(cell)}
                  </Table.Td>
                ))}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </ScrollTable>
    </Paper>
  );
}
