import { createBrowserRouter } from 'react-router';
import { NotFoundPage } from '../components/not-found-page';
import { RequireAuth } from '../features/auth/components/require-auth';
import { RequireRole } from '../features/auth/components/require-role';
import { LoginPage } from '../features/auth/routes/login-page';
import { RegisterPage } from '../features/auth/routes/register-page';
import { DocsPage } from '../features/docs/routes/docs-page';
import { InstructorPage } from '../features/instructor/routes/instructor-page';
import { LeaderboardsPage } from '../features/leaderboards/routes/leaderboards-page';
import { StartHerePage } from '../features/next/routes/start-here-page';
import { ProfilePage } from '../features/profile/routes/profile-page';
import { ProgressPage } from '../features/progress/routes/progress-page';
import { SettingsPage } from '../features/settings/routes/settings-page';
import { Layout } from './layout';
import { CatalogueRoute } from './routes/catalogue-route';
import { ChallengeRoute } from './routes/challenge-route';
import { CohortRoute, CohortsRoute } from './routes/cohorts-route';
import { AdminRoute, AnalyticsRoute } from './routes/staff-routes';

export const router = createBrowserRouter([
  {
    element: <Layout />,
    children: [
      { path: '/', element: <CatalogueRoute /> },
      { path: '/c/:slug', element: <ChallengeRoute /> },
      { path: '/leaderboards', element: <LeaderboardsPage /> },
      { path: '/u/:handle', element: <ProfilePage /> },
      { path: '/docs', element: <DocsPage /> },
      { path: '/docs/:doc', element: <DocsPage /> },
      { path: '/login', element: <LoginPage /> },
      { path: '/register', element: <RegisterPage /> },
      { path: '/start', element: <StartHerePage /> },
      {
        path: '/settings',
        element: (
          <RequireAuth>
            <SettingsPage />
          </RequireAuth>
        ),
      },
      {
        path: '/progress',
        element: (
          <RequireAuth>
            <ProgressPage />
          </RequireAuth>
        ),
      },
      {
        path: '/cohorts',
        element: (
          <RequireAuth>
            <CohortsRoute />
          </RequireAuth>
        ),
      },
      {
        path: '/cohorts/:id',
        element: (
          <RequireAuth>
            <CohortRoute />
          </RequireAuth>
        ),
      },
      {
        path: '/instructor',
        element: (
          <RequireRole roles={['instructor', 'admin']}>
            <InstructorPage />
          </RequireRole>
        ),
      },
      {
        path: '/instructor/:slug',
        element: (
          <RequireRole roles={['instructor', 'admin']}>
            <AnalyticsRoute />
          </RequireRole>
        ),
      },
      {
        path: '/admin',
        element: (
          <RequireRole roles={['admin']}>
            <AdminRoute />
          </RequireRole>
        ),
      },
      { path: '*', element: <NotFoundPage /> },
    ],
  },
]);
