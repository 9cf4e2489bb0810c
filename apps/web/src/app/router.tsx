import { createBrowserRouter } from 'react-router';
import { NotFoundPage } from '../components/not-found-page';
import { CataloguePage } from '../features/catalogue/routes/catalogue-page';
import { Layout } from './layout';

export const router = createBrowserRouter([
  {
    element: <Layout />,
    children: [
      { path: '/', element: <CataloguePage /> },
      { path: '*', element: <NotFoundPage /> },
    ],
  },
]);
