import type { Aspect, FactUnit } from '@reps/shared';
import type { CompletionRequest } from '../types.js';

/** Shared fixtures of the simulator's tests (not exported from the engine). */
export const ASPECTS: Aspect[] = [
  { name: 'risk', values: ['low', 'medium', 'high'], synonyms: ['severity'], keywords: ['risk', 'risky'] },
  {
    name: 'type',
    values: ['indemnity', 'termination', 'payment', 'boilerplate'],
    synonyms: ['category'],
    keywords: ['type', 'kind'],
  },
  { name: 'amount', type: 'number', synonyms: [], keywords: ['amount'] },
];

const WORDS = (
  'alpha bravo charlie delta echo foxtrot golf hotel india juliet kilo lima mike november oscar papa ' +
  'quebec romeo sierra tango uniform victor whiskey xray yankee zulu amber basil cedar dune ember fjord'
).split(' ');

/** Clauses with distinct made-up wording, so presence depends only on the text pasted. */
export function makeFacts(n: number, salt = 0): FactUnit[] {
  const facts: FactUnit[] = [];
  for (let i = 1; i <= n; i++) {
    const words = Array.from(
      { length: 14 },
      (_, j) => WORDS[(i * 7 + j * 13 + salt * 5 + ((i * j) % 11)) % WORDS.length],
    );
    const text = `Clause ${i}${salt ? `.${salt}` : ''}: the party ${words.join(' ')} shall pay ${100 + i} euros within ${i + 10} days.`;
    facts.push({
      id: `clause-${i}`,
      text,
      answers: {
        risk: ['low', 'medium', 'high'][i % 3],
        type: ['indemnity', 'termination', 'payment'][i % 3],
        amount: 100 + i,
      },
    });
  }
  return facts;
}

export function ask(
  model: string,
  content: string,
  extra: Partial<CompletionRequest> = {},
): CompletionRequest {
  return { model, messages: [{ role: 'user', content }], ...extra };
}

/** Aspects without allowed values: a list of documents cited, and a yes/no flag. */
export const LIST_ASPECTS: Aspect[] = [
  { name: 'citations', type: 'array', synonyms: ['sources'], keywords: ['cite', 'citations'] },
  { name: 'urgent', type: 'boolean', synonyms: [], keywords: ['urgent'] },
];

/** Units whose citations are a list (empty for every fourth one) and whose urgency is a flag. */
export function makeListFacts(n: number, salt = 0): FactUnit[] {
  return makeFacts(n, salt).map((f, j) => {
    const i = j + 1;
    const citations =
      i % 4 === 0 ? [] : Array.from({ length: 1 + (i % 3) }, (_, c) => `D${(i * 5 + c * 3) % 40}`);
    return { ...f, answers: { citations, urgent: i % 2 === 0 } };
  });
}
