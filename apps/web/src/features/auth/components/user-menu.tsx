import { Link, useNavigate } from 'react-router';
import { useMe } from '../api/me';
import { useLogout } from '../api/session';

/** The header's account corner: Sign in and Join, or the account link and Sign out (wide screens). */
export function UserMenu() {
  const { data: me, isPending } = useMe();
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
      <Link to="/settings" title="Settings" className="user-menu__account">
        <span className="user-menu__handle">@{me.handle}</span>
        {me.role !== 'learner' && <span className="chip chip--role">{me.role}</span>}
      </Link>
      <SignOutButton className="user-menu__sign-out" />
    </span>
  );
}

export function SignOutButton({ className }: { className?: string }) {
  const logout = useLogout();
  const navigate = useNavigate();
  return (
    <button
      type="button"
      className={`link-button${className ? ` ${className}` : ''}`}
      onClick={() => logout.mutate(undefined, { onSuccess: () => navigate('/') })}
    >
      Sign out
    </button>
  );
}
