import { NavLink, Outlet } from 'react-router';
import { useMe } from '../features/auth/api/me';
import { UserMenu } from '../features/auth/components/user-menu';
import { SystemStatus } from '../features/health/components/system-status';

export function Layout() {
  const { data: me } = useMe();
  return (
    <div className="shell">
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <header className="topbar">
        <NavLink to="/" className="brand" aria-label="Reps home">
          <img src="/favicon.svg" alt="" width="28" height="28" />
          <span>Reps</span>
        </NavLink>
        <nav aria-label="Main" className="nav">
          <NavLink to="/" end>
            Challenges
          </NavLink>
          <NavLink to="/leaderboards">Leaderboards</NavLink>
          <NavLink to="/docs">Docs</NavLink>
          {me && <NavLink to="/progress">Progress</NavLink>}
          {me && <NavLink to="/cohorts">Cohorts</NavLink>}
          {me && <NavLink to={`/u/${me.handle}`}>Profile</NavLink>}
          {(me?.role === 'instructor' || me?.role === 'admin') && (
            <NavLink to="/instructor">Instructor</NavLink>
          )}
          {me?.role === 'admin' && <NavLink to="/admin">Admin</NavLink>}
          <a href="/api/docs">API</a>
        </nav>
        <SystemStatus />
        <UserMenu />
      </header>
      <main id="main" className="main">
        <Outlet />
      </main>
      <footer className="footer">
        Reps — the gym for AI orchestration. Simulated models by default; every grade is reproducible.
      </footer>
    </div>
  );
}
