import { describe, expect, it } from 'vitest';
import { telehealthUrlSchema } from './fields.js';

describe('telehealthUrlSchema', () => {
  it.each([
    ['https://meet.example.com/room-12', true],
    ['  https://video.clinic.org/a?b=c  ', true],
    ['http://meet.example.com/room', false],
    ['meet.example.com/room', false],
    ['javascript:alert(1)', false],
    ['https://localhost/room', false],
    ['https://user:pw@meet.example.com/', false],
    ['https://', false],
    [`https://example.com/${'a'.repeat(500)}`, false],
  ])('%s → %s', (value, ok) => {
    expect(telehealthUrlSchema.safeParse(value).success).toBe(ok);
  });
});
