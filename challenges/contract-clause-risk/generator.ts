import type { CaseSet, Generate, Rng } from '@reps/engine';
import { capitalise, numberWords, scatterSwaps } from '@reps/engine/generator-kit';
import {
  type ClauseType,
  HEADINGS,
  MIRRORED,
  MODIFIERS,
  PERIOD_DISTRACTORS,
  type Risk,
  SCHEDULED,
  TYPES,
  WORDINGS,
} from './data.js';

/**
 * A supplier-side commercial agreement (SaaS, services, supply, licence) of 14–20 numbered clauses
 * as the client's procurement team receives it. Each clause has a type and a risk for the client
 * (the customer). The same type comes in low-, medium- and high-risk wordings: a mutual cap of
 * twelve months' fees is routine, an uncapped one-way indemnity is not.
 */

interface Clause {
  n: number;
  type: ClauseType;
  risk: Risk;
}

const SCHEDULE_DISTRACTORS = [
  'Service Levels: {pct} percent availability per month',
  'Notice Address: the registered office of each party',
  'Support Hours: 08:00 to 18:00 on business days',
  'Data Location: as stated in the Order Form',
];
const SCHEDULE_LAYOUTS = [
  (term: string, value: string) => `${term}: ${value}`,
  (term: string, value: string) => `"${term}" means ${value}`,
  (term: string, value: string) => `${term} — ${value}`,
  (term: string, value: string) => `The ${term} is ${value}`,
];

/**
 * The customer's negotiation playbook, one entry per clause type, exactly as brief.md states it:
 * the risk of a clause rests on it (the facts name it as evidence for the risk).
 */
export const PLAYBOOK: Record<ClauseType, string> = {
  payment:
    'Payment: low when fees are fixed or disputed amounts may be withheld, with at least 30 days to pay; medium when the supplier may raise prices by a capped amount once a year or charges interest on late payment; high when the supplier may change the fees at any time, we may not withhold or set off anything, or fees stay payable even when the supplier is in breach. Where the clause turns on the payment period (in the clause or as the Payment Period of Schedule 1): 30 days or more is low, 15 to 29 days medium, 14 days or fewer high.',
  term_and_termination:
    'Term and termination: low when either party may end the agreement on notice, we may leave with a refund, or only we may terminate at will; medium for a minimum term with an early-exit fee, or suspension by the supplier after notice for invoices left unpaid; high when only the supplier may terminate or suspend at will, or we owe all remaining fees on any termination and the supplier may delete our data. Where only the supplier may terminate for convenience on notice: 90 days or more is low, 30 to 89 days medium, under 30 days high.',
  limitation_of_liability:
    "Limitation of liability: low when caps are mutual and at least twelve months of fees or a multiple of the annual fees, or when only the supplier's liability is unlimited; medium when only the supplier's liability is capped at a few months of fees or a fixed sum of thousands of euros, or loss of data is excluded; high when the supplier's liability is near zero or excluded altogether while ours is unlimited. Where the clause turns on a mutual cap of a number of months of fees (in the clause or as the Liability Cap of Schedule 1): twelve months or more, or a multiple of the annual fees, is low; three to eleven months medium; under three months, or a few hundred euros, high.",
  indemnity:
    "Indemnity: low when each party covers claims caused by its own breach, the supplier defends us against IP claims, or the supplier indemnifies us; medium when we indemnify the supplier up to a cap (for our own content, breach or negligence), or mutual negligence indemnities are capped per claim; high when we indemnify the supplier without a cap, for our breach or for anything connected with the agreement, even the supplier's own negligence.",
  confidentiality:
    "Confidentiality: low when both parties keep each other's information secret with the usual exceptions, when only the supplier is bound, or when we may publicise the supplier; medium when the supplier may share our terms with its affiliates, auditors and investors; high when only we are bound, or the supplier may use, disclose or publish our information, name or results without our approval. Where the clause turns on how long the mutual obligations last after the agreement ends: five years or more is low, two to four years medium, under two years high.",
  intellectual_property:
    "Intellectual property: low when what is made for us, and the rights in it, become ours, or we get a perpetual royalty-free licence; medium when the supplier keeps ownership and licenses us only for the term, or ownership passes only once every invoice, disputed ones included, is paid; high when everything created, even improvements to our own systems and data, or our feedback and materials, becomes the supplier's.",
  data_protection:
    'Data protection: low when the supplier processes personal data only on our instructions or keeps it in the EEA, with notice of new sub-processors and a right to object; medium for transfers outside the EEA under standard contractual clauses, breach notice without undue delay, or sub-processor changes we are deemed to accept; high when the supplier may use our personal data for its own purposes or share it, or owes no breach notice and no liability for data loss. Where the clause turns on how fast the supplier must report a personal data breach: within 48 hours is low, more than 48 hours and up to seven days medium, more than seven days high.',
  warranty:
    'Warranty: low when the services come with reasonable skill and care and conform to the documentation for the term; medium when re-performance or service credits are the only remedy; high when everything is provided as is, all warranties are disclaimed, or the services may change or stop without notice. Where the clause turns on how long the warranty or the free fixing of defects lasts: twelve months or more is low, three to eleven months medium, under three months high.',
  governing_law:
    'Governing law: low when the law and courts are those of a home jurisdiction (England and Wales, Ireland, the Netherlands, Germany, Sweden or Scotland); medium for a distant but neutral law, forum or arbitration seat (Delaware, New York, Singapore, Hong Kong, the Cayman Islands), or when the supplier alone may sue elsewhere; high when we waive jury trial and class actions, must claim within days, or the supplier picks the law and forum once a dispute arises.',
  assignment:
    'Assignment: low when neither party may assign without the consent of the other, either may on a merger or sale, or only we may assign freely; medium when the supplier may subcontract or assign to its affiliates or group while we need consent; high when the supplier may assign, novate or subcontract to anyone, even a competitor of ours, without notice or consent.',
  auto_renewal:
    "Renewal: low when the agreement ends with its term unless renewed in writing, or runs month to month; medium when renewal prices may rise by a capped percentage; high when it renews for years at a time at the supplier's then-current prices, or renewal fees fall due in advance unless we give notice in a narrow window. Where the clause turns on the length of each automatic renewal (in the clause or as the Renewal Term of Schedule 1): one month is low, 12 to 36 months medium, five years or more high.",
  non_solicitation:
    'Non-solicitation: low when neither party actively solicits the staff of the other who worked on the services, or such restrictions bind only the supplier; medium for a placement fee if we hire staff of the supplier; high for a worldwide ban on hiring anyone who ever worked for the supplier or its affiliates with liquidated damages, or a ban on using other suppliers. Where we may not hire or engage the staff of the supplier for a period after the agreement ends: up to six months is low, seven to twelve months medium, more than twelve months high.',
};

const SUPPLIERS: [string, string][] = [
  ['Nimbus Cloud Services Ltd', 'Nimbus'],
  ['Corvid Analytics GmbH', 'Corvid'],
  ['Bramley IT Solutions Ltd', 'Bramley'],
  ['Helix Systems B.V.', 'Helix'],
  ['Quantum Ledger Inc.', 'Quantum'],
  ['Sable Logistics Software S.A.', 'Sable'],
  ['Orchard Data Ltd', 'Orchard'],
  ['Vireo Consulting LLP', 'Vireo'],
  ['Kestrel Security AB', 'Kestrel'],
  ['Tessera Labs Oy', 'Tessera'],
  ['Marlow Print Supplies Ltd', 'Marlow'],
  ['Aurelia Facilities Ltd', 'Aurelia'],
];
const CUSTOMERS: [string, string][] = [
  ['Harbourside Health NHS Trust', 'Harbourside'],
  ['Glenmore Foods plc', 'Glenmore'],
  ['Altamira Retail S.L.', 'Altamira'],
  ['Fjord Mobility AS', 'Fjord'],
  ['Pemberton Insurance Ltd', 'Pemberton'],
  ['Castellan Hotels Group', 'Castellan'],
  ['Riverside University', 'Riverside'],
  ['Stellar Pharma GmbH', 'Stellar'],
  ['Coastal Water Utility', 'Coastal'],
  ['Ridgeway Building Society', 'Ridgeway'],
  ['Lumière Cosmetics SAS', 'Lumière'],
  ['Oakridge Council', 'Oakridge'],
];
const CONTRACTS = [
  'SOFTWARE AS A SERVICE AGREEMENT',
  'MASTER SERVICES AGREEMENT',
  'SUPPLY AGREEMENT',
  'SOFTWARE LICENCE AND SUPPORT AGREEMENT',
  'CONSULTANCY AGREEMENT',
  'MANAGED SERVICES AGREEMENT',
];
const HOME = ['England and Wales', 'Ireland', 'the Netherlands', 'Germany', 'Sweden', 'Scotland'];
const FAR = [
  'the State of Delaware',
  'Singapore',
  'the State of New York',
  'the Cayman Islands',
  'Hong Kong',
];

interface Naming {
  s: string;
  c: string;
  /** The preamble line that says who is who; `names` when the short names do not say the role. */
  preamble: string;
  names: boolean;
}
type NamingFamily = (rng: Rng, supplier: [string, string], customer: [string, string]) => Naming;
const NAMINGS: NamingFamily[] = [
  (_, [sf], [cf]) => ({
    s: 'the Supplier',
    c: 'the Customer',
    preamble: `This Agreement is made between ${sf} ("Supplier") and ${cf} ("Customer").`,
    names: false,
  }),
  (_, [sf], [cf]) => ({
    s: 'the Provider',
    c: 'the Client',
    preamble: `This Agreement is made between ${sf} (the "Provider") and ${cf} (the "Client").`,
    names: false,
  }),
  (_, [sf, ss], [cf, cs]) => ({
    s: ss,
    c: cs,
    preamble: `This Agreement is made between ${sf} ("${ss}"), which provides the Services, and ${cf} ("${cs}"), which receives them.`,
    names: true,
  }),
  (rng, [sf], [cf]) => {
    const supplierFirst = rng.chance(0.5);
    const [a, b] = supplierFirst ? [sf, cf] : [cf, sf];
    return {
      s: supplierFirst ? 'Party A' : 'Party B',
      c: supplierFirst ? 'Party B' : 'Party A',
      preamble: `This Agreement is made between ${a} ("Party A") and ${b} ("Party B"), under which ${supplierFirst ? 'Party A supplies the Services to Party B' : 'Party B supplies the Services to Party A'}.`,
      names: true,
    };
  },
  (_, [sf], [cf]) => ({
    s: 'the Vendor',
    c: 'the Purchaser',
    preamble: `This Agreement is made between ${sf} (the "Vendor") and ${cf} (the "Purchaser").`,
    names: false,
  }),
  (_, [sf, ss], [cf, cs]) => ({
    s: ss,
    c: cs,
    preamble: `Between ${cf} ("${cs}") and ${sf} ("${ss}"): under this Agreement ${ss} is the supplier of the Services and ${cs} its customer.`,
    names: true,
  }),
];

/** Word choices of the drafting (applied to clause bodies, headings and the schedule). */
const LEXICONS: [RegExp, string][][] = [
  [],
  [[/\bshall\b/g, 'will']],
  [
    [/\bshall\b/g, 'must'],
    [/\bAgreement\b/g, 'Contract'],
  ],
  [
    [/\bAgreement\b/g, 'Contract'],
    [/\bFees\b/g, 'Charges'],
  ],
  [
    [/\bshall\b/g, 'will'],
    [/\bFees\b/g, 'Charges'],
    [/\bwithout\b/g, 'with no'],
  ],
  [
    [/\bshall not\b/g, 'is not to'],
    [/\bshall\b/g, 'is to'],
    [/\bAgreement\b/g, 'Contract'],
  ],
];
const HEADING_STYLES: ((n: number, heading: string, body: string) => string)[] = [
  (n, heading, body) => `${n}. ${heading}. ${body}`,
  (n, heading, body) => `${n}. ${heading.toUpperCase()} – ${body}`,
  (n, heading, body) => `${n}. ${heading}: ${body}`,
];
const GENERIC_HEADINGS = [
  'General',
  'Miscellaneous',
  'Commercial Terms',
  'Further Provisions',
  'Other Terms',
];

// ---------------------------------------------------------------------------------------------
// Graded clauses: one frame for every risk level of a type; the risk turns on a number (a period,
// a notice, a cap), on which party is burdened, or on a cap, as the playbook says. Numbers come in
// many forms (45 days, forty-five (45) days, six weeks, a quarter, half a year) and a period may be
// "the same period as in clause 7", so the answer rests on that clause too.

/** A number of days, months, hours or years, in one of several forms. */
function days(rng: Rng, n: number): string {
  const forms = [`${n} days`, `${numberWords(n)} days`, `${numberWords(n)} (${n}) days`];
  if (n % 7 === 0)
    forms.push(n === 7 ? 'one week' : n === 14 ? 'a fortnight' : `${numberWords(n / 7)} weeks`);
  if (n === 30) forms.push('one month');
  if (n === 60) forms.push('two months');
  if (n === 90) forms.push('three months');
  if (n === 180) forms.push('six months');
  return rng.pick(forms);
}
function months(rng: Rng, n: number): string {
  if (n === 0.5) return rng.pick(['two weeks', 'fourteen days']);
  if (n === 1) return rng.pick(['one month', 'one (1) month', '1 month']);
  const forms = [`${n} months`, `${numberWords(n)} months`, `${numberWords(n)} (${n}) months`];
  if (n === 3) forms.push('one quarter');
  if (n === 12) forms.push('one year', 'twelve months');
  if (n % 12 === 0 && n > 12) forms.push(`${numberWords(n / 12)} years`);
  return rng.pick(forms);
}
function hours(rng: Rng, n: number): string {
  const forms = [`${n} hours`, `${numberWords(n)} hours`, `${numberWords(n)} (${n}) hours`];
  if (n % 24 === 0) forms.push(n === 24 ? 'one day' : `${numberWords(n / 24)} days`);
  if (n === 168) forms.push('one week', 'a week');
  if (n === 336) forms.push('two weeks', 'a fortnight');
  if (n === 720) forms.push('thirty days', 'one month');
  return rng.pick(forms.filter((f) => !/^(\d{3,}) hours$/.test(f) || n < 100));
}
function years(rng: Rng, n: number): string {
  if (n === 0.5) return rng.pick(['six months', 'half a year']);
  if (n === 1) return rng.pick(['one year', 'a year', 'twelve months']);
  return rng.pick([`${n} years`, `${numberWords(n)} years`, `${numberWords(n)} (${n}) years`]);
}

type Party = 'S' | 'C';
interface Graded {
  /** Frames; {X} is the burdened party, {Y} the other; {V} the value phrase. */
  frames: string[];
  /** Value drawn for a risk (unit: the type's own), and the risk a value gives. */
  values?: Record<Risk, number[]>;
  riskOf?: (v: number) => Risk;
  format?: (rng: Rng, v: number) => string;
  /** Which party may be burdened; when the customer is spared, the clause is low. */
  burdened?: Party[];
  /** Months-valued: may borrow the period of another clause ("the same period as in clause 7"). */
  months?: boolean;
}

const GRADED: Partial<Record<ClauseType, Graded>> = {
  payment: {
    frames: [
      '{C} shall pay each invoice within {V} of receipt.',
      'Each invoice is due for payment by {C} {V} after its date.',
      '{S} shall invoice monthly; payment by {C} falls due {V} after the invoice date.',
      'Payment terms are {V} net from the date of each invoice issued to {C}.',
    ],
    values: { low: [30, 45, 60, 90], medium: [15, 20, 21, 28], high: [5, 7, 10, 14] },
    riskOf: (v) => (v >= 30 ? 'low' : v >= 15 ? 'medium' : 'high'),
    format: days,
  },
  term_and_termination: {
    frames: [
      '{X} may terminate this Agreement for convenience on {V} written notice to {Y}.',
      '{X} may end this Agreement at any time without giving a reason by serving {V} notice on {Y}.',
      'On giving {Y} not less than {V} notice, {X} may terminate this Agreement without cause.',
      'This Agreement may be terminated by {X} for convenience, with {V} notice to {Y}; {Y} has no such right.',
    ],
    values: { low: [90, 120, 180], medium: [30, 45, 60], high: [7, 10, 14] },
    riskOf: (v) => (v >= 90 ? 'low' : v >= 30 ? 'medium' : 'high'),
    format: days,
    burdened: ['S', 'C'],
  },
  limitation_of_liability: {
    frames: [
      "Each party's aggregate liability under this Agreement is limited to the Fees paid in the {V} before the claim arose.",
      'Neither party shall be liable for more than the Fees paid or payable in the {V} preceding the event giving rise to the claim.',
      'The total liability of either party is capped at an amount equal to the Fees for {V}.',
    ],
    values: { low: [12, 18, 24, 36], medium: [3, 6, 9], high: [1, 0.5] },
    riskOf: (v) => (v >= 12 ? 'low' : v >= 3 ? 'medium' : 'high'),
    format: months,
    months: true,
  },
  confidentiality: {
    frames: [
      'The confidentiality obligations of both parties continue for {V} after termination.',
      "Each party shall keep the other's Confidential Information secret during this Agreement and for {V} afterwards.",
      'Confidential Information shall be protected by both parties until {V} after this Agreement ends.',
    ],
    values: { low: [5, 7, 10], medium: [2, 3, 4], high: [1, 0.5] },
    riskOf: (v) => (v >= 5 ? 'low' : v >= 2 ? 'medium' : 'high'),
    format: years,
  },
  data_protection: {
    frames: [
      '{S} shall notify {C} of any personal data breach within {V} of becoming aware of it.',
      '{S} shall report personal data breaches affecting data of {C} no later than {V} after discovery.',
      'Any personal data breach must be notified by {S} to {C} within {V}.',
    ],
    values: { low: [24, 36, 48], medium: [72, 96, 168], high: [336, 720] },
    riskOf: (v) => (v <= 48 ? 'low' : v <= 168 ? 'medium' : 'high'),
    format: hours,
  },
  non_solicitation: {
    frames: [
      '{X} shall not hire or engage any employee of {Y} who worked on the Services, during this Agreement and for {V} after it ends.',
      'For {V} after termination, {X} shall not solicit or employ staff of {Y} involved in the Services.',
      '{X} agrees not to recruit personnel of {Y} who worked on the Services until {V} after termination.',
    ],
    values: { low: [3, 6], medium: [9, 12], high: [18, 24, 36] },
    riskOf: (v) => (v <= 6 ? 'low' : v <= 12 ? 'medium' : 'high'),
    format: months,
    burdened: ['C', 'S'],
    months: true,
  },
  auto_renewal: {
    frames: [
      'This Agreement renews automatically for successive periods of {V} unless either party gives 30 days notice before the end of the current period.',
      'Unless terminated on 30 days notice before expiry, this Agreement is extended automatically by {V} at a time.',
      'At the end of each term this Agreement continues for a further {V} unless either party opts out 30 days before the renewal date.',
    ],
    values: { low: [1], medium: [12, 24, 36], high: [60, 84, 120] },
    riskOf: (v) => (v <= 1 ? 'low' : v <= 36 ? 'medium' : 'high'),
    format: months,
  },
  warranty: {
    frames: [
      '{S} warrants that the Services will conform to the Documentation for {V} after go-live.',
      'For {V} from acceptance, {S} shall remedy free of charge any failure of the Deliverables to meet the specification.',
      'The warranty period, during which {S} must fix defects at its own cost, is {V} from delivery.',
    ],
    values: { low: [12, 18, 24], medium: [3, 6, 9], high: [1, 0.5] },
    riskOf: (v) => (v >= 12 ? 'low' : v >= 3 ? 'medium' : 'high'),
    format: months,
    months: true,
  },
};
const INITIAL_PERIOD = [
  'a period equal to the Initial Term',
  'the length of the Initial Term',
  'as long as the Initial Term (Schedule 1)',
];
const TWICE_INITIAL = [
  'twice the Initial Term',
  'a period twice as long as the Initial Term',
  'double the Initial Term',
];
const HALF_INITIAL = ['half the Initial Term', 'a period half as long as the Initial Term'];
const LONGER_THAN = [
  '{more} more than the period in clause {k}',
  'the period in clause {k} plus {more}',
  '{more} longer than the period set in clause {k}',
];
/** Ways of describing the parties instead of naming them (a clause may use them). */
const DESCRIPTIONS: ([string, string] | null)[] = [
  null,
  ['the service provider', 'the service recipient'],
  ['the party providing the Services', 'the party receiving the Services'],
  ['the contractor', 'the buyer'],
  ['the party that performs the Services', 'the party that pays for them'],
];
const SAME_PERIOD = [
  'the same period as in clause {k}',
  'the period set out in clause {k}',
  'the period stated in clause {k}',
];

/** Indemnities and assignments: the risk turns on who is burdened and on a cap or a scope. */
const INDEMNITY_FRAMES = [
  "{X} shall indemnify {Y} against third-party claims arising from {X}'s breach of this Agreement, {cap}.",
  "{X} shall hold {Y} harmless from all losses caused by {X}'s negligence or breach, {cap}.",
  '{X} shall defend {Y} against any claim connected with the Services and pay the resulting losses, {cap}.',
];
const UNCAPPED = [
  'without limit',
  'with no cap on the amount',
  'without any financial limit',
  'in full and without any cap',
];
const CAPPED = [
  'up to EUR {k} thousand per claim',
  'subject to a cap equal to the Fees of the preceding {m} months',
  'limited to EUR {k} thousand in aggregate',
];
const ASSIGN_ANYONE = [
  '{X} may assign or novate this Agreement to any third party without notice to {Y}.',
  '{X} is free to transfer this Agreement to any person, without informing or asking {Y}.',
  '{X} may assign this Agreement, in whole or in part, to anyone it chooses and need not tell {Y}.',
];
const ASSIGN_AFFILIATE = [
  '{X} may assign this Agreement to any of its affiliates on written notice; {Y} may assign only with the consent of {X}.',
  '{X} may transfer this Agreement within its group of companies after notifying {Y}, while {Y} needs prior written consent.',
];

interface GradedClause {
  body: string;
  risk: Risk;
  /** The clause this one borrows a period from. */
  ref?: number;
  /** Months value, for later clauses to borrow. */
  months?: number;
  /** The period is the Initial Term of Schedule 1. */
  initial?: boolean;
}

function gradedClause(
  rng: Rng,
  set: CaseSet,
  type: ClauseType,
  wanted: Risk,
  s: string,
  c: string,
  earlierMonths: { n: number; v: number }[],
  initialTerm: number,
): GradedClause | undefined {
  const party = (p: Party) => (p === 'S' ? s : c);
  if (type === 'indemnity') {
    const x: Party = wanted === 'low' ? 'S' : 'C';
    const cap = wanted === 'high' ? rng.pick(UNCAPPED) : rng.pick(CAPPED);
    const frame = rng.pick(set.families('graded-indemnity', INDEMNITY_FRAMES, { public: 1, hidden: 2 }));
    const body = frame
      .replace('{cap}', cap)
      .replace(/\{X\}/g, party(x))
      .replace(/\{Y\}/g, party(x === 'S' ? 'C' : 'S'));
    return { body: wording(rng, body, s, c), risk: wanted };
  }
  if (type === 'assignment') {
    if (wanted === 'medium') {
      const frame = rng.pick(
        set.families('graded-assign-affiliate', ASSIGN_AFFILIATE, { public: 1, hidden: 1 }),
      );
      return { body: frame.replace(/\{X\}/g, s).replace(/\{Y\}/g, c), risk: 'medium' };
    }
    const x: Party = wanted === 'high' ? 'S' : 'C';
    const frame = rng.pick(set.families('graded-assign-anyone', ASSIGN_ANYONE, { public: 1, hidden: 2 }));
    return {
      body: frame.replace(/\{X\}/g, party(x)).replace(/\{Y\}/g, party(x === 'S' ? 'C' : 'S')),
      risk: wanted,
    };
  }
  const g = GRADED[type];
  if (!g) return undefined;
  const frame = rng.pick(set.families(`graded-${type}`, g.frames, { public: 1, hidden: 2 }));
  // A restriction or a right that falls on the supplier alone is no risk to the customer.
  const x: Party = g.burdened ? (rng.chance(0.25) ? g.burdened[1]! : g.burdened[0]!) : 'S';
  const spared = g.burdened !== undefined && x === g.burdened[1];
  let v = rng.pick(g.values![wanted]);
  let phrase = g.format!(rng, v);
  let ref: number | undefined;
  let initial = false;
  const borrow = rng.next();
  if (g.months && borrow < 0.15) {
    // As long as the Initial Term of Schedule 1.
    v = initialTerm;
    initial = true;
    phrase = rng.pick(INITIAL_PERIOD);
  } else if (g.months && borrow < 0.27) {
    // Worked out from the Initial Term.
    const twice = rng.chance(0.5);
    v = twice ? initialTerm * 2 : initialTerm / 2;
    initial = true;
    phrase = rng.pick(twice ? TWICE_INITIAL : HALF_INITIAL);
  } else if (g.months && earlierMonths.length > 0 && borrow < 0.55) {
    const other = rng.pick(earlierMonths);
    ref = other.n;
    if (rng.chance(0.4)) {
      // Worked out from another clause's period.
      const more = rng.pick([3, 6, 12]);
      v = other.v + more;
      phrase = rng.pick(LONGER_THAN).replace('{k}', String(other.n)).replace('{more}', months(rng, more));
    } else {
      v = other.v;
      phrase = rng.pick(SAME_PERIOD).replace('{k}', String(other.n));
    }
  }
  const risk: Risk = spared ? 'low' : g.riskOf!(v);
  const distractor = rng.chance(0.5) ? rng.pick(PERIOD_DISTRACTORS[type] ?? ['']) : '';
  const framed = !distractor ? frame : rng.chance(0.5) ? `${distractor} ${frame}` : `${frame} ${distractor}`;
  const body = framed
    .replace('{V}', phrase)
    .replace(/\{X\}/g, party(x))
    .replace(/\{Y\}/g, party(x === 'S' ? 'C' : 'S'))
    .replace(/\{S\}/g, s)
    .replace(/\{C\}/g, c);
  return { body, risk, ref, initial, months: g.months ? v : undefined };
}

const RISK_WEIGHTS = [0.38, 0.3, 0.32];

function wording(rng: Rng, text: string, s: string, c: string): string {
  const values: Record<string, () => string> = {
    S: () => s,
    C: () => c,
    n: () => String(rng.int(2, 9)),
    m: () => String(rng.pick([3, 6, 12, 18, 24, 36])),
    ml: () => String(rng.pick([12, 18, 24])),
    ms: () => String(rng.pick([3, 6])),
    y: () => String(rng.pick([2, 3, 5])),
    d: () => String(rng.pick([7, 10, 14, 30, 45, 60, 90])),
    dl: () => String(rng.pick([30, 45, 60, 90])),
    d2: () => String(rng.pick([15, 21, 30, 60])),
    h: () => String(rng.pick([24, 36, 48])),
    y5: () => String(rng.pick([5, 7, 10])),
    y24: () => String(rng.pick([2, 3, 4])),
    mmid: () => String(rng.pick([3, 6, 9])),
    msmall: () => String(rng.pick([3, 6])),
    mnine: () => String(rng.pick([9, 12])),
    mren: () => String(rng.pick([12, 24, 36])),
    dmid: () => String(rng.pick([15, 20, 21, 28])),
    k: () => String(rng.pick([50, 100, 250, 500, 750])),
    pct: () => String(rng.pick([3, 5, 8, 10, 15, 20, 25, 30])),
    place: () => rng.pick(HOME),
    far: () => rng.pick(FAR),
  };
  return text.replace(/\{(\w+)\}/g, (_, key: string) => values[key]?.() ?? key);
}

const TYPO_SAFE = /^(Supplier|Customer|Provider|Client|Vendor|Purchaser|Party)$/i;

export const generate: Generate<
  { title: string; contract: string },
  { clauses: Clause[]; high_risk: number[] }
> = (rng, _index, set: CaseSet) => {
  const supplier = rng.pick(SUPPLIERS);
  const customer = rng.pick(CUSTOMERS);
  const naming = rng.pick(set.families('naming', NAMINGS, { public: 2, hidden: 3 }))(rng, supplier, customer);
  const description = rng.pick(set.families('descriptions', DESCRIPTIONS, { public: 1, hidden: 3 }));
  const lexicon = rng.pick(set.families('lexicon', LEXICONS, { public: 1, hidden: 3 }));
  const style = rng.pick(set.families('heading-style', HEADING_STYLES, { public: 1, hidden: 2 }));
  const lex = (text: string) => lexicon.reduce((t, [re, to]) => t.replace(re, to), text);
  const { s, c } = naming;
  const title = rng.pick(CONTRACTS);
  const count = rng.int(14, 20);
  // Every type at most twice, in a plausible contract order (payment before liability …).
  const pool = rng.shuffle([...TYPES, ...rng.sample(TYPES, 8)]).slice(0, count);
  const order = new Map(TYPES.map((t, i) => [t, i]));
  pool.sort((a, b) => order.get(a)! - order.get(b)! || (rng.chance(0.5) ? 1 : -1));
  const headed = rng.chance(0.7);
  const used = new Set<string>();
  const clauses: Clause[] = [];
  const facts: {
    id: string;
    text: string;
    answers: Record<string, unknown>;
    evidence: Record<string, string[]>;
  }[] = [];
  const lines: string[] = [];
  const schedule: { line: string; n: number }[] = [];
  const earlierMonths: { n: number; v: number }[] = [];
  const initialTerm = rng.pick([12, 24, 36, 60]);
  const scheduleLayout = rng.pick(
    set.families('schedule-layout', SCHEDULE_LAYOUTS, { public: 1, hidden: 2 }),
  );
  const initialLine = lex(scheduleLayout('Initial Term', `${initialTerm} months from the Effective Date`));
  let usedInitial = false;
  for (const type of pool) {
    const n = clauses.length + 1;
    let risk = rng.weighted(['low', 'medium', 'high'] as Risk[], RISK_WEIGHTS);
    let body: string;
    let scheduleLine: string | undefined;
    let refText: string | undefined;
    const scheduled = SCHEDULED[type];
    const graded = rng.chance(0.6)
      ? gradedClause(rng, set, type, risk, s, c, earlierMonths, initialTerm)
      : undefined;
    if (graded) {
      body = graded.body;
      risk = graded.risk;
      if (graded.ref !== undefined) refText = lines[graded.ref - 1];
      if (graded.initial) {
        usedInitial = true;
        refText = initialLine;
      }
      if (graded.months !== undefined && graded.ref === undefined)
        earlierMonths.push({ n, v: graded.months });
    } else if (scheduled && !schedule.some((x) => x.line.includes(scheduled.term)) && rng.chance(0.45)) {
      // The clause names a defined term; its value, in Schedule 1, decides the risk.
      body = wording(
        rng,
        rng.pick(set.families(`sched-${type}`, scheduled.frames, { public: 1, hidden: 2 })),
        s,
        c,
      );
      scheduleLine = lex(scheduleLayout(scheduled.term, rng.pick(scheduled.values[risk])));
      schedule.push({ line: scheduleLine, n });
    } else {
      let options = WORDINGS[type][risk].filter((w) => !used.has(w));
      if (options.length === 0) {
        risk = (['low', 'medium', 'high'] as Risk[]).find((r) =>
          WORDINGS[type][r].some((w) => !used.has(w)),
        )!;
        options = WORDINGS[type][risk].filter((w) => !used.has(w));
      }
      const template = rng.pick(options);
      used.add(template);
      // A one-sided wording may run the other way: the same words with the parties swapped.
      const mirrored = MIRRORED[template] !== undefined && rng.chance(0.35);
      if (mirrored) risk = MIRRORED[template]!;
      body = mirrored ? wording(rng, template, c, s) : wording(rng, template, s, c);
    }
    // One more sentence may add a high term (the worst term decides) or rule one out.
    const modifiers = MODIFIERS[type];
    let modifier: string | undefined;
    if (modifiers && graded && rng.chance(0.5)) {
      const high = rng.chance(0.5);
      modifier = wording(
        rng,
        rng.pick(
          set.families(`mod-${type}-${high}`, high ? modifiers.high : modifiers.none, {
            public: 1,
            hidden: 1,
          }),
        ),
        s,
        c,
      );
      if (high) risk = 'high';
      body = `${body.replace(/\.?$/, '.')} ${capitalise(modifier)}`;
    }
    // Some drafters describe the parties instead of naming them.
    if (description && rng.chance(0.6)) {
      const [ds, dc] = description;
      body = body
        .split(s)
        .join('\u0001')
        .split(c)
        .join('\u0002')
        .split('\u0001')
        .join(ds)
        .split('\u0002')
        .join(dc);
    }
    body = capitalise(lex(body).replace(/(\. )(the )/g, (_, p: string, t: string) => p + capitalise(t)));
    const heading =
      set.kind === 'hidden' && rng.chance(0.25)
        ? rng.pick(GENERIC_HEADINGS)
        : rng.pick(set.families(`heading-${type}`, HEADINGS[type], { public: 1, hidden: 2 }));
    const text = scatterSwaps(rng, headed ? style(n, lex(heading), body) : `${n}. ${body}`, 0.03, TYPO_SAFE);
    clauses.push({ n, type, risk });
    const evidence: string[] = [PLAYBOOK[type]];
    if (naming.names) evidence.push(lex(naming.preamble));
    if (scheduleLine) evidence.push(scheduleLine);
    if (refText) evidence.push(refText);
    facts.push({
      id: `clause-${n}`,
      text,
      answers: { risk, clause_type: type },
      evidence: { risk: evidence },
    });
    lines.push(text);
  }
  const preamble = [
    title,
    '',
    naming.preamble,
    rng.chance(0.5)
      ? 'Capitalised terms have the meaning given in Schedule 1.'
      : 'Schedules form part of this Agreement.',
    '',
  ];
  const distractors = rng
    .sample(SCHEDULE_DISTRACTORS, rng.int(1, 3))
    .map((d) =>
      lex(
        d.replace('{m}', String(rng.pick([12, 24, 36]))).replace('{pct}', String(rng.pick([99, 99.5, 99.9]))),
      ),
    );
  const keyTerms = [...schedule.map((x) => x.line), ...(usedInitial || rng.chance(0.5) ? [initialLine] : [])];
  const scheduleBlock = keyTerms.length
    ? ['', 'Schedule 1 – Key Terms', ...rng.shuffle([...keyTerms, ...distractors])]
    : [];
  const signature = ['', `Signed for ${supplier[0]}: ____________  Signed for ${customer[0]}: ____________`];
  const contract = [...preamble.map(lex), ...lines, ...scheduleBlock, ...signature].join('\n');
  return {
    input: { title: `${title} – ${supplier[0]} / ${customer[0]}`, contract },
    expected: { clauses, high_risk: clauses.filter((cl) => cl.risk === 'high').map((cl) => cl.n) },
    facts,
  };
};
