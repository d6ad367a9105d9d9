import { MutationCache, QueryCache, QueryClient } from '@tanstack/react-query';
import { SESSION_QUERY_KEY } from '@/lib/session';
import { isApiError } from '@/lib/api-client';

/**
 * One client for the app. A 401 anywhere means the session ended (idle timeout, password change,
 * signed out in another tab): re-reading the session then sends the user to the login page, which
 * says the session expired and leads back to the same address. (Batches of actions catch their
 * errors; their report does the same for a 401 among the results.)
 */
export function createQueryClient(): QueryClient {
  const onError = (error: unknown) => {
    if (isApiError(error) && error.status === 401) {
      void queryClient.invalidateQueries({ queryKey: SESSION_QUERY_KEY });
    }
  };
  const queryClient: QueryClient = new QueryClient({
    queryCache: new QueryCache({ onError }),
    mutationCache: new MutationCache({ onError }),
    defaultOptions: {
      queries: {
        // 4xx answers (forbidden, invalid, not found) will not change on retry; network and 5xx may.
        retry: (failureCount, error) =>
          failureCount < 2 && !(isApiError(error) && error.status >= 400 && error.status < 500),
        staleTime: 10_000,
      },
    },
  });
  return queryClient;
}
