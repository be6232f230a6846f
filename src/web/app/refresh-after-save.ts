import {
  QueryClient,
  type InvalidateOptions,
  type InvalidateQueryFilters,
  type QueryKey,
} from '@tanstack/react-query';

/**
 * Asks again for what a save changed, so a card shows the change at once. A plain `invalidateQueries` is not
 * enough: when the card's first read is still on its way (no answer shown yet, as on a page just opened under
 * load), TanStack Query hands the refetch that same request instead of a new one, and that read may have been
 * made on the server before the save. Its answer (without the change) would then be shown as fresh and never
 * asked again (the "Team change history" card in CI runs 7 and 9 of 2026-12-07). Any read under way is
 * dropped first; every card showing one of `keys` then reads anew, after the save.
 */
export async function refreshAfterSave(queryClient: QueryClient, keys: readonly QueryKey[]): Promise<void> {
  await Promise.all(keys.map((queryKey) => queryClient.cancelQueries({ queryKey })));
  await Promise.all(keys.map((queryKey) => queryClient.invalidateQueries({ queryKey })));
}

/**
 * The app's QueryClient: every `invalidateQueries` (about 80 calls after saves across the web app) first drops
 * the matching reads still under way, as `refreshAfterSave` does, so no card anywhere is left showing a read
 * made before the save it follows.
 */
export class SaveAwareQueryClient extends QueryClient {
  override async invalidateQueries<TTaggedQueryKey extends QueryKey = QueryKey>(
    filters?: InvalidateQueryFilters<TTaggedQueryKey>,
    options?: InvalidateOptions,
  ): Promise<void> {
    await this.cancelQueries(filters);
    return super.invalidateQueries(filters, options);
  }
}
