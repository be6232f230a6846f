/** The mails of account recovery. They carry no clinical information: a name, a link, what happened. */
export interface MailText {
  subject: string;
  text: string;
}

export function passwordResetMail(opts: { name: string; link: string }): MailText {
  return {
    subject: 'Choose a new Duet password',
    text: [
      `Hello ${opts.name},`,
      '',
      'Someone (we hope you) asked to choose a new password for your Duet account.',
      'Open this link to choose it. The link works once and only for the next 30 minutes:',
      opts.link,
      '',
      'If you did not ask for this, ignore this email: your password stays as it is.',
    ].join('\n'),
  };
}

export function passwordChangedMail(opts: { name: string; signInLink: string }): MailText {
  return {
    subject: 'Your Duet password was changed',
    text: [
      `Hello ${opts.name},`,
      '',
      'The password of your Duet account was just changed with a reset link, and every device signed in',
      'to your account was signed out. Sign in with the new password:',
      opts.signInLink,
      '',
      'If you did not do this, contact your clinic straight away.',
    ].join('\n'),
  };
}

export function emailChangeConfirmMail(opts: { name: string; link: string }): MailText {
  return {
    subject: 'Confirm your new Duet email address',
    text: [
      `Hello ${opts.name},`,
      '',
      'Your Duet account is to use this email address from now on. Open this link to confirm it',
      '(it works once, for 24 hours). Until then, you keep signing in with your current address:',
      opts.link,
      '',
      'If you did not expect this, ignore this email and nothing changes.',
    ].join('\n'),
  };
}

export function emailChangeNoticeMail(opts: { name: string; newEmail: string }): MailText {
  return {
    subject: 'Your Duet email address was changed',
    text: [
      `Hello ${opts.name},`,
      '',
      `Your Duet account now signs in and receives its mail at ${opts.newEmail}.`,
      'Mail for Duet will no longer come to this address.',
      '',
      'If you did not expect this, contact your clinic straight away.',
    ].join('\n'),
  };
}
