import { weekdayOf } from '../../../shared/time/index.js';
import type { DiaryCell } from '../../../shared/practice/review.js';
import type { PdfWriter } from '../../platform/pdf/index.js';
import type { DiaryData } from './document-data.js';

const weekdays = ['', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'];

function cellText(cell: DiaryCell | null): string {
  if (cell === null) return '';
  if (cell.kind === 'skills') return cell.skills.join(', ');
  const value = cell.value === null ? '-' : String(cell.value);
  if (cell.kind === 'urge')
    return cell.actedOn === null ? value : `${value} ${cell.actedOn ? '(acted)' : '(not acted)'}`;
  return value;
}

/**
 * The DBT diary card week in the familiar paper grid: one row per day (Monday first), a column per emotion
 * and urge (0-5, "acted" when acted on), distress (0-10) and the skills used. An empty row is a day with no
 * card. Notes follow the grid.
 */
export function drawDiaryCard(w: PdfWriter, data: DiaryData, sharingNote: string): void {
  const { grid } = data;
  const first = grid.days[0] ?? '';
  const last = grid.days[grid.days.length - 1] ?? '';
  w.paragraph(`Week of ${first} to ${last}: ${String(grid.filledDays)} of 7 days filled in. ${sharingNote}`, {
    size: 9,
  });
  const columns = [
    { header: 'Day', weight: 1.3 },
    ...grid.rows.map((r) => ({
      header:
        r.kind === 'urge'
          ? `Urge: ${r.name} (0-5)`
          : r.kind === 'emotion'
            ? `${r.name} (0-5)`
            : r.kind === 'distress'
              ? 'Distress (0-10)'
              : r.name,
      weight: r.kind === 'skills' ? 2.6 : 1,
      align: r.kind === 'skills' ? ('left' as const) : ('center' as const),
    })),
  ];
  w.table({
    columns,
    rows: grid.days.map((day, i) => [
      `${weekdays[weekdayOf(day)] ?? ''} ${day.slice(5)}`,
      ...grid.rows.map((r) => cellText(r.cells[i] ?? null)),
    ]),
    empty: 'No diary cards this week.',
    fontSize: grid.rows.length > 8 ? 7 : 8.5,
  });
  w.heading('Notes', 2);
  if (data.notes.length === 0) w.paragraph('No notes this week.', { colour: '#444' });
  for (const n of data.notes) w.fields([[n.day, n.note]]);
}
