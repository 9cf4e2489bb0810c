import { useParams } from 'react-router';
import { AdminPage } from '../../features/admin/routes/admin-page';
import { useMe } from '../../features/auth/api/me';
import { AnalyticsPage } from '../../features/instructor/routes/analytics-page';

export function AnalyticsRoute() {
  const { slug = '' } = useParams();
  return <AnalyticsPage key={slug} slug={slug} />;
}

export function AdminRoute() {
  const { data: me } = useMe();
  return <AdminPage myHandle={me?.handle ?? ''} />;
}
