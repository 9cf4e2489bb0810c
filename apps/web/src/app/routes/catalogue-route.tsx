import { useMe } from '../../features/auth/api/me';
import { useChallenges } from '../../features/catalogue/api/get-challenges';
import { CataloguePage } from '../../features/catalogue/routes/catalogue-page';
import { Tracks } from '../../features/next/components/tracks';

/**
 * The catalogue, told whether someone is signed in (the "solved" filter needs a learner), then the
 * tracks: one path per skill over the same unfiltered list (one request, shared through the cache).
 */
export function CatalogueRoute() {
  const { data: me } = useMe();
  const { data: all } = useChallenges();
  return (
    <>
      <CataloguePage signedIn={Boolean(me)} />
      {all && <Tracks challenges={all.items} signedIn={Boolean(me)} />}
    </>
  );
}
