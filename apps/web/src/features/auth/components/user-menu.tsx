import { Link, useNavigate } from 'react-router';
import { useMe } from '../api/me';
import { useLogout } from '../api/session';

export function UserMenu() {
  const { data: me, isPending } = useMe();
  const logout = useLogout();
  const navigate = useNavigate();
  if (isPending) return <span className="user-menu" aria-busy="true" />;
  if (!me) {
    return (
      <span className="user-menu">
        <Link to="/login">Sign in</Link>
        <Link className="button" to="/register">
          Join
        </Link>
      </span>
    );
  }
  return (
    <span className="user-menu">
      <Link to="/settings" title="Settings">
        @{me.handle}
        {me.role !== 'learner' && <span className="chip chip--role">{me.role}</span>}
      </Link>
      <button
        type="button"
        className="link-button"
        onClick={() => logout.mutate(undefined, { onSuccess: () => navigate('/') })}
      >
        Sign out
      </button>
    </span>
  );
}
