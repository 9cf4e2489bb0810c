import { ErrorState } from '../../../components/error-state';
import { Loading } from '../../../components/loading';
import { useVersions } from '../api/instructor';
import { GradingReviews } from '../components/grading-reviews';
import { PublishedChallenges, ScopeNote } from '../components/published-challenges';
import { UploadBundle } from '../components/upload-bundle';
import { VersionList } from '../components/version-list';

/**
 * The instructor console: the analytics of every published challenge (over the learners of the
 * instructor's cohorts), upload a challenge version, follow its calibration, rejudge.
 */
export function InstructorPage() {
  const { data, isPending, isError, error, refetch } = useVersions();
  return (
    <div className="stack">
      <header>
        <h1>Instructor console</h1>
        <p className="muted">
          Upload a challenge version; it is calibrated on its hidden cases (the reference must pass, the
          baseline must not) and published when it holds.
        </p>
      </header>
      <section aria-labelledby="published-title" className="stack">
        <h2 id="published-title" className="section-title">
          Published challenges
        </h2>
        <ScopeNote />
        <PublishedChallenges />
      </section>
      <section className="panel" aria-labelledby="upload-title">
        <h2 id="upload-title">Upload a version</h2>
        <UploadBundle />
      </section>
      <section aria-labelledby="reviews-title" className="stack">
        <h2 id="reviews-title" className="section-title">
          Gradings to review
        </h2>
        <p className="muted small">
          A submission whose hidden cases the grader could not score more than 2% of the time waits here, off
          the leaderboards, until you accept or reject it.
        </p>
        <GradingReviews />
      </section>
      <section aria-labelledby="versions-title" className="stack">
        <h2 id="versions-title" className="section-title">
          Your challenges
        </h2>
        {isPending && <Loading label="Loading your challenges" lines={4} />}
        {isError && (
          <ErrorState title="Your challenges could not be loaded" error={error} onRetry={() => refetch()} />
        )}
        {data && data.items.length === 0 && (
          <p className="empty empty--small">
            No versions uploaded yet. Upload a bundle above to publish your first challenge.
          </p>
        )}
        {data && data.items.length > 0 && <VersionList versions={data.items} />}
      </section>
    </div>
  );
}
