import { Ajv } from 'ajv';
import {
  compileSchema,
  createSchemaAjv,
  MAX_SCHEMA_BYTES,
  MAX_SCHEMA_DEPTH,
  MAX_SCHEMA_EXPANSION,
  type SchemaCompilation,
  schemaErrorsText,
  schemaProblems,
} from './safe-ajv.js';

function validator(compiled: SchemaCompilation) {
  if (!compiled.ok) throw new Error(`expected a validator, got ${JSON.stringify(compiled.problems)}`);
  return compiled.validate;
}

function problemsOf(compiled: SchemaCompilation) {
  if (compiled.ok) throw new Error('expected the schema to be refused');
  return compiled.problems;
}

// A backtracking engine takes exponential time on these: the tests could not finish without RE2.
const EVIL = ['^(a+)+$', '(x+x+)+y', '(a|aa)+$'];
const ATTACK = `${'a'.repeat(50_000)}!`;
const X_ATTACK = `${'x'.repeat(50_000)}!`;

describe('patterns run on a linear-time engine', () => {
  it.each(EVIL)('%s rejects 50k "a" (or "x") and a "!", and still matches what it should', (pattern) => {
    const validate = validator(compileSchema({ type: 'string', pattern }));
    expect(validate(ATTACK)).toBe(false);
    expect(validate(X_ATTACK)).toBe(false);
    expect(validate.errors?.[0]).toMatchObject({ keyword: 'pattern' });
    expect(validate(pattern === '(x+x+)+y' ? 'xxy' : 'aaaa')).toBe(true);
  });

  it('runs patternProperties keys on RE2 too', () => {
    const validate = validator(
      compileSchema({
        type: 'object',
        patternProperties: { '^(a+)+$': { type: 'number' } },
        additionalProperties: false,
      }),
    );
    expect(validate({ [ATTACK]: 1 })).toBe(false);
    expect(validate({ aaa: 1 })).toBe(true);
    expect(validate({ aaa: 'one' })).toBe(false);
  });

  it('runs a pattern under propertyNames on RE2', () => {
    const validate = validator(compileSchema({ type: 'object', propertyNames: { pattern: '^(a|aa)+$' } }));
    expect(validate({ [ATTACK]: 1 })).toBe(false);
    expect(validate({ aa: 1 })).toBe(true);
  });

  it('keeps ECMAScript syntax: \\d, \\u escapes, named groups, unicode classes, "/"', () => {
    const validate = validator(
      compileSchema({
        type: 'array',
        items: [
          { pattern: '^\\d{3}-\\d{4}$' },
          { pattern: '^caf\\u00e9$' },
          { pattern: '^(?<year>\\d{4})/\\d{2}$' },
          { pattern: '^\\p{L}+$' },
        ],
      }),
    );
    expect(validate(['555-1234', 'café', '2024/05', 'Ωmega'])).toBe(true);
    expect(validate(['5551234', 'cafe', '2024-05', 'a1'])).toBe(false);
    expect(validate.errors).toHaveLength(4);
  });

  it.each([
    ['a(?=b)', 'lookahead is not supported: patterns run on a linear-time engine'],
    ['^(?!draft)', 'lookahead is not supported'],
    ['(?<=\\$)\\d+', 'lookbehind is not supported'],
    ['(?<!x)y', 'lookbehind is not supported'],
    ['^(a)\\1$', 'a backreference (\\1) is not supported'],
    ['^(?<q>["\'])\\k<q>$', 'a named backreference (\\k<…>) is not supported'],
    ['a{1001}', 'RE2 repeats at most 1000 times'],
    ['(', 'not a valid regular expression'],
  ])('refuses %s, naming the pattern and what is missing', (pattern, reason) => {
    const [problem] = problemsOf(compileSchema({ properties: { x: { type: 'string', pattern } } }));
    expect(problem).toMatchObject({ path: ['properties', 'x', 'pattern'] });
    expect(problem!.message).toContain(`pattern "${pattern}": `);
    expect(problem!.message).toContain(reason);
  });

  it('does not mistake a lookahead-like text inside a character class or an escaped group', () => {
    expect(schemaProblems({ pattern: '^[(?=]+$' })).toEqual([]);
    expect(schemaProblems({ pattern: '^\\(?=$' })).toEqual([]);
  });

  it('refuses a patternProperties key RE2 cannot run, at the key', () => {
    const problems = problemsOf(compileSchema({ patternProperties: { '^x(?!y)': {} } }));
    expect(problems).toEqual([
      { path: ['patternProperties', '^x(?!y)'], key: true, message: expect.stringContaining('lookahead') },
    ]);
  });

  it('refuses patterns that compile to too large a program in all', () => {
    const allOf = Array.from({ length: 6 }, () => ({ pattern: '^[\\s\\S]{0,500}$' }));
    const [problem] = problemsOf(compileSchema({ allOf }));
    expect(problem!.path[0]).toBe('allOf');
    expect(problem!.message).toMatch(/too large for the linear-time engine .*the limit is 5000/);
  });
});

describe('$id and $ref', () => {
  const person = (type: string) => ({
    $id: 'https://example.com/person',
    type: 'object',
    properties: { name: { type } },
  });

  it('ignores $id: the same $id twice in one Ajv compiles, each schema keeping its own meaning', () => {
    const ajv = createSchemaAjv();
    const asString = validator(compileSchema(person('string'), ajv));
    const asNumber = validator(compileSchema(person('number'), ajv));
    expect(asString({ name: 'Ada' })).toBe(true);
    expect(asNumber({ name: 'Ada' })).toBe(false);
    expect(ajv.getSchema('https://example.com/person')).toBeUndefined();
  });

  it('leaves no registry behind: 500 schemas in fresh instances, and a new instance knows none', () => {
    for (let i = 0; i < 500; i++)
      validator(compileSchema({ $id: `https://example.com/s${i}`, type: 'string', minLength: i }));
    const fresh = createSchemaAjv();
    expect(fresh.getSchema('https://example.com/s1')).toBeUndefined();
    expect(Object.keys(fresh.schemas).filter((id) => id.startsWith('https://example.com'))).toEqual([]);
    const [problem] = problemsOf(compileSchema({ $ref: 'https://example.com/s1' }, fresh));
    expect(problem).toMatchObject({ path: ['$ref'] });
  });

  it('keeps a property named $id and a local $ref into definitions working', () => {
    const validate = validator(
      compileSchema({
        $id: 'urn:ignored',
        type: 'object',
        required: ['$id', 'owner'],
        properties: { $id: { type: 'string' }, owner: { $ref: '#/definitions/person' } },
        definitions: { person: { $id: '#person', type: 'object', required: ['name'] } },
      }),
    );
    expect(validate({ $id: 'x', owner: { name: 'Ada' } })).toBe(true);
    expect(validate({ $id: 1, owner: {} })).toBe(false);
    expect(validate.errors).toHaveLength(2);
  });

  it('copies a property named __proto__ as a plain key, leaving the other properties intact', () => {
    const schema = JSON.parse(
      '{"type":"object","properties":{"__proto__":{"type":"number"},"n":{"type":"number"}},"$id":"urn:x"}',
    );
    const validate = validator(compileSchema(schema));
    expect(validate({ n: 1 })).toBe(true);
    expect(validate({ n: 'one' })).toBe(false);
  });

  it.each([
    ['a remote reference', 'https://example.com/schema', 'only references inside the same schema'],
    ['the draft-07 meta-schema', 'http://json-schema.org/draft-07/schema#', 'only references inside'],
    ['an anchor', '#person', 'only references inside'],
    ['a missing definition', '#/definitions/nobody', 'points to nothing in this schema'],
  ])('refuses %s at the $ref', (_name, ref, reason) => {
    const [problem] = problemsOf(
      compileSchema({ properties: { a: { $ref: ref } }, definitions: { person: { $id: '#person' } } }),
    );
    expect(problem).toMatchObject({ path: ['properties', 'a', '$ref'] });
    expect(problem!.message).toContain(reason);
  });

  it('refuses a recursive schema', () => {
    const [problem] = problemsOf(
      compileSchema({ type: 'object', properties: { children: { type: 'array', items: { $ref: '#' } } } }),
    );
    expect(problem).toMatchObject({ path: ['properties', 'children', 'items', '$ref'] });
    expect(problem!.message).toMatch(/recursive/);
  });

  it('refuses references that unfold the schema exponentially, without running it', () => {
    const definitions: Record<string, unknown> = { a0: { type: 'string' } };
    for (let i = 1; i <= 26; i++)
      definitions[`a${i}`] = {
        allOf: [{ $ref: `#/definitions/a${i - 1}` }, { $ref: `#/definitions/a${i - 1}` }],
      };
    const [problem] = problemsOf(compileSchema({ definitions, $ref: '#/definitions/a26' }));
    expect(problem!.message).toContain(`more than ${MAX_SCHEMA_EXPANSION} subschemas`);
  });
});

describe('size and depth caps', () => {
  it('refuses a schema over MAX_SCHEMA_BYTES of JSON', () => {
    const enumValues = Array.from({ length: 400 }, (_, i) => `${'x'.repeat(80)}${i}`);
    expect(JSON.stringify(enumValues).length).toBeGreaterThan(MAX_SCHEMA_BYTES);
    const [problem] = problemsOf(compileSchema({ enum: enumValues }));
    expect(problem).toEqual({
      path: [],
      message: expect.stringMatching(/too large: 3\d\.\d KiB .*limit is 32 KiB/),
    });
  });

  it('refuses a schema deeper than MAX_SCHEMA_DEPTH, at the first level too deep', () => {
    let schema: Record<string, unknown> = { type: 'string' };
    for (let i = 0; i < MAX_SCHEMA_DEPTH; i++) schema = { type: 'array', items: schema };
    const [problem] = problemsOf(compileSchema(schema));
    expect(problem!.path).toEqual(Array.from({ length: MAX_SCHEMA_DEPTH }, () => 'items'));
    expect(problem!.message).toContain(`more than ${MAX_SCHEMA_DEPTH} levels deep`);
  });

  it('accepts a schema just inside the depth cap', () => {
    let schema: Record<string, unknown> = { type: 'string' };
    for (let i = 0; i < MAX_SCHEMA_DEPTH - 1; i++) schema = { type: 'array', items: schema };
    expect(schemaProblems(schema)).toEqual([]);
  });
});

describe('strict and loose instances', () => {
  it('strict: an unknown keyword is a problem at that key', () => {
    expect(schemaProblems({ type: 'object', requried: ['a'] }, { strict: true })).toEqual([
      { path: ['requried'], key: true, message: 'not a valid JSON Schema: unknown keyword: "requried"' },
    ]);
    expect(schemaProblems({ type: 'object', requried: ['a'] })).toEqual([]);
  });

  it('strict: a meta-schema error is at the offending value', () => {
    expect(schemaProblems({ properties: { risk: { enum: 'low' } } }, { strict: true })).toEqual([
      {
        path: ['properties', 'risk', 'enum'],
        message: 'not a valid JSON Schema: /properties/risk/enum must be array',
      },
    ]);
  });

  it('format: unknown to a strict instance, ignored by a loose one or without format validation', () => {
    const [problem] = schemaProblems({ type: 'string', format: 'date' }, { strict: true });
    expect(problem!.message).toContain('unknown format "date"');
    expect(validator(compileSchema({ type: 'string', format: 'date' }))('not a date')).toBe(true);
    expect(
      schemaProblems({ type: 'string', format: 'date' }, { strict: true, validateFormats: false }),
    ).toEqual([]);
  });

  it('refuses $async schemas, whose validate returns a promise', () => {
    expect(problemsOf(compileSchema({ $async: true, type: 'string' }))[0]).toMatchObject({
      path: ['$async'],
    });
  });

  it('refuses something that is not a schema object', () => {
    expect(problemsOf(compileSchema('string'))[0]!.message).toBe('a JSON Schema must be an object');
  });
});

describe('schemaErrorsText', () => {
  it('reads as ajv errorsText does', () => {
    const schema = { type: 'object', required: ['risk'], properties: { n: { type: 'integer' } } };
    const validate = validator(compileSchema(schema));
    validate({ n: 1.5 });
    const ajv = new Ajv({ allErrors: true });
    const reference = ajv.compile(schema);
    reference({ n: 1.5 });
    expect(schemaErrorsText(validate.errors, 'answer')).toBe(
      ajv.errorsText(reference.errors, { dataVar: 'answer' }),
    );
    expect(schemaErrorsText(validate.errors, 'answer')).toBe(
      "answer must have required property 'risk', answer/n must be integer",
    );
  });
});
