import type { ReactNode } from 'react';
import { Navigate, useLocation } from 'react-router';
import { ErrorState } from '../../../components/error-state';
import { useMe } from '../api/me';

/** Renders its children for a signed-in user; sends anyone else to sign in and back. */
export function RequireAuth({ children }: { children: ReactNode }) {
  const { data: me, isPending, isError, error, refetch } = useMe();
  const location = useLocation();
  if (isPending) return <p aria-busy="true">Loading…</p>;
  if (isError)
    return <ErrorState title="Could not check your session" error={error} onRetry={() => refetch()} />;
  if (!me)
    return <Navigate to={`/login?next=${encodeURIComponent(location.pathname + location.search)}`} replace />;
  return children;
}
