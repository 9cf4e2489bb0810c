import type { InstructorVersionView } from '@reps/shared';
import { Link } from 'react-router';
import { ErrorState } from '../../../components/error-state';
import { ProgressBar } from '../../../components/progress-bar';
import { formatDateTime } from '../../../lib/format';
import { useRejudge } from '../api/instructor';
import { CalibrationTable } from './calibration-table';
import { StatusBadge } from './status-badge';

/** The instructor's challenges, newest version first, each with its calibration and a rejudge button. */
export function VersionList({ versions }: { versions: InstructorVersionView[] }) {
  const bySlug = new Map<string, InstructorVersionView[]>();
  for (const v of versions) bySlug.set(v.slug, [...(bySlug.get(v.slug) ?? []), v]);
  const groups = [...bySlug.values()]
    .map((vs) => vs.sort((a, b) => b.version - a.version))
    .sort((a, b) => b[0]!.created_at.localeCompare(a[0]!.created_at));
  return (
    <div className="stack">
      {groups.map((vs) => (
        <ChallengeVersions key={vs[0]!.slug} versions={vs} />
      ))}
    </div>
  );
}

function ChallengeVersions({ versions }: { versions: InstructorVersionView[] }) {
  const latest = versions[0]!;
  const published = versions.find((v) => v.status === 'published');
  const rejudge = useRejudge();
  const titleId = `challenge-${latest.slug}`;
  return (
    <article className="panel version-group" aria-labelledby={titleId}>
      <div className="version-group__head">
        <div>
          <h3 id={titleId} className="version-group__title">
            {latest.title}
          </h3>
          <p className="muted small">
            <code>{latest.slug}</code> · {versions.length} {versions.length === 1 ? 'version' : 'versions'}
            {published && (
              <>
                {' '}
                · live: <Link to={`/c/${latest.slug}`}>v{published.version}</Link>
              </>
            )}
          </p>
        </div>
        <div className="version-group__actions">
          {published && (
            <Link className="button button--secondary" to={`/instructor/${latest.slug}`}>
              Analytics
            </Link>
          )}
          <button
            type="button"
            className="button button--ghost"
            disabled={!published || rejudge.isPending}
            title={
              published
                ? 'Re-grade every learner’s best from earlier versions on the live version'
                : 'Nothing is published yet'
            }
            onClick={() => rejudge.mutate(latest.slug)}
          >
            {rejudge.isPending ? 'Rejudging…' : 'Rejudge'}
          </button>
        </div>
      </div>
      {rejudge.data && (
        <p role="status" className="success small">
          {rejudge.data.queued === 0
            ? `Nothing to rejudge: every best is already on v${rejudge.data.version}.`
            : `Queued ${rejudge.data.queued} ${rejudge.data.queued === 1 ? 'best' : 'bests'} for re-grading on v${rejudge.data.version}.`}
        </p>
      )}
      {rejudge.error && <ErrorState title="The rejudge did not start" error={rejudge.error} />}
      <ul className="version-list">
        {versions.map((v, i) => (
          <li key={v.version} className="version-list__item">
            <div className="version-list__row">
              <strong>v{v.version}</strong>
              <StatusBadge status={v.status} />
              <span className="muted small">
                {v.source === 'upload' ? 'uploaded' : 'from the catalogue'} {formatDateTime(v.created_at)}
                {v.published_at && ` · published ${formatDateTime(v.published_at)}`}
                {v.calibration && ` · ${v.calibration.cases} hidden cases`}
              </span>
            </div>
            {v.status === 'calibrating' && (
              <ProgressBar label="Calibrating: generating the cases, then running the reference and baseline on the hidden cases…" />
            )}
            {v.calibration?.error && (
              <p className="form-error" role="alert">
                {v.calibration.error}
              </p>
            )}
            {v.calibration &&
              v.calibration.lines.length > 0 &&
              (i === 0 ? (
                <CalibrationTable calibration={v.calibration} />
              ) : (
                <details className="disclosure">
                  <summary>Calibration of v{v.version}</summary>
                  <CalibrationTable calibration={v.calibration} />
                </details>
              ))}
          </li>
        ))}
      </ul>
    </article>
  );
}
