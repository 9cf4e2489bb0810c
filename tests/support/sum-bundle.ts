import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadChallenge } from '@reps/engine';
import type { Client } from './client.js';
import { repoRoot, waitUntil } from './stack.js';

const fixture = join(repoRoot, 'packages/engine/src/challenges/fixtures/echo-sum');

/** The bundle's reference: exact on every case (calibrates to 100). */
export const exactSum =
  'name: exact\nbudget: {}\nsteps:\n  - id: r\n    output: "({ sum: input.numbers.reduce((a, b) => a + b, 0) })"\n';
/** The bundle's baseline: off by one on every case (calibrates to 0). */
const offByOne =
  'name: off\nbudget: {}\nsteps:\n  - id: r\n    output: "({ sum: input.numbers.reduce((a, b) => a + b, 1) })"\n';

/**
 * An upload of the engine's echo-sum fixture under another slug, at `version`: its calibration
 * holds unless `overrides` (any bundle field) change that.
 */
export async function sumBundle(slug: string, version: number, overrides: Record<string, unknown> = {}) {
  const challenge = await loadChallenge(fixture);
  const manifest = readFileSync(join(fixture, 'challenge.yaml'), 'utf8')
    .replace(/^slug: .*$/m, `slug: ${slug}`)
    .replace(/^version: .*$/m, `version: ${version}`)
    .replace(/^title: .*$/m, `title: Uploaded sum ${version}`);
  return {
    format: 'reps-challenge-bundle@1',
    manifest,
    brief: challenge.brief,
    generator_script: challenge.generatorScript,
    reference_pipeline: exactSum,
    baseline_pipeline: offByOne,
    ...overrides,
  };
}

/** Uploads that version as `instructor` and waits until it is calibrated and published. */
export async function publishSumVersion(instructor: Client, slug: string, version: number): Promise<void> {
  const uploaded = await instructor.post('/instructor/challenges', await sumBundle(slug, version));
  if (uploaded.status !== 202) throw new Error(`upload: ${uploaded.status} ${JSON.stringify(uploaded.body)}`);
  await waitUntil(
    async () =>
      (await instructor.get(`/instructor/challenges/${slug}/versions/${version}`)).body.status ===
      'published',
    90_000,
    `${slug} version ${version} published`,
  );
}
