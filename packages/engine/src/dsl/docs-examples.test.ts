import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { pipelineSchema } from '@reps/shared';
import { parse as parseYaml } from 'yaml';
import { loadChallenge } from '../challenges/load-challenge.js';
import { gradeChallenge } from '../grade/grade-challenge.js';
import { createDefaultGateway } from '../models/default-gateway.js';
import { createSimProvider } from '../models/sim/index.js';
import { type YamlFence, yamlFences } from './doc-fences.js';

// The pipelines the docs show are the ones learners copy first: each must do what the page says,
// on the challenge it was written for, graded as `reps run` grades it (gradeChallenge, simulated
// models, the public cases).
const root = process.cwd();
const pages = ['README.md', ...markdownUnder('docs')];
const fences = pages.flatMap((page) => yamlFences(readFileSync(join(root, page), 'utf8'), page));
const where = (fence: YamlFence) => `${fence.file}:${fence.line}`;
const examples = fences.flatMap((fence) =>
  fence.marker.kind === 'example' ? [{ at: where(fence), challenge: fence.marker.challenge, fence }] : [],
);
const fragments = fences.filter((fence) => fence.marker.kind === 'fragment');

function markdownUnder(dir: string): string[] {
  return readdirSync(join(root, dir), { recursive: true, encoding: 'utf8' })
    .filter((name) => name.endsWith('.md'))
    .map((name) => relative(root, join(root, dir, name)))
    .sort();
}

describe('yamlFences', () => {
  const page = [
    '# A page',
    '<!-- example: support-ticket-routing -->',
    '```yaml',
    'name: a',
    '```',
    '',
    '<!-- fragment -->',
    '```yml',
    'retry: { attempts: 3 }',
    '```',
    '',
    '```yaml',
    'name: unmarked',
    '```',
    '````markdown',
    '```yaml',
    'name: quoted in another fence',
    '```',
    '````',
    '<!-- example -->',
    '```yaml',
    'name: a marker without a challenge',
    '```',
  ].join('\n');

  it('reads each fence with the marker on the line before it, and calls a fence without one unmarked', () => {
    expect(yamlFences(page, 'page.md')).toEqual([
      {
        file: 'page.md',
        line: 3,
        source: 'name: a\n',
        marker: { kind: 'example', challenge: 'support-ticket-routing' },
      },
      { file: 'page.md', line: 8, source: 'retry: { attempts: 3 }\n', marker: { kind: 'fragment' } },
      { file: 'page.md', line: 12, source: 'name: unmarked\n', marker: { kind: 'unmarked' } },
      {
        file: 'page.md',
        line: 21,
        source: 'name: a marker without a challenge\n',
        marker: { kind: 'unmarked' },
      },
    ]);
  });
});

describe('fragmentIssues', () => {
  it('checks a fragment as a list of steps, one step or keys of the document', () => {
    expect(fragmentIssues([{ id: 'a', code: 'return 1' }])).toEqual([]);
    expect(fragmentIssues({ id: 'a', llm: { model: 'sim-mini', prompt: 'hi' } })).toEqual([]);
    expect(fragmentIssues({ budget: { max_calls: 10 } })).toEqual([]);
    expect(fragmentIssues({ id: 'a', code: 'return 1', retry: { attempts: 'three' } })).not.toEqual([]);
    expect(fragmentIssues({ budget: { max_calls: -1 } })).not.toEqual([]);
  });
});

describe('the docs’ YAML examples', () => {
  it('say, for every ```yaml fence, which challenge it is an example of or that it is a fragment', () => {
    const unmarked = fences.filter((fence) => fence.marker.kind === 'unmarked').map(where);
    // Put `<!-- example: <challenge slug> -->` or `<!-- fragment -->` on the line before the fence.
    expect(unmarked).toEqual([]);
    expect(examples.length).toBeGreaterThan(0);
  });

  it.each(examples)(
    '$at passes $challenge on its public cases, within its budget',
    async ({ challenge: slug, fence }) => {
      const challenge = await loadChallenge(join(root, 'challenges', slug));
      const { manifest } = challenge;
      const outcome = await gradeChallenge({
        challenge,
        pipelineSource: fence.source,
        kind: 'public',
        gateway: createDefaultGateway({ extraProviders: [createSimProvider()] }),
      });
      if (!outcome.ok)
        throw new Error(`${where(fence)} does not parse for ${slug}: ${JSON.stringify(outcome.issues)}`);
      // A budget it states must be one the challenge allows: the cap would silently lower a higher one.
      const own = (parseYaml(fence.source) as { budget?: Record<string, number> }).budget ?? {};
      const caps = manifest.budget as Record<string, number | undefined>;
      const overCap = Object.keys(own).filter((key) => caps[key] !== undefined && own[key]! > caps[key]!);
      expect(overCap).toEqual([]);
      const { result } = outcome;
      expect(result.cases.filter((c) => c.status !== 'ok').map((c) => `${c.id}: ${c.status}`)).toEqual([]);
      expect(result.correctness).toBeGreaterThanOrEqual(manifest.scoring.pass_mark);
    },
    // An agent example runs hundreds of turns over its public cases: half a minute on a busy machine.
    180_000,
  );

  it('have fragments that fit the pipeline schema', () => {
    const invalid = fragments.flatMap((fence) =>
      fragmentIssues(parseYaml(fence.source)).map((issue) => `${where(fence)} ${issue}`),
    );
    expect(invalid).toEqual([]);
  });
});

/**
 * A fragment is checked against the schema as far as it can be on its own: a list of steps, one
 * step, or some keys of the document. Names it uses may be defined elsewhere, so they are not checked.
 */
function fragmentIssues(value: unknown): string[] {
  const documentKeys = Object.keys(pipelineSchema.shape);
  const isDocumentPart =
    value !== null &&
    typeof value === 'object' &&
    !Array.isArray(value) &&
    Object.keys(value).every((k) => documentKeys.includes(k));
  const checked = Array.isArray(value)
    ? pipelineSchema.safeParse({ name: 'fragment', steps: value })
    : isDocumentPart
      ? pipelineSchema.partial().safeParse(value)
      : pipelineSchema.safeParse({ name: 'fragment', steps: [value] });
  return checked.success
    ? []
    : checked.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
}
