import type { Aspect, FactUnit } from '@reps/shared';
import type { ChatMessage } from '../../types.js';
import { hashSeed, Rng } from '../prng.js';

/**
 * A synthetic contract-review task for calibrating the simulated models: clauses with a risk
 * (low / medium / high) and a type, and an invoice with line amounts for the arithmetic tactic.
 * Deterministic in its seed, like a challenge generator.
 */
export const CLAUSE_ASPECTS: Aspect[] = [
  {
    name: 'risk',
    values: ['low', 'medium', 'high'],
    synonyms: ['severity', 'risk_level'],
    keywords: ['risk', 'risky', 'dangerous'],
  },
  {
    name: 'type',
    values: ['indemnity', 'liability', 'termination', 'payment', 'confidentiality', 'boilerplate'],
    synonyms: ['category', 'clause_type'],
    keywords: ['type', 'category', 'kind'],
  },
];

export const AMOUNT_ASPECTS: Aspect[] = [
  { name: 'amount', type: 'number', synonyms: [], keywords: ['amount'] },
];

const PARTIES = [
  'the Supplier',
  'the Customer',
  'the Contractor',
  'the Licensor',
  'the Licensee',
  'the Agent',
];
const SUBJECTS: Record<string, string[]> = {
  indemnity: ['indemnify and hold harmless', 'defend at its own cost', 'compensate in full'],
  liability: ['be liable without limit', 'bear liability capped at', 'accept responsibility up to'],
  termination: ['terminate this agreement', 'suspend the services', 'end the engagement'],
  payment: ['pay each invoice', 'settle all fees', 'remit the charges'],
  confidentiality: ['keep confidential', 'not disclose', 'protect as secret'],
  boilerplate: [
    'give notices in writing',
    'read headings as convenience only',
    'treat counterparts as originals',
  ],
};
const OBJECTS = [
  'all third-party claims',
  'any regulatory fines',
  'the source code and documentation',
  'customer data and personal information',
  'the pricing schedule',
  'losses from late delivery',
  'claims of infringement',
  'the escrow materials',
];
const CONDITIONS = [
  'within {n} days of written notice',
  'unless the breach is remedied within {n} days',
  'for a period of {n} months after expiry',
  'save where caused by gross negligence',
  'to the extent permitted by the laws of {place}',
  'subject to a cap of {n} thousand euros',
];
const PLACES = ['England', 'Ireland', 'Delaware', 'Ontario', 'Singapore', 'Bavaria', 'Victoria', 'Geneva'];

export interface SyntheticCase {
  facts: FactUnit[];
  /** Clause texts as the case input presents them, numbered from 1. */
  document: string;
}

export function clauseCase(seed: string, units: number): SyntheticCase {
  const rng = new Rng(hashSeed('clauses', seed));
  const types = Object.keys(SUBJECTS);
  const facts: FactUnit[] = [];
  for (let i = 1; i <= units; i++) {
    const type = rng.pick(types);
    const risk = type === 'boilerplate' ? 'low' : rng.pick(['low', 'medium', 'high']);
    facts.push({ id: `clause-${i}`, text: clauseText(rng, type), answers: { risk, type } });
  }
  return { facts, document: facts.map((f, i) => `${i + 1}. ${f.text}`).join('\n') };
}

function clauseText(rng: Rng, type: string): string {
  const party = rng.pick(PARTIES);
  const other = rng.pick(PARTIES.filter((p) => p !== party));
  const fill = (s: string) => s.replace('{n}', String(5 + rng.int(85))).replace('{place}', rng.pick(PLACES));
  const first = `${party} shall ${rng.pick(SUBJECTS[type]!)} ${rng.pick(OBJECTS)} owed to ${other} ${fill(rng.pick(CONDITIONS))}.`;
  const second = `This obligation applies ${fill(rng.pick(CONDITIONS))} and covers ${rng.pick(OBJECTS)} in ${rng.pick(PLACES)}.`;
  return `${first} ${second}`;
}

const ITEMS = [
  'consulting',
  'design work',
  'hosting',
  'licences',
  'travel',
  'support hours',
  'training',
  'hardware',
];

/** An invoice of `units` lines, each with an amount: the arithmetic tactic's input. */
export function invoiceCase(seed: string, units: number): SyntheticCase & { total: number } {
  const rng = new Rng(hashSeed('invoice', seed));
  const facts: FactUnit[] = [];
  for (let i = 1; i <= units; i++) {
    const amount = (100 + rng.int(490_000)) / 100;
    const item = rng.pick(ITEMS);
    const text = `Line ${i}: ${item} for project ${rng.pick(PLACES)} ${rng.int(900) + 100}, reference ${rng.int(90000) + 10000}, amount EUR ${amount.toFixed(2)}`;
    facts.push({ id: `line-${i}`, text, answers: { amount } });
  }
  const cents = facts.reduce((sum, f) => sum + Math.round((f.answers.amount as number) * 100), 0);
  return { facts, document: facts.map((f) => f.text).join('\n'), total: cents / 100 };
}

/** The output schemas the studies ask for: one clause's risk, a list of clauses' risks, a verdict. */
export const RISK_SCHEMA = {
  type: 'object',
  required: ['risk'],
  properties: { risk: { type: 'string', enum: ['low', 'medium', 'high'] } },
};
export const ALL_SCHEMA = {
  type: 'object',
  required: ['clauses'],
  properties: {
    clauses: {
      type: 'array',
      items: {
        type: 'object',
        required: ['n', 'risk'],
        properties: { n: { type: 'integer' }, risk: RISK_SCHEMA.properties.risk },
      },
    },
  },
};
export const VERDICT_SCHEMA = {
  type: 'object',
  required: ['correct'],
  properties: { correct: { type: 'boolean' } },
};

/** A study's messages: the lawyer's system prompt, then the task. */
export function user(content: string): ChatMessage[] {
  return [
    { role: 'system', content: 'You are a careful contracts lawyer.' },
    { role: 'user', content },
  ];
}
