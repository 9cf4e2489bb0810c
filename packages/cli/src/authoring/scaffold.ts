/**
 * The files of `reps challenge new <slug>`: a small but complete challenge (label customer
 * messages) that validates, generates, scores and calibrates as it is, so an author starts from
 * something that works and changes it piece by piece, checking with `reps challenge validate` and
 * `reps challenge test` as they go.
 */
export function scaffoldFiles(slug: string): Record<string, string> {
  return {
    'challenge.yaml': manifest(slug),
    'brief.md': brief(slug),
    'generator.ts': GENERATOR,
    'baseline.pipeline.yaml': BASELINE,
    'reference.pipeline.yaml': REFERENCE,
  };
}

/** "invoice-line-check" → "Invoice line check". */
export function titleOf(slug: string): string {
  const words = slug.split('-').join(' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
}

function manifest(slug: string): string {
  return `# The manifest of ${slug} (README.md, "Authoring a challenge"). \`reps challenge validate\` checks it with line and
# column; \`reps challenge test\` checks the calibration (baseline < 50, every reference >= 90).
slug: ${slug}
title: ${titleOf(slug)}
# A version names one hidden set and one leaderboard: bump it for any change a learner could notice.
version: 1
domain: support
# Any of: decomposition, sequencing, correction, validation.
skills: [decomposition]
difficulty: 1
summary: >-
  Label each of 16-22 customer messages as praise, complaint, question or suggestion.

# What the pipeline receives (input) and must return (output), as JSON Schemas.
input_schema:
  type: object
  required: [messages]
  additionalProperties: false
  properties:
    messages:
      type: array
      minItems: 1
      items:
        type: object
        required: [id, text]
        additionalProperties: false
        properties:
          id: { type: string }
          text: { type: string }
output_schema:
  type: object
  required: [labels]
  properties:
    labels:
      type: array
      items:
        type: object
        required: [id, kind]
        properties:
          id: { type: string }
          kind: { enum: [praise, complaint, question, suggestion] }

# What the simulated models are asked about: each fact unit of generator.ts answers these aspects.
# Synonyms are JSON property names, keywords are prompt words that name the aspect.
aspects:
  - name: kind
    values: [praise, complaint, question, suggestion]
    synonyms: [label, category, type]
    keywords: [kind, label, classify, category]

models: [sim-mini, sim-standard, sim-pro, "openai:*", "anthropic:*"]
# Caps per case; a pipeline's own budget may be lower, never higher.
budget: { max_calls: 150, max_cost_usd: 0.05, max_ms: 30000 }

scoring:
  scorer: json_fields
  params:
    fields:
      - path: labels
        compare: records
        key: id
        fields:
          - { path: kind, compare: text }
  pass_mark: 85

# Public cases are shown with their expected output; hidden ones are generated at grade time.
cases: { public: 5, hidden: 50 }
submissions_per_day: 20
`;
}

function brief(slug: string): string {
  return `# ${titleOf(slug)}

**From:** the customer care lead of a small online shop

Every morning we read the messages that came in overnight through the contact form: usually 16 to
22 of them. Before anyone answers, each one gets a label so it lands with the right person. We
would like a pipeline to do that first pass.

## What comes in

\`\`\`json
{ "messages": [
  { "id": "M-1042", "text": "My desk lamp stopped working after 9 days and nobody has answered my emails." },
  …
] }
\`\`\`

## What we need back

One label per message, in any order:

\`\`\`json
{ "labels": [ { "id": "M-1042", "kind": "complaint" }, … ] }
\`\`\`

- \`praise\`: the customer is happy and says so.
- \`complaint\`: something went wrong and the customer is unhappy about it.
- \`question\`: the customer asks something and waits for an answer.
- \`suggestion\`: an idea for a product or the service.

## What good looks like

Every message gets exactly one label and the label is right. We grade each message's label; a
missing or invented id counts as wrong. We expect at least 85 % on our own held-back mornings.
`;
}

const GENERATOR = `import type { Generate, Rng } from '@reps/engine';

/**
 * One morning of customer messages: 16-22 of them, each with the kind it is. Texts come from
 * templates per kind, filled with names, products, numbers and order ids drawn from rng, so every
 * case is different and every message is distinct (the simulated models find a message in a prompt
 * by its words).
 *
 * Rules (see packages/engine/src/challenges/generator-api.ts): draw every random choice from rng,
 * return plain JSON, import types only from outside this folder.
 */

type Kind = 'praise' | 'complaint' | 'question' | 'suggestion';

interface Message {
  id: string;
  text: string;
}

const NAMES = ['Maria', 'Tom', 'Aisha', 'Jonas', 'Priya', 'Luca', 'Hannah', 'Kenji', 'Sofia', 'Daniel'];
const PRODUCTS = [
  'desk lamp',
  'coffee grinder',
  'rain jacket',
  'standing desk',
  'water filter',
  'bike light',
  'wool blanket',
  'phone stand',
  'garden hose',
  'travel kettle',
];

const TEMPLATES: Record<Kind, string[]> = {
  praise: [
    'Just wanted to say the {product} arrived {n} days early and works perfectly. Thanks, {name}!',
    '{name} here: your support team sorted out my {product} in {n} minutes. Brilliant service.',
    'I have used the {product} every day for {n} weeks and it is still the best thing I bought this year.',
    'Five stars for the {product}, order {order}. Everyone in our office loves it.',
  ],
  complaint: [
    'My {product} stopped working after {n} days and nobody has answered my emails. Very disappointed. {name}',
    'I was charged twice for the {product} (order {order}) and still have no refund after {n} days.',
    'The {product} arrived damaged, the box crushed, and the courier left it in the rain. {name}',
    'I spent {n} minutes on hold about my {product} and then the call dropped. Not acceptable.',
  ],
  question: [
    'Does the {product} work outdoors? I would like to order {n} of them. {name}',
    'How long is the warranty on the {product}? I bought it {n} months ago.',
    'Can I still change the delivery address for order {order}? Thanks, {name}',
    'Is there a discount on the {product} for orders of {n} units or more?',
  ],
  suggestion: [
    'It would be great if the {product} came in a larger size; I would buy {n} straight away. {name}',
    'Please sell spare parts for the {product}, so one broken piece does not mean a new one.',
    'Could you offer the {product} as a subscription, delivered every {n} weeks?',
    'Idea: let customers follow order {order} by text message, not only by email. {name}',
  ],
};

const KINDS = Object.keys(TEMPLATES) as Kind[];

function fill(rng: Rng, template: string): string {
  return template
    .replaceAll('{name}', rng.pick(NAMES))
    .replaceAll('{product}', rng.pick(PRODUCTS))
    .replaceAll('{n}', String(rng.int(2, 40)))
    .replaceAll('{order}', \`#\${rng.int(10000, 99999)}\`);
}

export const generate: Generate<{ messages: Message[] }, { labels: { id: string; kind: Kind }[] }> = (
  rng,
  index,
) => {
  const count = rng.int(16, 22);
  const messages: Message[] = [];
  const labels: { id: string; kind: Kind }[] = [];
  const facts: { id: string; text: string; answers: Record<string, unknown> }[] = [];
  const seen = new Set<string>();
  let number = 1000 + index * 40 + rng.int(0, 9);
  while (messages.length < count) {
    const kind = rng.pick(KINDS);
    const text = fill(rng, rng.pick(TEMPLATES[kind]));
    if (seen.has(text)) continue;
    seen.add(text);
    number += rng.int(1, 3);
    const id = \`M-\${number}\`;
    messages.push({ id, text });
    labels.push({ id, kind });
    // A fact unit per message: its text (as it appears in the input) and its right answer per aspect.
    facts.push({ id, text, answers: { kind } });
  }
  return { input: { messages }, expected: { labels }, facts };
};
`;

const BASELINE = `# One prompt with the whole morning: the first thing anyone tries. With twenty messages in one
# call, each answer is diluted by the others, so it should score well under 50.
name: label-all-at-once
budget: { max_calls: 1, max_cost_usd: 0.01 }
steps:
  - id: labelled
    llm:
      model: sim-mini
      prompt: |
        Label each customer message as praise, complaint, question or suggestion.

        {{ input.messages.map(m => \`\${m.id}: \${m.text}\`).join('\\n\\n') }}
      output:
        json:
          type: object
          required: [labels]
          properties:
            labels:
              type: array
              items:
                type: object
                required: [id, kind]
                properties:
                  id: { type: string }
                  kind: { enum: [praise, complaint, question, suggestion] }
  - id: result
    output: labelled
`;

const REFERENCE = `# One small call per message on the cheap model, five samples at temperature 0.7, and a majority
# vote in code: each message is judged on its own, and independent samples outvote the mistakes.
name: label-each-message-vote
budget: { max_calls: 150, max_cost_usd: 0.05, max_ms: 30000 }
steps:
  - id: samples
    map: input.messages
    concurrency: 8
    step:
      llm:
        model: sim-mini
        temperature: 0.7
        samples: 5
        prompt: |
          Label this customer message as praise, complaint, question or suggestion.

          {{ item.text }}
        output:
          strict: true
          json:
            type: object
            required: [kind]
            properties:
              kind: { enum: [praise, complaint, question, suggestion] }
        retry: { attempts: 3, on: [invalid_output], feedback: true }
  - id: labels
    code: |
      const majority = (values) => {
        const counts = {};
        let best = values[0];
        for (const v of values) {
          counts[v] = (counts[v] || 0) + 1;
          if (counts[v] > counts[best]) best = v;
        }
        return best;
      };
      return samples.map((votes, i) => ({ id: input.messages[i].id, kind: majority(votes.map((v) => v.kind)) }));
  - id: result
    output: "({ labels })"
`;
