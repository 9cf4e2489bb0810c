import type { InstructorVersionView } from '@reps/shared';

const STYLE: Record<InstructorVersionView['status'], string> = {
  published: 'ok',
  rejected: 'bad',
  calibrating: 'busy',
  draft: 'pending',
  retired: 'pending',
};

export function StatusBadge({ status }: { status: InstructorVersionView['status'] }) {
  return (
    <span className={`badge badge--${STYLE[status]}`}>
      {status === 'calibrating' ? 'calibrating…' : status}
    </span>
  );
}
