import { type ChallengeInput, challengeJsonSchema, challengeSchema, isModelAllowed } from './challenge.js';
import { caseId, challengeCaseSchema, publicCasesFileSchema } from './challenge-case.js';

const valid: ChallengeInput = {
  slug: 'clause-risk',
  title: 'Clause risk',
  version: 1,
  domain: 'law',
  skills: ['decomposition', 'validation'],
  difficulty: 3,
  summary: 'Rate the risk of each clause.',
  input_schema: { type: 'object' },
  output_schema: { type: 'object' },
  aspects: [{ name: 'risk', values: ['low', 'medium', 'high'] }],
  models: ['sim-mini', 'sim-pro', 'openai:*', 'anthropic:claude-*'],
  budget: { max_calls: 300, max_cost_usd: 0.25, max_ms: 60000 },
  scoring: { scorer: 'json_fields', params: { fields: [] }, pass_mark: 70 },
  cases: { public: 5, hidden: 100 },
};

function messages(input: unknown): string[] {
  const result = challengeSchema.safeParse(input);
  return result.success ? [] : result.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
}

describe('challenge manifest schema', () => {
  it('accepts a complete manifest and fills defaults', () => {
    const parsed = challengeSchema.parse(valid);
    expect(parsed.submissions_per_day).toBe(20);
    expect(parsed.aspects[0]).toEqual({
      name: 'risk',
      values: ['low', 'medium', 'high'],
      synonyms: [],
      keywords: [],
    });
    expect(
      challengeSchema.parse({ ...valid, scoring: { scorer: 'exact', pass_mark: 50 } }).scoring.params,
    ).toEqual({});
  });

  it('rejects unknown keys at every level', () => {
    expect(messages({ ...valid, extra: 1 })).toEqual([expect.stringMatching(/Unrecognized key.*extra/)]);
    expect(messages({ ...valid, budget: { ...valid.budget, max_calz: 1 } })[0]).toMatch(
      /^budget: .*max_calz/,
    );
    expect(messages({ ...valid, scoring: { ...valid.scoring, passmark: 1 } })[0]).toMatch(
      /^scoring: .*passmark/,
    );
    expect(messages({ ...valid, cases: { ...valid.cases, private: 1 } })[0]).toMatch(/^cases: .*private/);
  });

  it('requires a kebab-case slug', () => {
    expect(messages({ ...valid, slug: 'Clause_Risk' })).toEqual([
      expect.stringMatching(/^slug: must be kebab-case/),
    ]);
    expect(messages({ ...valid, slug: 'clause--risk' })).toHaveLength(1);
  });

  it('uses positive integer versions', () => {
    expect(messages({ ...valid, version: '1.2.0' })).toHaveLength(1);
    expect(messages({ ...valid, version: 0 })).toHaveLength(1);
    expect(messages({ ...valid, version: 2 })).toEqual([]);
  });

  it('allows only the four skills, at least one, none twice', () => {
    expect(messages({ ...valid, skills: [] })).toHaveLength(1);
    expect(messages({ ...valid, skills: ['prompting'] })[0]).toMatch(/^skills\.0/);
    expect(messages({ ...valid, skills: ['sequencing', 'sequencing'] })[0]).toMatch(
      /must not repeat a skill/,
    );
  });

  it('bounds difficulty, pass mark and case counts', () => {
    expect(messages({ ...valid, difficulty: 6 })).toHaveLength(1);
    expect(messages({ ...valid, difficulty: 2.5 })).toHaveLength(1);
    expect(messages({ ...valid, scoring: { ...valid.scoring, pass_mark: 101 } })).toHaveLength(1);
    expect(messages({ ...valid, cases: { public: 4, hidden: 100 } })[0]).toMatch(/^cases\.public/);
    expect(messages({ ...valid, cases: { public: 5, hidden: 201 } })[0]).toMatch(/^cases\.hidden/);
  });

  it('requires the budget caps, with max_tokens optional', () => {
    expect(messages({ ...valid, budget: { max_calls: 1, max_ms: 1 } })[0]).toMatch(/^budget\.max_cost_usd/);
    expect(messages({ ...valid, budget: { ...valid.budget, max_tokens: 5000 } })).toEqual([]);
  });

  it('accepts model ids and trailing-star patterns only', () => {
    expect(messages({ ...valid, models: [] })).toHaveLength(1);
    expect(messages({ ...valid, models: ['gpt-4o'] })[0]).toMatch(/^models\.0: must be a model id/);
    expect(messages({ ...valid, models: ['openai:*mini'] })).toHaveLength(1);
    expect(messages({ ...valid, models: ['openai:gpt-4o-mini', 'echo', 'sim-standard'] })).toEqual([]);
  });

  it('rejects an unknown scorer and a judge model that is not a model id', () => {
    expect(messages({ ...valid, scoring: { scorer: 'bleu', pass_mark: 50 } })[0]).toMatch(/^scoring\.scorer/);
    const judge = { scorer: 'llm_judge', params: { model: 'gpt4', rubric: 'r' }, pass_mark: 50 };
    expect(messages({ ...valid, scoring: judge })).toEqual([
      expect.stringMatching(/^scoring\.params\.model: "gpt4" is not a model id/),
    ]);
  });

  it('requires unique aspect names', () => {
    expect(messages({ ...valid, aspects: [{ name: 'risk' }, { name: 'risk' }] })[0]).toMatch(
      /aspect names must be unique/,
    );
  });

  it('matches allowed models exactly or by prefix pattern', () => {
    const allowed = ['sim-mini', 'openai:*', 'anthropic:claude-*'];
    expect(isModelAllowed(allowed, 'sim-mini')).toBe(true);
    expect(isModelAllowed(allowed, 'sim-pro')).toBe(false);
    expect(isModelAllowed(allowed, 'openai:gpt-4o')).toBe(true);
    expect(isModelAllowed(allowed, 'anthropic:claude-3-haiku')).toBe(true);
    expect(isModelAllowed(allowed, 'anthropic:other')).toBe(false);
  });

  it('generates a JSON Schema for editors that forbids unknown keys', () => {
    const schema = challengeJsonSchema() as {
      properties: Record<string, unknown>;
      required: string[];
      additionalProperties: boolean;
    };
    expect(schema.additionalProperties).toBe(false);
    expect(Object.keys(schema.properties)).toContain('scoring');
    expect(schema.required).toEqual(expect.arrayContaining(['slug', 'version', 'scoring', 'cases']));
    expect(schema.required).not.toContain('submissions_per_day');
  });
});

describe('challenge cases', () => {
  it('numbers case ids from 1', () => {
    expect(caseId('public', 0)).toBe('public-1');
    expect(caseId('hidden', 199)).toBe('hidden-200');
  });

  it('validates a case and the public cases file', () => {
    const testCase = { id: 'public-1', index: 0, input: { a: 1 }, expected: 2, facts: [] };
    expect(challengeCaseSchema.parse(testCase)).toEqual(testCase);
    expect(challengeCaseSchema.safeParse({ ...testCase, id: 'case-1' }).success).toBe(false);
    expect(
      publicCasesFileSchema.safeParse({ slug: 's', version: 1, seed: 'public:s:1', cases: [testCase] })
        .success,
    ).toBe(true);
  });
});
