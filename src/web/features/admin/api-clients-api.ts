import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../app/api-client';
import type {
  ApiClient,
  ApiClientKeys,
  ApiClientList,
  ApiClientWithSecret,
  NewApiClient,
} from '../../../shared/fhir/api-clients';

const clientsKey = ['admin', 'api-clients'] as const;

export function useApiClients() {
  return useQuery({
    queryKey: clientsKey,
    queryFn: () => api.get<ApiClientList>('/api/admin/api-clients').then((r) => r.clients),
  });
}

function useInvalidate() {
  const queryClient = useQueryClient();
  return () => void queryClient.invalidateQueries({ queryKey: clientsKey });
}

export function useCreateApiClient() {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: (input: NewApiClient) => api.post<ApiClientWithSecret>('/api/admin/api-clients', input),
    onSuccess: invalidate,
  });
}

export function useRotateApiClient() {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: (client: ApiClient) =>
      api.post<ApiClientWithSecret>(
        `/api/admin/api-clients/${encodeURIComponent(client.id)}/rotate`,
        undefined,
        {
          ifMatch: client.version,
        },
      ),
    onSettled: invalidate,
  });
}

export function useRevokeApiClient() {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: (client: ApiClient) =>
      api.post<ApiClient>(`/api/admin/api-clients/${encodeURIComponent(client.id)}/revoke`, undefined, {
        ifMatch: client.version,
      }),
    onSettled: invalidate,
  });
}

/** Registers or replaces the client's public keys (private_key_jwt), or (null) removes them. */
export function useSetApiClientKeys() {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: ({ client, jwks }: { client: ApiClient; jwks: ApiClientKeys['jwks'] }) =>
      api.put<ApiClient>(
        `/api/admin/api-clients/${encodeURIComponent(client.id)}/keys`,
        { jwks },
        { ifMatch: client.version },
      ),
    onSettled: invalidate,
  });
}
