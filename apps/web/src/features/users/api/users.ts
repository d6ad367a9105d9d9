import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { apiFetch, type RequestOptions } from '@/lib/api-client';
import { queryRequestOptions } from '@/lib/background-fetch';
import type { ConsoleUser, NewUserRequest, UserChangesRequest, UsersAnswer } from '@ecs-console/contract';

export const USERS_QUERY_KEY = ['users'] as const;

const userPath = (username: string) => `/api/users/${encodeURIComponent(username)}`;

export async function getUsers(options: RequestOptions = {}): Promise<readonly ConsoleUser[]> {
  const { users } = await apiFetch<UsersAnswer>('/api/users', options);
  return users;
}

export function usersQueryOptions() {
  return queryOptions({
    queryKey: USERS_QUERY_KEY,
    // A re-read on window focus is a background request; Refresh and Retry are the user's.
    queryFn: (context) => getUsers(queryRequestOptions(context)),
  });
}

export function useUsers() {
  return useQuery(usersQueryOptions());
}

export function createUser(user: NewUserRequest): Promise<ConsoleUser> {
  return apiFetch<ConsoleUser>('/api/users', { method: 'POST', body: user });
}

export function updateUser({
  username,
  changes,
}: {
  username: string;
  changes: UserChangesRequest;
}): Promise<ConsoleUser> {
  return apiFetch<ConsoleUser>(userPath(username), { method: 'PATCH', body: changes });
}

export function deleteUser(username: string): Promise<void> {
  return apiFetch<void>(userPath(username), { method: 'DELETE' });
}

function useInvalidateUsers() {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: USERS_QUERY_KEY });
}

export function useCreateUser() {
  const invalidate = useInvalidateUsers();
  return useMutation({ mutationFn: createUser, onSettled: invalidate });
}

export function useUpdateUser() {
  const invalidate = useInvalidateUsers();
  return useMutation({ mutationFn: updateUser, onSettled: invalidate });
}

export function useDeleteUser() {
  const invalidate = useInvalidateUsers();
  return useMutation({ mutationFn: deleteUser, onSettled: invalidate });
}
