import type { AdminUserRow, Role } from '@reps/shared';
import { keepPreviousData, queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';

export const getUsers = (q: string) =>
  api<{ items: AdminUserRow[] }>(`/admin/users${q ? `?q=${encodeURIComponent(q)}` : ''}`);

export const usersQueryOptions = (q: string) =>
  queryOptions({
    queryKey: ['admin', 'users', q],
    queryFn: () => getUsers(q),
    placeholderData: keepPreviousData,
  });

export const useUsers = (q: string) => useQuery(usersQueryOptions(q));

export const setRole = ({ id, role }: { id: string; role: Role }) =>
  api<{ id: string; role: Role }>(`/admin/users/${encodeURIComponent(id)}/role`, {
    method: 'PATCH',
    body: JSON.stringify({ role }),
  });

export function useSetRole() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: setRole,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['admin', 'users'] }),
  });
}
