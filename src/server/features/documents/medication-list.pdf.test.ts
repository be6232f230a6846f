import { describe, expect, it } from 'vitest';
import { renderPdf } from '../../platform/pdf/index.js';
import { pdfPages } from '../../platform/pdf/pdf-text.test-kit.js';
import type { MedicationData, MedicationLine } from './document-data.js';
import { drawMedicationList, walletCardLines } from './medication-list.pdf.js';
import { contentLines } from './words.js';

const line = (name: string): MedicationLine => ({
  name,
  form: 'tablet',
  route: 'oral',
  instructions: '',
  status: 'active',
  startDate: '2026-01-01',
  endDate: null,
  prescriber: 'Pete Prescriber',
  dose: { amount: 50, unit: 'mg', schedule: '08:00 and 20:00 every day', paused: false },
  history: [],
});

const meta = {
  title: 'Medication list',
  clinicName: 'Test clinic',
  patient: { name: 'Sam Rivera', birthDate: '1991-04-12' },
  generatedAt: Date.UTC(2026, 11, 7, 12),
  zone: 'UTC',
  paper: 'A4' as const,
};

describe('the wallet card', () => {
  it('continues on a second card rather than leaving a medicine out', async () => {
    const data: MedicationData = {
      current: Array.from({ length: 12 }, (_, i) => line(`Medicine${String(i + 1)} with a rather long name`)),
      past: [],
      allergies: [{ substance: 'Penicillin', reaction: 'Hives', severity: 'moderate', confirmed: false }],
    };
    const pdf = await renderPdf(meta, (w) => {
      drawMedicationList(w, data, {
        patientName: 'Sam Rivera',
        birthDate: '1991-04-12',
        clinicName: 'Test clinic',
        day: '2026-12-07',
      });
    });
    const pages = await pdfPages(pdf);
    const cards = pages.slice(1).join(' ');
    expect(cards).toContain('card 1 of 2');
    expect(cards).toContain('card 2 of 2');
    for (let i = 1; i <= 12; i++) expect(cards).toContain(`Medicine${String(i)} `);
    expect(cards).toContain('Penicillin (Hives) - not yet confirmed');
  });

  it('says "none recorded" rather than leaving a heading empty', () => {
    expect(walletCardLines({ current: [], past: [], allergies: [] })).toEqual([
      'Medicines:',
      'none recorded',
      'Allergies:',
      'none recorded',
    ]);
  });
});

describe('contentLines (practice in My record)', () => {
  it('prints every filled field, one line per listed object, and skips empty ones', () => {
    expect(
      contentLines({
        emotions: [{ name: 'Sadness', rating: 3 }],
        skills: ['Wise mind', 'TIPP'],
        distress: 6,
        note: '',
        notSafe: false,
        hotThought: null,
      }),
    ).toEqual([
      'Emotions 1 - Name: Sadness',
      'Emotions 1 - Rating: 3',
      'Skills: Wise mind, TIPP',
      'Distress: 6',
      'Not safe: no',
    ]);
  });
});
