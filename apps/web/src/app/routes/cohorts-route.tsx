import { useParams } from 'react-router';
import { useMe } from '../../features/auth/api/me';
import { CohortPage } from '../../features/cohorts/routes/cohort-page';
import { CohortsPage } from '../../features/cohorts/routes/cohorts-page';
import { useBoardChoices } from '../../features/leaderboards/api/get-leaderboard';

/** The cohorts list, told whether the user may create cohorts (instructors and admins). */
export function CohortsRoute() {
  const { data: me } = useMe();
  return (
    <CohortsPage canCreate={me?.role === 'instructor' || me?.role === 'admin'} handle={me?.handle ?? ''} />
  );
}

/** One cohort, with the catalogue's skills and domains as the board's scopes. */
export function CohortRoute() {
  const { id = '' } = useParams();
  const choices = useBoardChoices();
  return (
    <CohortPage
      key={id}
      id={id}
      scopes={{ skills: choices.data?.skills ?? [], domains: choices.data?.domains ?? [] }}
    />
  );
}
