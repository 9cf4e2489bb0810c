import type { Pipeline } from '@reps/shared';
import { parsePipeline } from './parse-pipeline.js';

/**
 * The invalid-pipeline corpus: each row is a pipeline with one (first) problem, and where the
 * learner must look: the line and column of the offending node, its dotted path and, where the
 * wording matters, what the message says. Every row must be rejected with code invalid_pipeline at
 * that position, without throwing.
 */
type Row = [name: string, source: string, line: number, column: number, path: string, message?: RegExp];

/** Steps whose output schemas are `distinct` different enums of about 25 KiB each, then the first again `repeats` times. */
function bigSchemaSteps(distinct: number, repeats = 0): string {
  const enumOf = (n: number) =>
    `{ enum: [${Array.from({ length: 300 }, (_, i) => `v${n}_${i}${'x'.repeat(80)}`).join(', ')}] }`;
  const step = (i: number, n: number) =>
    `  - id: a${i}\n    llm:\n      model: sim-mini\n      prompt: hi\n      output:\n        json: ${enumOf(n)}`;
  const steps = [
    ...Array.from({ length: distinct }, (_, i) => step(i, i)),
    ...Array.from({ length: repeats }, (_, i) => step(distinct + i, 0)),
  ];
  return `name: t\nbudget: {}\nsteps:\n${steps.join('\n')}`;
}

const corpus: Row[] = [
  ['yaml-tab-indent', 'name: t\nbudget: {}\nsteps:\n\t- id: a', 4, 1, ''],
  ['yaml-unclosed-flow', 'name: t\nbudget: { max_calls: 3\nsteps: []', 3, 1, ''],
  ['yaml-duplicate-key', 'name: t\nname: u\nbudget: {}\nsteps:\n  - id: a\n    code: return 1', 2, 1, ''],
  ['yaml-bad-indent', 'name: t\nbudget: {}\nsteps:\n  - id: a\n     code: return 1', 4, 9, ''],
  ['yaml-unclosed-quote', 'name: "t\nbudget: {}', 1, 7, '', /quote opened here/],
  ['yaml-colon-in-plain', 'name: t\nbudget: {}\nsteps:\n  - id: a\n    output: ({ a: 1 })', 5, 13, ''],
  ['empty-file', '', 1, 1, ''],
  ['not-a-mapping', '- a\n- b', 1, 1, ''],
  ['scalar-doc', 'hello', 1, 1, ''],
  ['missing-name', 'budget: {}\nsteps:\n  - id: a\n    code: return 1', 1, 1, 'name'],
  ['budget-not-mapping', 'name: t\nbudget: 3\nsteps:\n  - id: a\n    code: return 1', 2, 9, 'budget'],
  ['missing-steps', 'name: t\nbudget: {}', 1, 1, 'steps'],
  ['empty-steps', 'name: t\nbudget: {}\nsteps: []', 3, 8, 'steps'],
  ['steps-not-list', 'name: t\nbudget: {}\nsteps: hello', 3, 8, 'steps'],
  ['name-number-ok-but-empty', 'name: ""\nbudget: {}\nsteps:\n  - id: a\n    code: return 1', 1, 7, 'name'],
  ['unknown-top-key', 'name: t\nbudget: {}\nstepz: []\nsteps:\n  - id: a\n    code: return 1', 3, 1, 'stepz'],
  [
    'budget-unknown-key',
    'name: t\nbudget: { max_call: 3 }\nsteps:\n  - id: a\n    code: return 1',
    2,
    11,
    'budget.max_call',
  ],
  [
    'budget-negative',
    'name: t\nbudget: { max_calls: -1 }\nsteps:\n  - id: a\n    code: return 1',
    2,
    22,
    'budget.max_calls',
  ],
  [
    'budget-fraction-calls',
    'name: t\nbudget: { max_calls: 1.5 }\nsteps:\n  - id: a\n    code: return 1',
    2,
    22,
    'budget.max_calls',
  ],
  [
    'budget-string',
    'name: t\nbudget: { max_cost_usd: cheap }\nsteps:\n  - id: a\n    code: return 1',
    2,
    25,
    'budget.max_cost_usd',
  ],
  ['budget-not-object', 'name: t\nbudget: 5\nsteps:\n  - id: a\n    code: return 1', 2, 9, 'budget'],
  [
    'inputs-not-object',
    'name: t\nbudget: {}\ninputs: 5\nsteps:\n  - id: a\n    code: return 1',
    3,
    9,
    'inputs',
  ],
  ['step-not-mapping', 'name: t\nbudget: {}\nsteps:\n  - hello', 4, 5, 'steps.0'],
  ['step-no-kind', 'name: t\nbudget: {}\nsteps:\n  - id: a\n    needs: []', 4, 5, 'steps.0'],
  [
    'step-typo-kind',
    'name: t\nbudget: {}\nsteps:\n  - id: a\n    lm: { model: m, prompt: p }',
    5,
    5,
    'steps.0.lm',
  ],
  [
    'step-two-kinds',
    'name: t\nbudget: {}\nsteps:\n  - id: a\n    code: return 1\n    output: "1"',
    6,
    5,
    'steps.0.output',
  ],
  [
    'step-three-kinds',
    'name: t\nbudget: {}\nsteps:\n  - id: a\n    llm: { model: m, prompt: p }\n    code: return 1\n    map: x',
    6,
    5,
    'steps.0.code',
  ],
  ['step-missing-id', 'name: t\nbudget: {}\nsteps:\n  - code: return 1', 4, 5, 'steps.0'],
  [
    'step-bad-id-chars',
    'name: t\nbudget: {}\nsteps:\n  - id: my-step\n    code: return 1',
    4,
    9,
    'steps.0.id',
  ],
  ['step-bad-id-digit', 'name: t\nbudget: {}\nsteps:\n  - id: 1abc\n    code: return 1', 4, 9, 'steps.0.id'],
  ['step-id-number', 'name: t\nbudget: {}\nsteps:\n  - id: 5\n    code: return 1', 4, 9, 'steps.0.id'],
  [
    'step-id-reserved-input',
    'name: t\nbudget: {}\nsteps:\n  - id: input\n    code: return 1',
    4,
    9,
    'steps.0.id',
  ],
  [
    'step-id-reserved-item',
    'name: t\nbudget: {}\nsteps:\n  - id: item\n    code: return 1',
    4,
    9,
    'steps.0.id',
  ],
  [
    'step-id-global-math',
    'name: t\nbudget: {}\nsteps:\n  - id: Math\n    code: return 1',
    4,
    9,
    'steps.0.id',
  ],
  [
    'duplicate-ids',
    'name: t\nbudget: {}\nsteps:\n  - id: a\n    code: return 1\n  - id: a\n    code: return 2',
    6,
    9,
    'steps.1.id',
  ],
  [
    'duplicate-ids-nested',
    'name: t\nbudget: {}\nsteps:\n  - id: a\n    code: return [1]\n  - id: m\n    map: a\n    steps:\n      - id: a\n        code: return 1',
    9,
    13,
    'steps.1.steps.0.id',
  ],
  [
    'step-unknown-key',
    'name: t\nbudget: {}\nsteps:\n  - id: a\n    code: return 1\n    colour: red',
    6,
    5,
    'steps.0.colour',
  ],
  [
    'step-unknown-key-typo',
    'name: t\nbudget: {}\nsteps:\n  - id: a\n    code: return 1\n    timeout: 5',
    6,
    5,
    'steps.0.timeout',
  ],
  [
    'needs-unknown',
    'name: t\nbudget: {}\nsteps:\n  - id: a\n    needs: [b]\n    code: return 1',
    5,
    13,
    'steps.0.needs.0',
  ],
  [
    'needs-not-list',
    'name: t\nbudget: {}\nsteps:\n  - id: a\n    needs: b\n    code: return 1',
    5,
    12,
    'steps.0.needs',
  ],
  [
    'needs-bad-id',
    'name: t\nbudget: {}\nsteps:\n  - id: a\n    needs: ["x y"]\n    code: return 1',
    5,
    13,
    'steps.0.needs.0',
  ],
  [
    'timeout-zero',
    'name: t\nbudget: {}\nsteps:\n  - id: a\n    timeout_ms: 0\n    code: return 1',
    5,
    17,
    'steps.0.timeout_ms',
  ],
  [
    'timeout-string',
    'name: t\nbudget: {}\nsteps:\n  - id: a\n    timeout_ms: soon\n    code: return 1',
    5,
    17,
    'steps.0.timeout_ms',
  ],
  [
    'retry-no-attempts',
    'name: t\nbudget: {}\nsteps:\n  - id: a\n    retry: { on: [timeout] }\n    code: return 1',
    5,
    12,
    'steps.0.retry.attempts',
  ],
  [
    'retry-bad-code',
    'name: t\nbudget: {}\nsteps:\n  - id: a\n    retry: { attempts: 2, on: [oops] }\n    code: return 1',
    5,
    32,
    'steps.0.retry.on.0',
  ],
  [
    'retry-too-many',
    'name: t\nbudget: {}\nsteps:\n  - id: a\n    retry: { attempts: 99 }\n    code: return 1',
    5,
    24,
    'steps.0.retry.attempts',
  ],
  [
    'retry-unknown-key',
    'name: t\nbudget: {}\nsteps:\n  - id: a\n    retry: { attempts: 2, backoff: 10 }\n    code: return 1',
    5,
    27,
    'steps.0.retry.backoff',
  ],
  [
    'retry-feedback-string',
    'name: t\nbudget: {}\nsteps:\n  - id: a\n    retry: { attempts: 2, feedback: maybe }\n    code: return 1',
    5,
    37,
    'steps.0.retry.feedback',
  ],
  [
    'on-error-bad',
    'name: t\nbudget: {}\nsteps:\n  - id: a\n    on_error: ignore\n    code: return 1',
    5,
    15,
    'steps.0.on_error',
  ],
  [
    'on-error-default-bad-json',
    'name: t\nbudget: {}\nsteps:\n  - id: a\n    on_error: default(nope)\n    code: return 1',
    5,
    15,
    'steps.0.on_error',
  ],
  [
    'on-error-object-extra',
    'name: t\nbudget: {}\nsteps:\n  - id: a\n    on_error: { default: 1, also: 2 }\n    code: return 1',
    5,
    29,
    'steps.0.on_error.also',
  ],
  ['code-empty', 'name: t\nbudget: {}\nsteps:\n  - id: a\n    code: ""', 5, 11, 'steps.0.code'],
  ['code-not-string', 'name: t\nbudget: {}\nsteps:\n  - id: a\n    code: [1, 2]', 5, 11, 'steps.0.code'],
  [
    'code-syntax-inline',
    'name: t\nbudget: {}\nsteps:\n  - id: a\n    code: return (1 +',
    5,
    22,
    'steps.0.code',
    /^the code does not parse: Unexpected end of the code$/,
  ],
  [
    'code-syntax-block',
    'name: t\nbudget: {}\nsteps:\n  - id: a\n    code: |\n      const x = 1;\n      return x +* 2;',
    7,
    17,
    'steps.0.code',
  ],
  [
    'code-syntax-block-line3',
    'name: t\nbudget: {}\nsteps:\n  - id: a\n    code: |\n      const x = 1;\n      const y = 2;\n      let = ;',
    8,
    7,
    'steps.0.code',
    /^the code does not parse: The keyword 'let' is reserved$/,
  ],
  [
    'code-unclosed-brace',
    'name: t\nbudget: {}\nsteps:\n  - id: a\n    code: |\n      if (true) {\n        return 1;',
    7,
    18,
    'steps.0.code',
  ],
  // A body is parsed as a function body on its own: one that would close the function it runs in
  // (and run code outside it) does not parse, whatever hides the brace from a naive scanner.
  [
    'code-closes-wrapper',
    'name: t\nbudget: {}\nsteps:\n  - id: a\n    code: |\n      return 1 }); globalThis.x = 1; (function(){',
    6,
    16,
    'steps.0.code',
    /^the code does not parse: Unexpected "\}"$/,
  ],
  [
    'code-closes-wrapper-after-comment',
    'name: t\nbudget: {}\nsteps:\n  - id: a\n    code: |\n      return 1 // }\n      }); globalThis.x = 1; (function(){',
    7,
    7,
    'steps.0.code',
    /Unexpected "\}"/,
  ],
  [
    'code-closes-wrapper-after-string',
    `name: t\nbudget: {}\nsteps:\n  - id: a\n    code: "return '{'; }); globalThis.x = 1; (function(){"`,
    5,
    24,
    'steps.0.code',
    /Unexpected "\}"/,
  ],
  [
    'code-closes-wrapper-after-template',
    // biome-ignore lint/suspicious/noTemplateCurlyInString: the learner's code holds a template literal.
    "name: t\nbudget: {}\nsteps:\n  - id: a\n    code: |\n      return `${'}'}{`; }); (function(){",
    6,
    25,
    'steps.0.code',
    /Unexpected "\}"/,
  ],
  [
    'code-closes-wrapper-after-regex',
    'name: t\nbudget: {}\nsteps:\n  - id: a\n    code: |\n      return /[}{]/.test(input) }); (function(){',
    6,
    33,
    'steps.0.code',
    /Unexpected "\}"/,
  ],
  [
    'code-with-statement',
    'name: t\nbudget: {}\nsteps:\n  - id: a\n    code: with (input) { return a }',
    5,
    11,
    'steps.0.code',
    /^the code does not parse: 'with' in strict mode$/,
  ],
  [
    'code-html-comment',
    'name: t\nbudget: {}\nsteps:\n  - id: a\n    code: |\n      return 1\n      --> gone',
    7,
    7,
    'steps.0.code',
    /HTML comments/,
  ],
  // Code bodies are as strict about names as expressions: every free name must exist.
  [
    'code-typo-step-id',
    'name: t\nbudget: {}\nsteps:\n  - id: clauses\n    code: return [1]\n  - id: n\n    code: |\n      const first = 1;\n      return clauzes.length + first;',
    9,
    14,
    'steps.1.code',
    /^unknown name "clauzes": .* \(did you mean "clauses"\?\)$/,
  ],
  [
    'code-typo-scope-name-in-closure',
    'name: t\nbudget: {}\nsteps:\n  - id: m\n    map: "[[1]]"\n    step:\n      code: "return item.map((x) => x + idx)"',
    7,
    41,
    'steps.0.step.code',
    /^unknown name "idx": .* \(did you mean "index"\?\)$/,
  ],
  [
    'code-block-scoped-local',
    'name: t\nbudget: {}\nsteps:\n  - id: a\n    code: |\n      if (input.ok) {\n        const total = 1;\n      }\n      return total;',
    9,
    14,
    'steps.0.code',
    /^unknown name "total"/,
  ],
  [
    'code-catch-binding-outside',
    'name: t\nbudget: {}\nsteps:\n  - id: a\n    code: |\n      try { return JSON.parse(input) } catch (e) {}\n      return e.message;',
    7,
    14,
    'steps.0.code',
    /^unknown name "e"/,
  ],
  [
    'code-console',
    'name: t\nbudget: {}\nsteps:\n  - id: a\n    code: console.log(input); return 1',
    5,
    11,
    'steps.0.code',
    /^unknown name "console": not a step id, one of input, .*, nor a global of the sandbox$/,
  ],
  [
    'code-assigns-undeclared',
    'name: t\nbudget: {}\nsteps:\n  - id: a\n    code: |\n      total = 0;\n      return total;',
    6,
    7,
    'steps.0.code',
    /^unknown name "total"/,
  ],
  // An expression is exactly one expression: nothing may follow it.
  [
    'expr-trailing-paren',
    'name: t\nbudget: {}\nsteps:\n  - id: r\n    output: input) || (input',
    5,
    18,
    'steps.0.output',
    /^the expression does not parse: Unexpected "\)"$/,
  ],
  [
    'expr-trailing-statement',
    'name: t\nbudget: {}\nsteps:\n  - id: r\n    output: "input; globalThis.x = 1"',
    5,
    19,
    'steps.0.output',
    /^the expression does not parse: Unexpected ";"$/,
  ],
  [
    'expr-await',
    'name: t\nbudget: {}\nsteps:\n  - id: r\n    output: await input',
    5,
    19,
    'steps.0.output',
    /Unexpected "input"/,
  ],
  [
    'template-trailing-statement',
    'name: t\nbudget: {}\nsteps:\n  - id: a\n    llm: { model: sim-mini, prompt: "{{ input; 1 }}" }',
    5,
    46,
    'steps.0.llm.prompt',
    /^the \{\{ \}\} expression does not parse: Unexpected ";"$/,
  ],
  [
    'code-enclosing-ref',
    'name: t\nbudget: {}\nsteps:\n  - id: m\n    map: "[1]"\n    step:\n      code: return m',
    4,
    9,
    'steps.0.id',
  ],
  [
    'llm-missing-model',
    'name: t\nbudget: {}\nsteps:\n  - id: a\n    llm: { prompt: hi }',
    5,
    10,
    'steps.0.llm.model',
  ],
  [
    'llm-missing-prompt',
    'name: t\nbudget: {}\nsteps:\n  - id: a\n    llm: { model: sim-mini }',
    5,
    10,
    'steps.0.llm.prompt',
  ],
  ['llm-not-object', 'name: t\nbudget: {}\nsteps:\n  - id: a\n    llm: ask the model', 5, 10, 'steps.0.llm'],
  [
    'llm-unknown-key',
    'name: t\nbudget: {}\nsteps:\n  - id: a\n    llm: { model: sim-mini, prompt: hi, temprature: 0 }',
    5,
    41,
    'steps.0.llm.temprature',
  ],
  [
    'llm-temperature-high',
    'name: t\nbudget: {}\nsteps:\n  - id: a\n    llm: { model: sim-mini, prompt: hi, temperature: 5 }',
    5,
    54,
    'steps.0.llm.temperature',
  ],
  [
    'llm-samples-zero',
    'name: t\nbudget: {}\nsteps:\n  - id: a\n    llm: { model: sim-mini, prompt: hi, samples: 0 }',
    5,
    50,
    'steps.0.llm.samples',
  ],
  [
    'llm-samples-fraction',
    'name: t\nbudget: {}\nsteps:\n  - id: a\n    llm: { model: sim-mini, prompt: hi, samples: 2.5 }',
    5,
    50,
    'steps.0.llm.samples',
  ],
  [
    'llm-max-tokens-negative',
    'name: t\nbudget: {}\nsteps:\n  - id: a\n    llm: { model: sim-mini, prompt: hi, max_output_tokens: -5 }',
    5,
    60,
    'steps.0.llm.max_output_tokens',
  ],
  [
    'llm-output-bad-word',
    'name: t\nbudget: {}\nsteps:\n  - id: a\n    llm: { model: sim-mini, prompt: hi, output: yaml }',
    5,
    49,
    'steps.0.llm.output',
  ],
  [
    'llm-output-json-not-object',
    'name: t\nbudget: {}\nsteps:\n  - id: a\n    llm: { model: sim-mini, prompt: hi, output: { json: 5 } }',
    5,
    49,
    'steps.0.llm.output',
  ],
  [
    'llm-output-strict-string',
    'name: t\nbudget: {}\nsteps:\n  - id: a\n    llm: { model: sim-mini, prompt: hi, output: { json: {}, strict: yes please } }',
    5,
    49,
    'steps.0.llm.output',
  ],
  [
    'llm-unknown-model',
    'name: t\nbudget: {}\nsteps:\n  - id: a\n    llm: { model: gpt-99, prompt: hi }',
    5,
    19,
    'steps.0.llm.model',
  ],
  [
    'llm-unknown-model-block',
    'name: t\nbudget: {}\nsteps:\n  - id: a\n    llm:\n      model: gpt-maxi\n      prompt: hi',
    6,
    14,
    'steps.0.llm.model',
  ],
  [
    'schema-bad-type',
    'name: t\nbudget: {}\nsteps:\n  - id: a\n    llm:\n      model: sim-mini\n      prompt: hi\n      output:\n        json: { type: objekt }',
    9,
    23,
    'steps.0.llm.output.json.type',
  ],
  [
    'schema-enum-not-array',
    'name: t\nbudget: {}\nsteps:\n  - id: a\n    llm:\n      model: sim-mini\n      prompt: hi\n      output:\n        json:\n          type: object\n          properties:\n            risk: { enum: low }',
    12,
    27,
    'steps.0.llm.output.json.properties.risk.enum',
  ],
  [
    'schema-unknown-keyword',
    'name: t\nbudget: {}\nsteps:\n  - id: a\n    llm:\n      model: sim-mini\n      prompt: hi\n      output:\n        json:\n          type: object\n          requried: [a]',
    11,
    11,
    'steps.0.llm.output.json.requried',
  ],
  [
    'schema-required-not-array',
    'name: t\nbudget: {}\nsteps:\n  - id: a\n    llm:\n      model: sim-mini\n      prompt: hi\n      output:\n        json: { type: object, required: a }',
    9,
    41,
    'steps.0.llm.output.json.required',
  ],
  [
    'schema-pattern-lookahead',
    'name: t\nbudget: {}\nsteps:\n  - id: a\n    llm:\n      model: sim-mini\n      prompt: hi\n      output:\n        json: { type: string, pattern: "^(?=a)" }',
    9,
    40,
    'steps.0.llm.output.json.pattern',
  ],
  [
    'schema-pattern-backreference',
    "name: t\nbudget: {}\nsteps:\n  - id: a\n    code: return 'aa'\n  - id: v\n    validate: a\n    schema: { type: string, pattern: '^(a)\\1$' }",
    8,
    38,
    'steps.1.schema.pattern',
  ],
  [
    'schema-pattern-property-lookbehind',
    'name: t\nbudget: {}\nsteps:\n  - id: a\n    llm:\n      model: sim-mini\n      prompt: hi\n      output:\n        json:\n          type: object\n          patternProperties:\n            "(?<=x)y": { type: string }',
    12,
    13,
    'steps.0.llm.output.json.patternProperties.(?<=x)y',
  ],
  [
    'schema-remote-ref',
    'name: t\nbudget: {}\nsteps:\n  - id: a\n    llm:\n      model: sim-mini\n      prompt: hi\n      output:\n        json: { $ref: "https://example.com/answer.json" }',
    9,
    23,
    'steps.0.llm.output.json.$ref',
  ],
  [
    'schema-recursive-ref',
    'name: t\nbudget: {}\nsteps:\n  - id: a\n    llm:\n      model: sim-mini\n      prompt: hi\n      output:\n        json:\n          type: object\n          properties:\n            children: { type: array, items: { $ref: "#" } }',
    12,
    53,
    'steps.0.llm.output.json.properties.children.items.$ref',
  ],
  [
    'schema-oversize',
    `name: t\nbudget: {}\nsteps:\n  - id: a\n    llm:\n      model: sim-mini\n      prompt: hi\n      output:\n        json: { enum: [${Array.from({ length: 400 }, (_, i) => `v${i}${'x'.repeat(80)}`).join(', ')}] }`,
    9,
    15,
    'steps.0.llm.output.json',
  ],
  ['schemas-too-large-together', bigSchemaSteps(3), 21, 15, 'steps.2.llm.output.json'],
  [
    'schema-too-deep',
    `name: t\nbudget: {}\nsteps:\n  - id: a\n    code: return []\n  - id: v\n    validate: a\n    schema: ${'{ items: '.repeat(33)}{}${' }'.repeat(33)}`,
    8,
    301,
    `steps.1.schema${'.items'.repeat(32)}`,
  ],
  [
    'schema-unknown-format',
    'name: t\nbudget: {}\nsteps:\n  - id: a\n    llm:\n      model: sim-mini\n      prompt: hi\n      output:\n        json: { type: string, format: date }',
    9,
    15,
    'steps.0.llm.output.json',
  ],
  [
    'template-unclosed',
    'name: t\nbudget: {}\nsteps:\n  - id: a\n    llm: { model: sim-mini, prompt: "Hello {{ input.name" }',
    5,
    44,
    'steps.0.llm.prompt',
  ],
  [
    'template-empty',
    'name: t\nbudget: {}\nsteps:\n  - id: a\n    llm: { model: sim-mini, prompt: "Hello {{ }}" }',
    5,
    44,
    'steps.0.llm.prompt',
  ],
  [
    'template-bad-expr',
    'name: t\nbudget: {}\nsteps:\n  - id: a\n    llm: { model: sim-mini, prompt: "Hello {{ input. }}" }',
    5,
    53,
    'steps.0.llm.prompt',
  ],
  [
    'template-unknown-name',
    'name: t\nbudget: {}\nsteps:\n  - id: a\n    llm: { model: sim-mini, prompt: "Hello {{ nam }}" }',
    5,
    47,
    'steps.0.llm.prompt',
  ],
  [
    'template-unknown-step-block',
    'name: t\nbudget: {}\nsteps:\n  - id: a\n    llm:\n      model: sim-mini\n      prompt: |\n        Summarise this:\n        {{ clauses }}',
    9,
    12,
    'steps.0.llm.prompt',
  ],
  [
    'template-system-unknown',
    'name: t\nbudget: {}\nsteps:\n  - id: a\n    llm: { model: sim-mini, system: "{{ persona }}", prompt: hi }',
    5,
    41,
    'steps.0.llm.system',
  ],
  [
    'template-second-part-bad',
    'name: t\nbudget: {}\nsteps:\n  - id: a\n    llm: { model: sim-mini, prompt: "{{ input }} and {{ 1 + }}" }',
    5,
    60,
    'steps.0.llm.prompt',
  ],
  [
    'expr-unknown-output',
    'name: t\nbudget: {}\nsteps:\n  - id: a\n    code: return 1\n  - id: r\n    output: b + 1',
    7,
    13,
    'steps.1.output',
  ],
  [
    'expr-output-syntax',
    'name: t\nbudget: {}\nsteps:\n  - id: r\n    output: "input.("',
    5,
    20,
    'steps.0.output',
  ],
  ['expr-output-empty', 'name: t\nbudget: {}\nsteps:\n  - id: r\n    output: "  "', 5, 13, 'steps.0.output'],
  [
    'two-output-steps',
    'name: t\nbudget: {}\nsteps:\n  - id: a\n    output: "1"\n  - id: b\n    output: "2"',
    7,
    5,
    'steps.1.output',
  ],
  [
    'map-unknown-source',
    'name: t\nbudget: {}\nsteps:\n  - id: m\n    map: clauses\n    step: { code: return 1 }',
    5,
    10,
    'steps.0.map',
  ],
  ['map-no-inner', 'name: t\nbudget: {}\nsteps:\n  - id: m\n    map: "[1]"', 5, 5, 'steps.0.map'],
  [
    'map-both-inner',
    'name: t\nbudget: {}\nsteps:\n  - id: m\n    map: "[1]"\n    step: { code: return 1 }\n    steps: [{ id: x, code: return 2 }]',
    5,
    5,
    'steps.0.map',
  ],
  [
    'map-concurrency-zero',
    'name: t\nbudget: {}\nsteps:\n  - id: m\n    map: "[1]"\n    concurrency: 0\n    step: { code: return 1 }',
    6,
    18,
    'steps.0.concurrency',
  ],
  [
    'map-bad-item-error',
    'name: t\nbudget: {}\nsteps:\n  - id: m\n    map: "[1]"\n    on_item_error: ignore\n    step: { code: return 1 }',
    6,
    20,
    'steps.0.on_item_error',
  ],
  [
    'map-pct-over',
    'name: t\nbudget: {}\nsteps:\n  - id: m\n    map: "[1]"\n    tolerated_failure_pct: 150\n    step: { code: return 1 }',
    6,
    28,
    'steps.0.tolerated_failure_pct',
  ],
  [
    'map-inner-step-bad',
    'name: t\nbudget: {}\nsteps:\n  - id: m\n    map: "[1]"\n    step:\n      llm: { model: sim-mini }',
    7,
    12,
    'steps.0.step.llm.prompt',
  ],
  [
    'map-inner-steps-missing-id',
    'name: t\nbudget: {}\nsteps:\n  - id: m\n    map: "[1]"\n    steps:\n      - code: return item',
    7,
    9,
    'steps.0.steps.0',
  ],
  [
    'map-inner-unknown-key',
    'name: t\nbudget: {}\nsteps:\n  - id: m\n    map: "[1]"\n    step:\n      code: return item\n      bogus: 1',
    8,
    7,
    'steps.0.step.bogus',
  ],
  [
    'map-syntax',
    'name: t\nbudget: {}\nsteps:\n  - id: m\n    map: "input.items.filter(x =>"\n    step: { code: return 1 }',
    5,
    34,
    'steps.0.map',
  ],
  [
    'map-inner-id-used-outside',
    'name: t\nbudget: {}\nsteps:\n  - id: m\n    map: "[1]"\n    steps:\n      - id: inner\n        code: return 1\n  - id: r\n    output: inner',
    10,
    13,
    'steps.1.output',
  ],
  [
    'branch-no-cases',
    'name: t\nbudget: {}\nsteps:\n  - id: b\n    branch: { cases: [] }',
    5,
    22,
    'steps.0.branch.cases',
  ],
  [
    'branch-missing-when',
    'name: t\nbudget: {}\nsteps:\n  - id: b\n    branch:\n      cases:\n        - steps: [{ id: x, code: return 1 }]',
    7,
    11,
    'steps.0.branch.cases.0.when',
  ],
  [
    'branch-bad-when',
    'name: t\nbudget: {}\nsteps:\n  - id: b\n    branch:\n      cases:\n        - when: input >\n          steps: [{ id: x, code: return 1 }]',
    7,
    24,
    'steps.0.branch.cases.0.when',
  ],
  [
    'branch-unknown-key',
    'name: t\nbudget: {}\nsteps:\n  - id: b\n    branch:\n      cases:\n        - when: "true"\n          steps: [{ id: x, code: return 1 }]\n      otherwise: []',
    9,
    7,
    'steps.0.branch.otherwise',
  ],
  ['branch-not-object', 'name: t\nbudget: {}\nsteps:\n  - id: b\n    branch: yes', 5, 13, 'steps.0.branch'],
  [
    'branch-case-steps-empty',
    'name: t\nbudget: {}\nsteps:\n  - id: b\n    branch:\n      cases:\n        - when: "true"\n          steps: []',
    8,
    18,
    'steps.0.branch.cases.0.steps',
  ],
  [
    'branch-when-unknown-name',
    'name: t\nbudget: {}\nsteps:\n  - id: b\n    branch:\n      cases:\n        - when: score > 3\n          steps: [{ id: x, code: return 1 }]',
    7,
    17,
    'steps.0.branch.cases.0.when',
  ],
  [
    'validate-unknown-target',
    'name: t\nbudget: {}\nsteps:\n  - id: v\n    validate: rated\n    check: "true"',
    5,
    15,
    'steps.0.validate',
  ],
  [
    'validate-no-check',
    'name: t\nbudget: {}\nsteps:\n  - id: a\n    code: return 1\n  - id: v\n    validate: a',
    7,
    5,
    'steps.1.validate',
  ],
  [
    'validate-check-and-schema',
    'name: t\nbudget: {}\nsteps:\n  - id: a\n    code: return 1\n  - id: v\n    validate: a\n    check: "true"\n    schema: { type: number }',
    7,
    5,
    'steps.1.validate',
  ],
  [
    'validate-bad-check',
    'name: t\nbudget: {}\nsteps:\n  - id: a\n    code: return 1\n  - id: v\n    validate: a\n    check: value ===',
    8,
    21,
    'steps.1.check',
  ],
  [
    'validate-bad-schema',
    'name: t\nbudget: {}\nsteps:\n  - id: a\n    code: return 1\n  - id: v\n    validate: a\n    schema: { type: numbr }',
    8,
    21,
    'steps.1.schema.type',
  ],
  [
    'validate-bad-then',
    'name: t\nbudget: {}\nsteps:\n  - id: a\n    code: return 1\n  - id: v\n    validate: a\n    check: "true"\n    on_fail: { then: ignore }',
    9,
    22,
    'steps.1.on_fail.then',
  ],
  [
    'validate-rounds-high',
    'name: t\nbudget: {}\nsteps:\n  - id: a\n    code: return 1\n  - id: v\n    validate: a\n    check: "true"\n    on_fail: { redo: true, rounds: 9 }',
    9,
    36,
    'steps.1.on_fail.rounds',
  ],
  [
    'validate-feedback-unclosed',
    'name: t\nbudget: {}\nsteps:\n  - id: a\n    code: return 1\n  - id: v\n    validate: a\n    check: "true"\n    on_fail: { feedback: "bad {{ value" }',
    9,
    31,
    'steps.1.on_fail.feedback',
  ],
  [
    'validate-self',
    'name: t\nbudget: {}\nsteps:\n  - id: v\n    validate: v\n    check: "true"',
    4,
    9,
    'steps.0.id',
  ],
  ['vote-unknown', 'name: t\nbudget: {}\nsteps:\n  - id: v\n    vote: samples_step', 5, 11, 'steps.0.vote'],
  [
    'vote-list-unknown',
    'name: t\nbudget: {}\nsteps:\n  - id: a\n    code: return 1\n  - id: v\n    vote: [a, b]',
    7,
    15,
    'steps.1.vote.1',
  ],
  [
    'vote-bad-method',
    'name: t\nbudget: {}\nsteps:\n  - id: a\n    code: return 1\n  - id: c\n    code: return 1\n  - id: v\n    vote: [a, c]\n    method: median',
    10,
    13,
    'steps.2.method',
  ],
  ['vote-number', 'name: t\nbudget: {}\nsteps:\n  - id: v\n    vote: 5', 5, 11, 'steps.0.vote'],
  [
    'loop-missing-until',
    'name: t\nbudget: {}\nsteps:\n  - id: l\n    loop:\n      steps: [{ id: x, code: return 1 }]\n      max_iterations: 3',
    6,
    7,
    'steps.0.loop.until',
  ],
  [
    'loop-missing-max',
    'name: t\nbudget: {}\nsteps:\n  - id: l\n    loop:\n      steps: [{ id: x, code: return 1 }]\n      until: "true"',
    6,
    7,
    'steps.0.loop.max_iterations',
  ],
  [
    'loop-max-too-high',
    'name: t\nbudget: {}\nsteps:\n  - id: l\n    loop:\n      steps: [{ id: x, code: return 1 }]\n      until: "true"\n      max_iterations: 1000',
    8,
    23,
    'steps.0.loop.max_iterations',
  ],
  [
    'loop-bad-until',
    'name: t\nbudget: {}\nsteps:\n  - id: l\n    loop:\n      steps: [{ id: x, code: return 1 }]\n      until: value >>>\n      max_iterations: 3',
    7,
    23,
    'steps.0.loop.until',
  ],
  [
    'loop-self-ref',
    'name: t\nbudget: {}\nsteps:\n  - id: l\n    loop:\n      steps:\n        - id: x\n          code: return l\n      until: "true"\n      max_iterations: 3',
    4,
    9,
    'steps.0.id',
  ],
  ['use-empty', 'name: t\nbudget: {}\nsteps:\n  - id: u\n    use: ""', 5, 10, 'steps.0.use'],
  [
    'use-inputs-not-object',
    'name: t\nbudget: {}\nsteps:\n  - id: u\n    use: skill\n    inputs: [a]',
    5,
    10,
    'steps.0.use',
  ],
  [
    'use-input-bad-expr',
    'name: t\nbudget: {}\nsteps:\n  - id: u\n    use: skill\n    inputs: { text: "input.(" }',
    5,
    10,
    'steps.0.use',
  ],
  ['use-unknown-skill', 'name: t\nbudget: {}\nsteps:\n  - id: u\n    use: nosuchskill', 5, 10, 'steps.0.use'],
  [
    'use-unknown-input',
    'name: t\nbudget: {}\nsteps:\n  - id: u\n    use: shout\n    inputs: { text: input, loud: "true" }',
    6,
    28,
    'steps.0.inputs.loud',
  ],
  ['use-missing-input', 'name: t\nbudget: {}\nsteps:\n  - id: u\n    use: shout', 5, 10, 'steps.0.use'],
  [
    'cycle-two',
    'name: t\nbudget: {}\nsteps:\n  - id: a\n    code: return b\n  - id: b\n    code: return a',
    4,
    9,
    'steps.0.id',
  ],
  [
    'cycle-three',
    'name: t\nbudget: {}\nsteps:\n  - id: a\n    needs: [c]\n    code: return 1\n  - id: b\n    needs: [a]\n    code: return 1\n  - id: c\n    needs: [b]\n    code: return 1',
    4,
    9,
    'steps.0.id',
  ],
  ['cycle-self', 'name: t\nbudget: {}\nsteps:\n  - id: a\n    code: return a', 4, 9, 'steps.0.id'],
  [
    'cycle-template',
    'name: t\nbudget: {}\nsteps:\n  - id: a\n    llm: { model: sim-mini, prompt: "{{ b }}" }\n  - id: b\n    output: a',
    4,
    9,
    'steps.0.id',
  ],
  [
    'cycle-nested',
    'name: t\nbudget: {}\nsteps:\n  - id: m\n    map: "[1]"\n    steps:\n      - id: x\n        code: return y\n      - id: y\n        code: return x',
    7,
    13,
    'steps.0.steps.0.id',
  ],
  ['json-missing-steps', '{"name": "t", "budget": {}}', 1, 1, 'steps'],
  [
    'json-unknown-key',
    '{"name": "t", "budget": {},\n "steps": [{"id": "a", "code": "return 1", "extra": true}]}',
    2,
    44,
    'steps.0.extra',
  ],
  ['json-syntax', '{"name": "t", "budget": {}, "steps": [}', 1, 39, ''],
  [
    'json-cycle',
    '{"name": "t", "budget": {}, "steps": [\n  {"id": "a", "code": "return b"},\n  {"id": "b", "code": "return a"}\n]}',
    2,
    10,
    'steps.0.id',
  ],
  [
    'multi-error-first',
    'name: t\nbudget: { max_calls: 0 }\nsteps:\n  - id: a\n    code: return (\n  - id: a\n    lm: x',
    2,
    22,
    'budget.max_calls',
  ],
];

const shout = {
  name: 'shout',
  budget: {},
  inputs: { text: { type: 'string' } },
  steps: [],
} as unknown as Pipeline;
const options = {
  knownModels: (id: string) => id.startsWith('sim-'),
  skills: (name: string) => (name === 'shout' ? shout : undefined),
};

describe('invalid pipeline corpus', () => {
  it('has at least 100 cases with distinct names', () => {
    expect(corpus.length).toBeGreaterThanOrEqual(100);
    expect(new Set(corpus.map(([name]) => name)).size).toBe(corpus.length);
  });

  // A rest parameter: with more named parameters than a row has values, jest would pass `done`.
  it.each(corpus)('%s is rejected at its line and column', (...row) => {
    const [, source, line, column, path, message] = row;
    const result = parsePipeline(source, options);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    const [first] = result.issues;
    expect(first).toMatchObject({ code: 'invalid_pipeline', line, column, path });
    expect(first!.message.length).toBeGreaterThan(10);
    if (message) expect(first!.message).toMatch(message);
    for (const issue of result.issues) {
      expect(issue.code).toBe('invalid_pipeline');
      expect(issue.line).toBeGreaterThanOrEqual(1);
      expect(issue.column).toBeGreaterThanOrEqual(1);
    }
  });

  // JSON Schemas run on a linear-time engine under caps (schema/safe-ajv, docs/dsl.md "JSON Schemas"):
  // what cannot run is refused at parse time, saying why.
  it.each([
    [
      'schema-pattern-lookahead',
      'pattern "^(?=a)": lookahead is not supported: patterns run on a linear-time engine',
    ],
    ['schema-pattern-backreference', 'pattern "^(a)\\1$": a backreference (\\1) is not supported'],
    ['schema-pattern-property-lookbehind', 'pattern "(?<=x)y": lookbehind is not supported'],
    ['schema-remote-ref', 'only references inside the same schema (#/…) are supported'],
    ['schema-recursive-ref', 'recursive schemas are not supported'],
    ['schema-oversize', 'the schema is too large: 33.9 KiB of JSON, the limit is 32 KiB'],
    ['schema-too-deep', 'the schema is nested more than 32 levels deep'],
    ['schema-unknown-format', 'unknown format "date"'],
    [
      'schemas-too-large-together',
      'the JSON Schemas of the pipeline (and the skills it uses) are too large together (more than 64 KiB of distinct schemas by this one)',
    ],
  ])('%s says why', (name, message) => {
    const [, source] = corpus.find(([n]) => n === name)!;
    const result = parsePipeline(source, options);
    if (result.ok) throw new Error('expected issues');
    expect(result.issues[0]!.message).toContain(message);
  });

  it('counts a schema repeated word for word once against the pipeline-wide limit', () => {
    const result = parsePipeline(bigSchemaSteps(2, 6), options);
    expect(result.ok ? [] : result.issues).toEqual([]);
  });

  it('reports every problem of a file, not just the first', () => {
    const [, source] = corpus.find(([name]) => name === 'multi-error-first')!;
    const result = parsePipeline(source, options);
    if (result.ok) throw new Error('expected issues');
    expect(result.issues.map((i) => `${i.line}:${i.column} ${i.path}`)).toEqual([
      '2:22 budget.max_calls',
      '5:19 steps.0.code',
      '6:9 steps.1.id',
      '7:5 steps.1.lm',
    ]);
  });
});
