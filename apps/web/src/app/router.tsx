import { createBrowserRouter } from 'react-router';
import { NotFoundPage } from '../components/not-found-page';
import { RequireAuth } from '../features/auth/components/require-auth';
import { LoginPage } from '../features/auth/routes/login-page';
import { RegisterPage } from '../features/auth/routes/register-page';
import { CataloguePage } from '../features/catalogue/routes/catalogue-page';
import { SettingsPage } from '../features/settings/routes/settings-page';
import { Layout } from './layout';

export const router = createBrowserRouter([
  {
    element: <Layout />,
    children: [
      { path: '/', element: <CataloguePage /> },
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
