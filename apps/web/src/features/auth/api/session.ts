import type { LoginRequest, Me, RegisterRequest } from '@reps/shared';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';

export const login = (body: LoginRequest) =>
  api<{ user: Me }>('/auth/login', { method: 'POST', body: JSON.stringify(body) });
export const register = (body: RegisterRequest) =>
  api<{ user: Me }>('/auth/register', { method: 'POST', body: JSON.stringify(body) });
export const logout = () => api<void>('/auth/logout', { method: 'POST' });

/** Signing in or up replaces the whole cache: everything personal must be fetched again. */
function useSessionMutation<T>(fn: (body: T) => Promise<{ user: Me }>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: ({ user }) => {
      queryClient.clear();
      queryClient.setQueryData(['me'], user);
    },
  });
}

export const useLogin = () => useSessionMutation(login);
export const useRegister = () => useSessionMutation(register);

export function useLogout() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: logout,
    onSuccess: () => {
      queryClient.clear();
      queryClient.setQueryData(['me'], null);
    },
  });
}
