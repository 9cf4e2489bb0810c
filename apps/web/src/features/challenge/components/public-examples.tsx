import type { ChallengeDetail } from '@reps/shared';
import { useState } from 'react';

/** The public cases, one at a time: input and expected output side by side. */
export function PublicExamples({ cases }: { cases: ChallengeDetail['public_cases'] }) {
  const [index, setIndex] = useState(0);
  if (cases.length === 0) return <p className="muted">This challenge has no public examples.</p>;
  const current = cases[Math.min(index, cases.length - 1)]!;
  return (
    <div className="examples">
      <div className="tabs" role="tablist" aria-label="Public examples">
        {cases.map((c, i) => (
          <button
            key={c.id}
            type="button"
            role="tab"
            aria-selected={i === index}
            className={`tab${i === index ? ' tab--active' : ''}`}
            onClick={() => setIndex(i)}
          >
            Example {i + 1}
          </button>
        ))}
      </div>
      <div className="side-by-side" role="tabpanel" aria-label={`Example ${index + 1}`}>
        <div>
          <h3 className="side-by-side__title">Input</h3>
          <pre className="code-block">{JSON.stringify(current.input, null, 2)}</pre>
        </div>
        <div>
          <h3 className="side-by-side__title">Expected output</h3>
          <pre className="code-block">{JSON.stringify(current.expected, null, 2)}</pre>
        </div>
      </div>
    </div>
  );
}
