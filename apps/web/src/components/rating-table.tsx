import type { RatingBoard, RatingEntry } from '@reps/shared';
import { Link } from 'react-router';
import { formatRating } from '../lib/format';

/**
 * A ratings board as a table: rank, learner (linked to the profile), rating with a bar, and
 * challenges. The signed-in learner's row is highlighted, or added below when off the page.
 */
export function RatingTable({ board, busy }: { board: RatingBoard; busy?: boolean }) {
  const mine = board.me?.handle;
  const meShown = board.entries.some((e) => e.handle === mine);
  const top = Math.max(...board.entries.map((e) => e.rating), 1);
  return (
    <div className="table-scroll">
      <table className="table board__table" aria-busy={busy || undefined}>
        <thead>
          <tr>
            <th className="num">Rank</th>
            <th>Learner</th>
            <th className="board__bar-col">Rating</th>
            <th className="num">Challenges</th>
          </tr>
        </thead>
        <tbody>
          {board.entries.map((entry) => (
            <RatingRow key={entry.handle} entry={entry} mine={entry.handle === mine} top={top} />
          ))}
          {board.me && !meShown && (
            <>
              <tr className="board__gap">
                <td colSpan={4}>⋯</td>
              </tr>
              <RatingRow entry={board.me} mine top={top} />
            </>
          )}
        </tbody>
      </table>
    </div>
  );
}

function RatingRow({ entry, mine, top }: { entry: RatingEntry; mine: boolean; top: number }) {
  return (
    <tr className={mine ? 'row--highlight' : undefined} aria-current={mine ? 'true' : undefined}>
      <td className="num">
        <span className={`rank rank--${entry.rank <= 3 ? entry.rank : 'n'}`}>{entry.rank}</span>
      </td>
      <td>
        <Link to={`/u/${entry.handle}`}>@{entry.handle}</Link>
        {mine && <span className="chip chip--you">you</span>}
      </td>
      <td className="board__bar-col">
        <span className="meter">
          <span className="meter__fill" style={{ width: `${(entry.rating / top) * 100}%` }} />
        </span>
        <strong>{formatRating(entry.rating)}</strong>
      </td>
      <td className="num">{entry.challenges}</td>
    </tr>
  );
}
