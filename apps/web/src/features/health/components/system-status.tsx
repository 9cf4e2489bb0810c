import { useHealth } from '../api/get-health';

const labels = { postgres: 'Database', redis: 'Queue' } as const;

/** A compact live status of the platform, for the header; details on hover and for screen readers. */
export function SystemStatus() {
  const { data, isPending, isError } = useHealth();
  if (isPending) return <Status tone="pending" label="Checking…" />;
  if (isError || !data) return <Status tone="down" label="Server unreachable" />;
  const graders = data.workers ?? 0;
  const detail = [
    ...Object.entries(data.checks).map(([name, c]) => `${labels[name as keyof typeof labels]} ${c.status}`),
    `${graders} grader${graders === 1 ? '' : 's'} online`,
  ].join(' · ');
  if (data.status !== 'ok') {
    const names = data.down.map((n) => labels[n as keyof typeof labels] ?? n).join(' and ');
    return <Status tone="down" label={`${names} down`} detail={detail} live />;
  }
  return (
    <Status
      tone={graders > 0 ? 'up' : 'warn'}
      label={graders > 0 ? 'All systems go' : 'No grader online'}
      detail={detail}
      live
    />
  );
}

/** On narrow screens only the coloured dot shows; the words stay for screen readers (styles.css). */
function Status({
  tone,
  label,
  detail,
  live,
}: {
  tone: 'up' | 'warn' | 'down' | 'pending';
  label: string;
  detail?: string;
  live?: boolean;
}) {
  return (
    <span className={`status status--${tone}`} title={detail ?? label} role={live ? 'status' : undefined}>
      <span className="status__text">{label}</span>
    </span>
  );
}
