import type { Role } from '@reps/shared';
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { useMe } from '../api/me';
import { RequireAuth } from './require-auth';

/**
 * Renders its children for a signed-in user with one of `roles`; anyone else signed in gets a
 * page saying which role it needs (and a visitor is sent to sign in first).
 */
export function RequireRole({ roles, children }: { roles: Role[]; children: ReactNode }) {
  return (
    <RequireAuth>
      <RoleGate roles={roles}>{children}</RoleGate>
    </RequireAuth>
  );
}

function RoleGate({ roles, children }: { roles: Role[]; children: ReactNode }) {
  const { data: me } = useMe();
  if (me && roles.includes(me.role)) return children;
  const needed = roles[0];
  return (
    <div className="empty">
      <h1>This page needs the {needed} role</h1>
      <p>
        You are signed in as @{me?.handle}, a {me?.role}. Ask an admin to give your account the {needed} role
        if you should have it.
      </p>
      <Link className="button" to="/">
        Back to the challenges
      </Link>
    </div>
  );
}
