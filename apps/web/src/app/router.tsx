import { createBrowserRouter } from 'react-router';
import { NotFoundPage } from '../components/not-found-page';
import { RequireAuth } from '../features/auth/components/require-auth';
import { LoginPage } from '../features/auth/routes/login-page';
import { RegisterPage } from '../features/auth/routes/register-page';
import { SimDocsPage } from '../features/docs/routes/sim-docs-page';
import { LeaderboardsPage } from '../features/leaderboards/routes/leaderboards-page';
import { ProfilePage } from '../features/profile/routes/profile-page';
import { SettingsPage } from '../features/settings/routes/settings-page';
import { Layout } from './layout';
import { CatalogueRoute } from './routes/catalogue-route';
import { ChallengeRoute } from './routes/challenge-route';

export const router = createBrowserRouter([
  {
    element: <Layout />,
    children: [
      { path: '/', element: <CatalogueRoute /> },
      { path: '/c/:slug', element: <ChallengeRoute /> },
      { path: '/leaderboards', element: <LeaderboardsPage /> },
      { path: '/u/:handle', element: <ProfilePage /> },
      { path: '/docs/sim', element: <SimDocsPage /> },
      { path: '/login', element: <LoginPage /> },
      { path: '/register', element: <RegisterPage /> },
      {
        path: '/settings',
        element: (
          <RequireAuth>
            <SettingsPage />
          </RequireAuth>
        ),
      },
      { path: '*', element: <NotFoundPage /> },
    ],
  },
]);
