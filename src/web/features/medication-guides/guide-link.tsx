import { Anchor, type AnchorProps } from '@mantine/core';
import { IconBook } from '@tabler/icons-react';
import { Link } from 'react-router';
import { guideByKey } from '../../../shared/medication-guides/guides';
import { useCurrentUser } from '../../app/session';

/** Where a guide lives for the signed-in person: patients under /home, clinicians under /medication-guides. */
export function guidePath(role: string, guideKey: string): string {
  const key = encodeURIComponent(guideKey);
  return role === 'patient' ? `/home/medications/guide/${key}` : `/medication-guides/${key}`;
}

/**
 * A link to the plain-language guide of a medication's class (e.g. 'ssri', 'lamotrigine'). Other features
 * (the patient's Today and medications pages) use it; it renders nothing for an unknown key.
 */
export function GuideLink({
  guideKey,
  children,
  ...rest
}: { guideKey: string; children?: string } & AnchorProps) {
  const user = useCurrentUser();
  const guide = guideByKey(guideKey);
  if (!guide) return null;
  return (
    <Anchor component={Link} to={guidePath(user.role, guide.key)} {...rest}>
      <IconBook size={16} aria-hidden style={{ verticalAlign: 'text-bottom' }} />{' '}
      {children ?? `About ${guide.title.toLowerCase()}`}
    </Anchor>
  );
}
