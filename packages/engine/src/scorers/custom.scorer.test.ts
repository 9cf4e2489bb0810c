import { createQuickJSSandbox } from '../sandbox/quickjs-sandbox.js';
import { CUSTOM_SCORER_GLOBAL } from './custom.scorer.js';
import { GraderError } from './grader-error.js';
import { build, scoreWith } from './scorer-test-kit.js';

/** scorer.ts as esbuild/rolldown bundle it: an IIFE assigning its exports to the global. */
function bundled(body: string): string {
  return `var ${CUSTOM_SCORER_GLOBAL} = (function (exports) { ${body}; exports.score = score; return exports; })({});`;
}

const closeEnough = bundled(`function score(output, expected, testCase, params) {
  const diff = Math.abs(output.sum - expected.sum);
  const ok = diff <= (params.slack || 0);
  return { score: ok ? 1 : 0, reason: testCase.id + ': off by ' + diff };
}`);

describe('custom scorer', () => {
  it('runs score() from scorer.ts in the sandbox with output, expected, case and params', async () => {
    const result = await scoreWith(
      'custom',
      { slack: 2 },
      { sum: 11 },
      { sum: 10 },
      { customScorerScript: closeEnough },
    );
    expect(result).toEqual({ score: 1, reason: 'public-1: off by 1' });
  });

  it('uses a sandbox the caller passes and leaves it usable', async () => {
    const sandbox = await createQuickJSSandbox();
    const result = await scoreWith(
      'custom',
      {},
      { sum: 13 },
      { sum: 10 },
      { customScorerScript: closeEnough, sandbox },
    );
    expect(result.score).toBe(0);
    expect(sandbox.evaluate('1 + 1', {})).toBe(2);
    sandbox.dispose();
  });

  it('reports a throwing scorer as grader_error', async () => {
    const throwing = bundled("function score() { throw new Error('cannot read the output') }");
    const error = await scoreWith('custom', {}, 1, 1, { customScorerScript: throwing }).catch((e) => e);
    expect(error).toBeInstanceOf(GraderError);
    expect(error.code).toBe('grader_error');
    expect(error.message).toMatch(/custom scorer threw: .*cannot read the output/);
  });

  it.each([
    ['a number', 'function score() { return 1 }'],
    ['a score above 1', "function score() { return { score: 2, reason: 'x' } }"],
    ['NaN', "function score() { return { score: NaN, reason: 'x' } }"],
    ['no reason', 'function score() { return { score: 1 } }'],
    ['a Promise', "async function score() { return { score: 1, reason: 'x' } }"],
  ])('reports a scorer returning %s as grader_error', async (_what, body) => {
    await expect(scoreWith('custom', {}, 1, 1, { customScorerScript: bundled(body) })).rejects.toBeInstanceOf(
      GraderError,
    );
  });

  it('contains a runaway scorer as grader_error', async () => {
    const runaway = bundled('function score() { for (;;) {} }');
    await expect(
      scoreWith('custom', {}, 1, 1, { customScorerScript: runaway, sandboxLimits: { deadlineMs: 100 } }),
    ).rejects.toThrow(/sandbox limit/);
  });

  it('says when scorer.ts exports no score function', async () => {
    const script = `var ${CUSTOM_SCORER_GLOBAL} = (function (exports) { exports.grade = () => 1; return exports; })({});`;
    await expect(scoreWith('custom', {}, 1, 1, { customScorerScript: script })).rejects.toThrow(
      /must export a function score/,
    );
  });

  it('needs scorer.ts at load time', () => {
    expect(() => build('custom', {})).toThrow(/no scorer\.ts/);
  });
});
