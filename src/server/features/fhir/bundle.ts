import type { Bundle, BundleEntry, Resource } from '@medplum/fhirtypes';
import { encodeCursor } from '../../../shared/fhir/search.js';
import { WrittenResource, type SearchPage } from './handler.js';

type Mode = 'match' | 'include';

/** One entry's JSON: a written resource's text is spliced in as it is (it is already `JSON.stringify`'s). */
function entryJson(base: string, resource: Resource | WrittenResource, mode: Mode): string {
  if (resource instanceof WrittenResource)
    return `{"fullUrl":${JSON.stringify(`${base}/${resource.resourceType}/${resource.id}`)},"resource":${resource.json},"search":{"mode":"${mode}"}}`;
  const entry: BundleEntry = {
    fullUrl: `${base}/${resource.resourceType}/${resource.id ?? ''}`,
    resource,
    search: { mode },
  };
  return JSON.stringify(entry);
}

/** One entry's UTF-8 bytes; a written resource's `match` entry is encoded once per base and kept on it. */
function entryBytes(base: string, resource: Resource | WrittenResource, mode: Mode): Buffer {
  if (!(resource instanceof WrittenResource) || mode !== 'match')
    return Buffer.from(entryJson(base, resource, mode));
  const kept = resource.matchEntry;
  if (kept?.base === base) return kept.bytes;
  const bytes = Buffer.from(entryJson(base, resource, mode));
  resource.matchEntry = { base, bytes };
  return bytes;
}

/** The `self` link (the query as asked, without `_cursor`) and, when there is a next page, the `next` link. */
function linksOf(base: string, type: string, query: Record<string, unknown>, page: SearchPage) {
  const search = new URLSearchParams();
  for (const [k, v] of Object.entries(query))
    for (const one of Array.isArray(v) ? v : [v])
      if (typeof one === 'string' && k !== '_cursor') search.append(k, one);
  const self = `${base}/${type}${search.size > 0 ? `?${search.toString()}` : ''}`;
  const links: NonNullable<Bundle['link']> = [{ relation: 'self', url: self }];
  if (page.next) {
    search.set('_cursor', encodeCursor(page.next));
    links.push({ relation: 'next', url: `${base}/${type}?${search.toString()}` });
  }
  return links;
}

const COMMA = Buffer.from(',');
const END = Buffer.from(']}');

/**
 * A search's `searchset` Bundle as the UTF-8 bytes of its JSON, written once (no Bundle object built and
 * serialised again): byte-equal to `JSON.stringify` of the same Bundle with every written resource parsed
 * back (bundle.test.ts). Matches, then `_include`d resources, then one OperationOutcome entry naming what the
 * answer leaves out. Built as bytes (issue 16): a search's 50 Observations are kept between searches with
 * their entries already encoded, so the answer is one copy of each instead of a 70 kB string flattened and
 * encoded again per request.
 */
export function searchBundle(
  base: string,
  type: string,
  query: Record<string, unknown>,
  page: SearchPage,
): Buffer {
  const head: Bundle = {
    resourceType: 'Bundle',
    type: 'searchset',
    total: page.total,
    link: linksOf(base, type, query, page),
  };
  const parts: Buffer[] = [Buffer.from(`${JSON.stringify(head).slice(0, -1)},"entry":[`)];
  const add = (bytes: Buffer) => {
    if (parts.length > 1) parts.push(COMMA);
    parts.push(bytes);
  };
  for (const r of page.resources) add(entryBytes(base, r, 'match'));
  for (const r of page.included ?? []) add(entryBytes(base, r, 'include'));
  if (page.warnings && page.warnings.length > 0) {
    const outcome: BundleEntry = {
      resource: {
        resourceType: 'OperationOutcome',
        issue: page.warnings.map((diagnostics) => ({ severity: 'warning', code: 'processing', diagnostics })),
      },
      search: { mode: 'outcome' },
    };
    add(Buffer.from(JSON.stringify(outcome)));
  }
  parts.push(END);
  return Buffer.concat(parts);
}
