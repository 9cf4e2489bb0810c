import { join } from 'node:path';
import { jest } from '@jest/globals';
import { DEMO_COHORT, seedDemoActivity, submissionsToMake } from '../../scripts/lib/demo-activity.mjs';
import { demoClient } from '../support/client.js';
import { Deployment } from '../support/deployment.js';
import { repoRoot, waitUntil } from '../support/stack.js';

jest.setTimeout(420_000);

describe('the demo activity npm start seeds (scripts/lib/demo-activity.mjs)', () => {
  it('plans submissions only for learners who have none on the challenge', () => {
    expect(
      submissionsToMake([
        { who: 'a', existing: 0, submits: ['baseline', 'reference'] },
        { who: 'b', existing: 2, submits: ['reference'] },
        { who: 'c', existing: 0, submits: ['baseline'] },
      ]),
    ).toEqual([
      { who: 'a', kind: 'baseline' },
      { who: 'a', kind: 'reference' },
      { who: 'c', kind: 'baseline' },
    ]);
    expect(submissionsToMake([{ who: 'a', existing: 1, submits: ['baseline'] }])).toEqual([]);
  });

  it("gives the demo instructor a cohort whose learners' gradings show in the analytics, once however often it runs", async () => {
    // A deployment of its own: the seeded gradings must not queue ahead of other suites' work.
    const d = new Deployment();
    try {
      await d.start('demoseed');
      d.startWorker();
      const challengeDirs = [join(repoRoot, 'challenges')];
      const first: string = await seedDemoActivity({ baseUrl: d.url, challengeDirs });
      expect(first).toMatch(/^created "Demo cohort" .*4 submissions to pii-redaction queued/);
      const again: string = await seedDemoActivity({ baseUrl: d.url, challengeDirs });
      expect(again).toMatch(/^kept "Demo cohort" .*no new submissions/);

      const instructor = await demoClient('instructor', d.url);
      const cohorts = (await instructor.get('/cohorts')).body.items.filter(
        (c: { name: string; is_owner: boolean }) => c.is_owner && c.name === DEMO_COHORT,
      );
      expect(cohorts).toHaveLength(1);
      expect(cohorts[0].members).toBe(3);
      const { rows } = await d.db!.query(
        `SELECT u.handle, count(*)::int AS n FROM submissions s JOIN users u ON u.id = s.user_id
          WHERE s.slug = 'pii-redaction' GROUP BY u.handle ORDER BY u.handle`,
      );
      expect(rows).toEqual([
        { handle: 'demo-ada', n: 1 },
        { handle: 'demo-learner', n: 2 },
        { handle: 'demo-lin', n: 1 },
      ]);

      // Every seeded submission finished, then the analytics agree with what was graded.
      await waitUntil(
        async () =>
          (
            await d.db!.query(
              "SELECT 1 FROM submissions WHERE slug = 'pii-redaction' AND status NOT IN ('graded', 'failed')",
            )
          ).rowCount === 0,
        300_000,
        'the seeded submissions graded',
      );
      const { rows: passing } = await d.db!.query(
        `SELECT DISTINCT s.user_id FROM submissions s JOIN challenge_versions v ON v.id = s.challenge_version_id
          WHERE s.slug = 'pii-redaction' AND s.correctness >= (v.manifest->'scoring'->>'pass_mark')::float`,
      );
      expect(passing.length).toBeGreaterThanOrEqual(1);
      const analytics = (await instructor.get('/instructor/challenges/pii-redaction/analytics')).body;
      expect(analytics).toMatchObject({
        scope: 'cohorts',
        scope_learners: 3,
        scope_cohorts: 1,
        learners: 3,
        submissions: 4,
        passed: passing.length,
      });
      expect(analytics.cost_vs_correctness.map((p: { handle: string }) => p.handle).sort()).toEqual([
        'demo-ada',
        'demo-learner',
        'demo-lin',
      ]);
      // demo-lin only sent the baseline (below the pass mark): never counted as passing.
      expect(analytics.attempts_to_pass.distribution.length).toBeLessThanOrEqual(2);
    } finally {
      await d.stop();
    }
  });
});
