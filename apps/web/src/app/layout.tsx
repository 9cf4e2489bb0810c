import { useEffect, useState } from 'react';
import { NavLink, Outlet, useLocation } from 'react-router';
import { useMe } from '../features/auth/api/me';
import { SignOutButton, UserMenu } from '../features/auth/components/user-menu';
import { SystemStatus } from '../features/health/components/system-status';

/**
 * The page frame. On narrow screens (below 900 px, styles.css) the main navigation folds behind a
 * Menu button; the brand, the platform's status dot, the account link (or Sign in / Join) and the
 * button stay on one row, so the header keeps one line's height and nothing leaves the screen.
 */
export function Layout() {
  const { data: me } = useMe();
  const [menuOpen, setMenuOpen] = useState(false);
  const { pathname, search } = useLocation();
  // A link followed from the open menu closes it.
  // biome-ignore lint/correctness/useExhaustiveDependencies: closes on every change of address
  useEffect(() => setMenuOpen(false), [pathname, search]);
  useEffect(() => {
    if (!menuOpen) return;
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape') setMenuOpen(false);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [menuOpen]);
  return (
    <div className="shell">
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <header className={`topbar${menuOpen ? ' topbar--open' : ''}`}>
        <NavLink to="/" className="brand" aria-label="Reps home">
          <img src="/favicon.svg" alt="" width="28" height="28" />
          <span>Reps</span>
        </NavLink>
        <div id="main-menu" className="topbar__menu">
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
          {me && (
            <div className="topbar__menu-account">
              <NavLink to="/settings">Settings</NavLink>
              <SignOutButton />
            </div>
          )}
        </div>
        <SystemStatus />
        <UserMenu />
        <button
          type="button"
          className="menu-button"
          aria-expanded={menuOpen}
          aria-controls="main-menu"
          onClick={() => setMenuOpen((open) => !open)}
        >
          <span aria-hidden="true" className="menu-button__icon" />
          Menu
        </button>
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
