import { describe, expect, it } from 'vitest';
import { passwordProblem } from './password-policy.js';

describe('passwordProblem', () => {
  it.each([
    ['short', 'eleven-char', /at least 12/],
    ['common', 'password1234', /too common/],
    ['common, any case', 'PassWord1234', /too common/],
    ['one repeated char', 'aaaaaaaaaaaaaaaa', /too common|repeated/],
    ['contains the email name', 'morgan.reyes-2026!', /email/],
    ['too long', 'x'.repeat(257), /at most/],
  ])('refuses %s', (_label, password, problem) => {
    expect(passwordProblem(password, { email: 'morgan.reyes@clinic.test' })).toMatch(problem);
  });

  it.each(['lantern-river-orbit-42', 'correct horse battery staple 9', 'ÅngströmÅngström'])(
    'accepts %s',
    (password) => {
      expect(passwordProblem(password, { email: 'someone@clinic.test' })).toBeNull();
    },
  );
});
