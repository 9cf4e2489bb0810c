import { useMe } from '../../features/auth/api/me';
import { CataloguePage } from '../../features/catalogue/routes/catalogue-page';

/** The catalogue, told whether someone is signed in (the "solved" filter needs a learner). */
export function CatalogueRoute() {
  const { data: me } = useMe();
  return <CataloguePage signedIn={Boolean(me)} />;
}
