import { Segmented } from '../../../components/segmented';
import type { Period } from '../api/get-leaderboard';

const PERIODS = [
  ['all', 'All time'],
  ['week', 'This week'],
] as const;

export function PeriodToggle({ value, onChange }: { value: Period; onChange: (p: Period) => void }) {
  return <Segmented legend="Period" options={PERIODS} value={value} onChange={onChange} />;
}
