import type { CrisisResource } from './schemas.js';

/**
 * THE crisis and emergency numbers Duet knows by default, one set per country. This file (and its test) is
 * the only place in src/ allowed to hold such numbers: every screen, plan and message reads them from here,
 * through the clinic's settings (src/shared/crisis/select.ts).
 *
 * Source of every row: ../shared/clinical/crisis-lines.md (Duet clinical reference, table "Crisis and
 * emergency numbers by country"), copied exactly. `lastVerified` is the day the row was checked against
 * that reference; the reference asks for each number to be verified against its operator's own site before
 * release, and an admin is reminded to re-check any entry older than a year (product policy).
 * Web addresses, hours and languages are left empty where the reference does not state them: the clinic
 * adds them after checking with the operator.
 */
const checked = '2026-12-06';
const source = 'crisis-lines.md (Duet clinical reference)';

type Row = Partial<CrisisResource> & Pick<CrisisResource, 'kind' | 'name'>;

function entry(row: Row): CrisisResource {
  return {
    phone: null,
    otherPhones: [],
    sms: null,
    smsKeyword: null,
    web: null,
    hours: null,
    languages: [],
    note: null,
    lastVerified: checked,
    source,
    ...row,
  };
}

const emergency = (phone: string, otherPhones: string[] = []): CrisisResource =>
  entry({ kind: 'emergency', name: 'Emergency services', phone, otherPhones });

/** Country sets from the reference table; EU countries not listed get 112 only (see select.ts). */
export const defaultCrisisResourcesByCountry: Readonly<Record<string, readonly CrisisResource[]>> = {
  US: [
    emergency('911'),
    entry({
      kind: 'crisis_line',
      name: '988 Suicide & Crisis Lifeline',
      phone: '988',
      sms: '988',
      note: 'Call or text 988. Veterans: press 1.',
    }),
    entry({ kind: 'other', name: 'Crisis Text Line', sms: '741741', smsKeyword: 'HOME' }),
  ],
  CA: [
    emergency('911'),
    entry({ kind: 'crisis_line', name: '9-8-8 Suicide Crisis Helpline', phone: '988', sms: '988' }),
  ],
  GB: [
    emergency('999'),
    entry({
      kind: 'crisis_line',
      name: 'Samaritans',
      phone: '116 123',
      hours: '24 hours',
      note: 'Free to call.',
    }),
    entry({ kind: 'other', name: 'NHS 111', phone: '111', note: 'England: option 2 for mental health.' }),
    entry({ kind: 'other', name: 'Shout', sms: '85258', smsKeyword: 'SHOUT' }),
  ],
  IE: [
    emergency('112', ['999']),
    entry({ kind: 'crisis_line', name: 'Samaritans', phone: '116 123' }),
    entry({ kind: 'other', name: 'Text line 50808', sms: '50808', smsKeyword: 'HELLO' }),
  ],
  DE: [
    emergency('112'),
    entry({
      kind: 'crisis_line',
      name: 'TelefonSeelsorge',
      phone: '0800 111 0 111',
      otherPhones: ['0800 111 0 222', '116 123'],
    }),
  ],
  AT: [
    emergency('112'),
    entry({ kind: 'emergency', name: 'Ambulance (Rettung)', phone: '144' }),
    entry({ kind: 'crisis_line', name: 'Telefonseelsorge', phone: '142' }),
  ],
  CH: [
    emergency('112'),
    entry({ kind: 'emergency', name: 'Ambulance', phone: '144' }),
    entry({ kind: 'crisis_line', name: 'Die Dargebotene Hand', phone: '143' }),
  ],
  FR: [
    emergency('112'),
    entry({ kind: 'emergency', name: 'SAMU (medical emergencies)', phone: '15' }),
    entry({ kind: 'crisis_line', name: '3114 (numéro national de prévention du suicide)', phone: '3114' }),
  ],
  NL: [
    emergency('112'),
    entry({ kind: 'crisis_line', name: '113 Zelfmoordpreventie', phone: '113', otherPhones: ['0800-0113'] }),
  ],
  AU: [emergency('000'), entry({ kind: 'crisis_line', name: 'Lifeline', phone: '13 11 14' })],
  NZ: [
    emergency('111'),
    entry({ kind: 'crisis_line', name: '1737', phone: '1737', sms: '1737', note: 'Call or text 1737.' }),
  ],
};

/** The EU-wide emergency number, for EU countries the reference lists no set for. */
export const euEmergency: CrisisResource = emergency('112');
