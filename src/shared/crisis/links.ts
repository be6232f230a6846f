import type { CrisisResource } from './schemas.js';

/** tel: link for a number as written ("0800 111 0 111" -> tel:08001110111). */
export function telHref(phone: string): string {
  return `tel:${phone.replace(/[^\d+]/g, '')}`;
}

/** sms: link, with the keyword as the message body when the service asks for one. */
export function smsHref(resource: Pick<CrisisResource, 'sms' | 'smsKeyword'>): string | null {
  if (resource.sms === null) return null;
  const number = resource.sms.replace(/[^\d+]/g, '');
  return resource.smsKeyword
    ? `sms:${number}?&body=${encodeURIComponent(resource.smsKeyword)}`
    : `sms:${number}`;
}

/** One line a message or a plan can carry, e.g. "TelefonSeelsorge: 0800 111 0 111, 0800 111 0 222, 116 123". */
export function resourceLine(resource: CrisisResource): string {
  const parts: string[] = [];
  const phones = [resource.phone, ...resource.otherPhones].filter((p): p is string => p !== null);
  if (phones.length > 0) parts.push(`call ${phones.join(' or ')}`);
  if (resource.sms)
    parts.push(
      resource.smsKeyword ? `text ${resource.smsKeyword} to ${resource.sms}` : `text ${resource.sms}`,
    );
  if (resource.web) parts.push(resource.web);
  return `${resource.name}: ${parts.join('; ')}`;
}
