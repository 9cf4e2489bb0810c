import { useHealth } from '../api/get-health';

const labels = { postgres: 'Database', redis: 'Queue' } as const;

/** A compact live status of the platform, for the header; details on hover and for screen readers. */
export function SystemStatus() {
  const { data, isPending, isError } = useHealth();
  if (isPending) return <span className="status status--pending">Checking…</span>;
  if (isError || !data) return <span className="status status--down">Server unreachable</span>;
  const graders = data.workers ?? 0;
  const detail = [
    ...Object.entries(data.checks).map(([name, c]) => `${labels[name as keyof typeof labels]} ${c.status}`),
    `${graders} grader${graders === 1 ? '' : 's'} online`,
  ].join(' · ');
  if (data.status !== 'ok') {
    const names = data.down.map((n) => labels[n as keyof typeof labels] ?? n).join(' and ');
    return (
      <span className="status status--down" title={detail} role="status">
        {names} down
      </span>
    );
  }
  return (
    <span className={`status ${graders > 0 ? 'status--up' : 'status--warn'}`} title={detail} role="status">
      {graders > 0 ? 'All systems go' : 'No grader online'}
    </span>
  );
}
