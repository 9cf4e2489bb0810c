import { useLayoutEffect, useMemo, useRef } from 'react';

const DAY_MS = 86_400_000;
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

interface Cell {
  day: string;
  reps: number;
  level: 0 | 1 | 2 | 3 | 4;
  future: boolean;
}

/**
 * A year of UTC days as squares, one column per week (Sunday on top), shaded by reps that day,
 * like a contribution graph. Plain markup: it is cheap enough to draw on first load.
 */
export function StreakCalendar({
  calendar,
  today = new Date(),
}: {
  calendar: { day: string; reps: number }[];
  today?: Date;
}) {
  const { weeks, months, max } = useMemo(() => layout(calendar, today), [calendar, today]);
  // On a narrow screen the year scrolls in its box: start at its end, this week.
  const scroller = useRef<HTMLDivElement>(null);
  useLayoutEffect(() => {
    const box = scroller.current;
    if (box) box.scrollLeft = box.scrollWidth;
  }, []);
  return (
    <div className="calendar">
      <div className="calendar__scroll" ref={scroller}>
        <div className="calendar__months" aria-hidden="true">
          {months.map((m) => (
            <span key={`${m.label}-${m.week}`} style={{ gridColumn: m.week + 1 }}>
              {m.label}
            </span>
          ))}
        </div>
        <div className="calendar__grid" role="img" aria-label={summary(calendar)}>
          {weeks.map((week) => (
            <div key={week[0]!.day} className="calendar__week">
              {week.map((cell) => (
                <span
                  key={cell.day}
                  className={`calendar__day calendar__day--${cell.future ? 'future' : cell.level}`}
                  title={
                    cell.future
                      ? undefined
                      : `${cell.reps} ${cell.reps === 1 ? 'rep' : 'reps'} on ${cell.day}`
                  }
                />
              ))}
            </div>
          ))}
        </div>
      </div>
      <div className="calendar__legend" aria-hidden="true">
        <span>Less</span>
        {([0, 1, 2, 3, 4] as const).map((level) => (
          <span key={level} className={`calendar__day calendar__day--${level}`} />
        ))}
        <span>More{max > 0 ? ` (busiest day: ${max})` : ''}</span>
      </div>
    </div>
  );
}

function layout(calendar: { day: string; reps: number }[], today: Date) {
  const reps = new Map(calendar.map((d) => [d.day, d.reps]));
  const max = Math.max(0, ...calendar.map((d) => d.reps));
  const todayUtc = Date.UTC(today.getUTCFullYear(), today.getUTCMonth(), today.getUTCDate());
  // 53 columns ending with this week; the first column starts on a Sunday.
  const end = todayUtc + (6 - new Date(todayUtc).getUTCDay()) * DAY_MS;
  const start = end - (53 * 7 - 1) * DAY_MS;
  const weeks: Cell[][] = [];
  const months: { label: string; week: number }[] = [];
  for (let w = 0; w < 53; w++) {
    const week: Cell[] = [];
    for (let d = 0; d < 7; d++) {
      const t = start + (w * 7 + d) * DAY_MS;
      const day = new Date(t).toISOString().slice(0, 10);
      const n = reps.get(day) ?? 0;
      week.push({ day, reps: n, level: level(n, max), future: t > todayUtc });
      if (new Date(t).getUTCDate() === 1 && w < 52)
        months.push({ label: MONTHS[new Date(t).getUTCMonth()]!, week: w });
    }
    weeks.push(week);
  }
  return { weeks, months, max };
}

function level(n: number, max: number): Cell['level'] {
  if (n === 0) return 0;
  const q = n / Math.max(max, 4);
  return q <= 0.25 ? 1 : q <= 0.5 ? 2 : q <= 0.75 ? 3 : 4;
}

function summary(calendar: { day: string; reps: number }[]): string {
  const total = calendar.reduce((s, d) => s + d.reps, 0);
  return `${total} ${total === 1 ? 'rep' : 'reps'} on ${calendar.length} ${calendar.length === 1 ? 'day' : 'days'} in the last year`;
}
