import type { LoginRequest, Me, RegisterRequest } from '@reps/shared';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';

export const login = (body: LoginRequest) =>
  api<{ user: Me }>('/auth/login', { method: 'POST', body: JSON.stringify(body) });
export const register = (body: RegisterRequest) =>
  api<{ user: Me }>('/auth/register', { method: 'POST', body: JSON.stringify(body) });
export const logout = () => api<void>('/auth/logout', { method: 'POST' });

/** Signing in, up or out changes whose data the cache holds: everything but the user is refetched. */
const notMe = {
  predicate: (query: { queryKey: readonly unknown[] }) =>
    !(query.queryKey.length === 1 && query.queryKey[0] === 'me'),
};

function useSessionMutation<T>(fn: (body: T) => Promise<{ user: Me }>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: ({ user }) => {
      queryClient.setQueryData(['me'], user);
      return queryClient.invalidateQueries(notMe);
    },
  });
}

export const useLogin = () => useSessionMutation(login);
export const useRegister = () => useSessionMutation(register);

export function useLogout() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: logout,
    // The refetch is not awaited: the caller's navigation must not wait for every query on the
    // page, or it lands after the visitor has already moved on (to the sign-in page, say).
    onSuccess: () => {
      queryClient.setQueryData(['me'], null);
      void queryClient.invalidateQueries(notMe);
    },
  });
}
