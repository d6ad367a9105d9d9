import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { apiFetch } from '@/lib/api-client';
import type { ConsoleUser, NewUserRequest, UserChangesRequest, UsersAnswer } from '@ecs-console/contract';

export const USERS_QUERY_KEY = ['users'] as const;

const userPath = (username: string) => `/api/users/${encodeURIComponent(username)}`;

export async function getUsers(signal?: AbortSignal): Promise<readonly ConsoleUser[]> {
  const { users } = await apiFetch<UsersAnswer>('/api/users', { signal });
  return users;
}

export function usersQueryOptions() {
  return queryOptions({
    queryKey: USERS_QUERY_KEY,
    queryFn: ({ signal }) => getUsers(signal),
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
