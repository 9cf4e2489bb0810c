import type { ScorerName } from '@reps/shared';
import { TestGateway } from '../executor/test-gateway.js';
import { brief, canonicalJson, firstDifference } from './canonical-json.js';
import { CUSTOM_SCORER_GLOBAL } from './custom.scorer.js';
import { GraderError } from './grader-error.js';
import { jsonText } from './json-text.js';
import { SCORERS } from './registry.js';
import { TEST_CASE } from './scorer-test-kit.js';

const DEPTH = 100_000;

function nested(depth: number, leaf: unknown = 1): unknown {
  let value: unknown = leaf;
  for (let i = 0; i < depth; i++) value = [value];
  return value;
}

const judge = new TestGateway(() => ({ json: { score: 0, reason: 'not an answer' } }));
const customScript = `var ${CUSTOM_SCORER_GLOBAL} = (function (exports) {
  exports.score = function (output, expected) { return { score: output === expected ? 1 : 0, reason: 'compared' }; };
  return exports;
})({});`;

/** Each built-in with params that make it look inside the value it is given. */
const SETUPS: Record<ScorerName, { params: Record<string, unknown>; expected: unknown }> = {
  exact: { params: {}, expected: [[1]] },
  normalized_text: { params: {}, expected: 'one' },
  label_accuracy: { params: {}, expected: ['a'] },
  json_fields: {
    params: { fields: [{ path: 'a' }, { path: 'b', compare: 'set_f1' }, { path: 'c', compare: 'text' }] },
    expected: { a: [[1]], b: [[1]], c: 'x' },
  },
  set_f1: { params: {}, expected: [[1]] },
  numeric: { params: {}, expected: 1 },
  span_f1: { params: { label: 'type' }, expected: [{ start: 0, end: 1, type: 'x' }] },
  ndcg: { params: {}, expected: ['a'] },
  llm_judge: { params: { model: 'test-judge', rubric: 'Same answer.' }, expected: 'one' },
  custom: { params: {}, expected: 1 },
};

/** The output, placed where each scorer reads: the whole value, a field, a list item, a label. */
function deepOutputs(deep: unknown): unknown[] {
  return [
    deep,
    { a: deep, b: deep, c: deep },
    [deep],
    [{ start: 0, end: 1, type: deep, label: deep, id: deep }],
    { a: [deep], b: [deep] },
  ];
}

describe(`every built-in scorer on an output nested ${DEPTH} deep`, () => {
  const deep = nested(DEPTH);

  it.each(Object.keys(SETUPS) as ScorerName[])(
    '%s returns a score or throws a GraderError, never a stack overflow',
    async (name) => {
      const { params, expected } = SETUPS[name];
      const definition = SCORERS[name];
      // Straight to the definition: the registry's catch-all must not be what keeps it safe.
      const score = definition.create(definition.params.parse(params), {
        gateway: judge,
        customScorerScript: customScript,
      });
      try {
        for (const output of deepOutputs(deep)) {
          const outcome = await Promise.resolve()
            .then(() => score(output, expected, TEST_CASE))
            .catch((error: unknown) => error);
          if (outcome instanceof Error) expect(outcome).toBeInstanceOf(GraderError);
          else expect(outcome).toMatchObject({ score: expect.any(Number), reason: expect.any(String) });
        }
      } finally {
        score.dispose?.();
      }
    },
    30_000,
  );
});

describe('JSON helpers without recursion', () => {
  const deep = nested(DEPTH);

  it('writes JSON as JSON.stringify does, at any depth', () => {
    const value = { b: [1, 'two', null, undefined, Number.NaN, { z: true, a: -0 }], a: 'é"\n', 10: 1, 9: 2 };
    expect(jsonText(value)).toBe(JSON.stringify(value));
    expect(jsonText(value, { indent: 2 })).toBe(JSON.stringify(value, null, 2));
    expect(jsonText([[], {}], { indent: 2 })).toBe(JSON.stringify([[], {}], null, 2));
    expect(jsonText(undefined)).toBeUndefined();
    expect(jsonText(deep)).toHaveLength(2 * DEPTH + 1);
  });

  it('gives the old canonical text: keys sorted, integer keys first', () => {
    expect(canonicalJson({ b: 1, a: { d: [2, { y: 1, x: 2 }], c: null }, 10: 0, 9: 0 })).toBe(
      '{"9":0,"10":0,"a":{"c":null,"d":[2,{"x":2,"y":1}]},"b":1}',
    );
    expect(canonicalJson(deep)).toHaveLength(2 * DEPTH + 1);
  });

  it('finds the first difference and keeps a short rendering of a deep value', () => {
    expect(firstDifference({ a: [1, { b: 2 }] }, { a: [1, { b: 3 }] })).toBe('a.1.b');
    expect(firstDifference({ a: [1] }, { a: [1, 2] })).toBe('a');
    expect(firstDifference(deep, nested(DEPTH))).toBeUndefined();
    expect(firstDifference(deep, nested(DEPTH, 2))?.split('.')).toHaveLength(DEPTH);
    expect(brief(deep, 20)).toBe(`${'['.repeat(19)}…`);
  });

  it('refuses a cycle as JSON.stringify does', () => {
    const cycle: Record<string, unknown> = {};
    cycle.self = cycle;
    expect(() => jsonText(cycle)).toThrow(TypeError);
  });
});
