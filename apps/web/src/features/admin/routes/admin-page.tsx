import type { AdminUserRow, Role } from '@reps/shared';
import { useDeferredValue, useState } from 'react';
import { Link } from 'react-router';
import { ErrorState } from '../../../components/error-state';
import { Loading } from '../../../components/loading';
import { formatDate, formatInt } from '../../../lib/format';
import { useSetRole, useUsers } from '../api/users';

const ROLES: Role[] = ['learner', 'instructor', 'admin'];

/** Users, searchable by email or handle, with a role select per user. */
export function AdminPage({ myHandle }: { myHandle: string }) {
  const [q, setQ] = useState('');
  const query = useDeferredValue(q.trim());
  const { data, isPending, isError, error, refetch, isPlaceholderData } = useUsers(query);
  return (
    <div className="stack">
      <header>
        <h1>Admin</h1>
        <p className="muted">
          Give instructors the role to author challenges and run cohorts; admins manage users.
        </p>
      </header>
      <section className="panel" aria-labelledby="queues-title">
        <h2 id="queues-title">Queues</h2>
        <p className="muted">
          Gradings, practice runs and calibrations waiting, running, failed or done, with their errors; retry
          or clean them on the queue dashboard (served by the API, for admins only).
        </p>
        <p>
          {/* Not a route of this app: a page the API serves, so a full page load. */}
          <a className="button button--secondary" href="/api/admin/queues">
            Open the queue dashboard
          </a>
        </p>
      </section>
      <section className="panel" aria-labelledby="users-title">
        <div className="board__head">
          <h2 id="users-title">Users</h2>
          <input
            type="search"
            className="search-input"
            aria-label="Search users"
            placeholder="Search by email or handle"
            value={q}
            onChange={(e) => setQ(e.target.value)}
          />
        </div>
        {isPending && <Loading label="Loading users" lines={5} />}
        {isError && <ErrorState title="Users could not be loaded" error={error} onRetry={() => refetch()} />}
        {data && data.items.length === 0 && <p className="empty empty--small">No user matches “{query}”.</p>}
        {data && data.items.length > 0 && (
          <div className="table-scroll">
            <table className="table" aria-busy={isPlaceholderData || undefined}>
              <thead>
                <tr>
                  <th>User</th>
                  <th>Email</th>
                  <th className="num">Submissions</th>
                  <th>Joined</th>
                  <th>Role</th>
                </tr>
              </thead>
              <tbody>
                {data.items.map((user) => (
                  <UserRow key={user.id} user={user} self={user.handle === myHandle} />
                ))}
              </tbody>
            </table>
          </div>
        )}
        {data && data.items.length >= 50 && (
          <p className="muted small">Showing the newest 50: search to narrow down.</p>
        )}
      </section>
    </div>
  );
}

function UserRow({ user, self }: { user: AdminUserRow; self: boolean }) {
  const setRole = useSetRole();
  const [role, setLocal] = useState(user.role as Role);
  const change = (next: Role) => {
    const previous = role;
    setLocal(next);
    setRole.mutate({ id: user.id, role: next }, { onError: () => setLocal(previous) });
  };
  return (
    <tr>
      <td className="nowrap">
        <Link to={`/u/${user.handle}`}>@{user.handle}</Link>
        {user.display_name !== user.handle && <span className="muted small"> · {user.display_name}</span>}
        {self && <span className="chip chip--you">you</span>}
      </td>
      <td className="small">{user.email}</td>
      <td className="num">{formatInt(user.submissions)}</td>
      <td className="nowrap">{formatDate(user.created_at)}</td>
      <td>
        <div className="role-cell">
          <select
            className="role-select"
            aria-label={`Role of @${user.handle}`}
            value={role}
            disabled={self || setRole.isPending}
            title={self ? 'Admins cannot change their own role' : undefined}
            onChange={(e) => change(e.target.value as Role)}
          >
            {ROLES.map((r) => (
              <option key={r} value={r}>
                {r}
              </option>
            ))}
          </select>
          <span aria-live="polite" className="small">
            {setRole.isPending && <span className="muted">Saving…</span>}
            {setRole.isSuccess && (
              <span className="success">
                ✓ @{user.handle} is now {setRole.data.role}
              </span>
            )}
            {setRole.isError && <span className="warn">Not changed: {setRole.error.message}</span>}
          </span>
        </div>
      </td>
    </tr>
  );
}
