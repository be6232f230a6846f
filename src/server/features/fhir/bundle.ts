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

/**
 * A search's `searchset` Bundle as JSON text, written once (no Bundle object built and serialised again):
 * byte-equal to `JSON.stringify` of the same Bundle with every written resource parsed back (bundle.test.ts).
 * Matches, then `_include`d resources, then one OperationOutcome entry naming what the answer leaves out.
 */
export function searchBundleJson(
  base: string,
  type: string,
  query: Record<string, unknown>,
  page: SearchPage,
): string {
  const head: Bundle = {
    resourceType: 'Bundle',
    type: 'searchset',
    total: page.total,
    link: linksOf(base, type, query, page),
  };
  const entries = page.resources.map((r) => entryJson(base, r, 'match'));
  for (const r of page.included ?? []) entries.push(entryJson(base, r, 'include'));
  if (page.warnings && page.warnings.length > 0) {
    const outcome: BundleEntry = {
      resource: {
        resourceType: 'OperationOutcome',
        issue: page.warnings.map((diagnostics) => ({ severity: 'warning', code: 'processing', diagnostics })),
      },
      search: { mode: 'outcome' },
    };
    entries.push(JSON.stringify(outcome));
  }
  return `${JSON.stringify(head).slice(0, -1)},"entry":[${entries.join(',')}]}`;
}
