import type { Generate, Rng } from '@reps/engine';

/**
 * A supplier-side commercial agreement (SaaS, services, supply, licence) of 14–20 numbered clauses
 * as the client's procurement team receives it. Each clause has a type and a risk for the client
 * (the customer). The same type comes in low-, medium- and high-risk wordings: a mutual cap of
 * twelve months' fees is routine, an uncapped one-way indemnity is not.
 */

type Risk = 'low' | 'medium' | 'high';
const TYPES = [
  'payment',
  'term_and_termination',
  'limitation_of_liability',
  'indemnity',
  'confidentiality',
  'intellectual_property',
  'data_protection',
  'warranty',
  'governing_law',
  'assignment',
  'auto_renewal',
  'non_solicitation',
] as const;
type ClauseType = (typeof TYPES)[number];

interface Clause {
  n: number;
  type: ClauseType;
  risk: Risk;
}

const HEADINGS: Record<ClauseType, string[]> = {
  payment: ['Fees and Payment', 'Charges', 'Invoicing and Payment'],
  term_and_termination: ['Term and Termination', 'Duration', 'Termination'],
  limitation_of_liability: ['Limitation of Liability', 'Liability', 'Exclusions and Limits'],
  indemnity: ['Indemnities', 'Indemnification', 'Third-Party Claims'],
  confidentiality: ['Confidentiality', 'Confidential Information', 'Non-Disclosure'],
  intellectual_property: ['Intellectual Property', 'Ownership of Deliverables', 'IP Rights'],
  data_protection: ['Data Protection', 'Personal Data', 'Processing of Personal Data'],
  warranty: ['Warranties', 'Service Warranty', 'Representations'],
  governing_law: ['Governing Law and Jurisdiction', 'Applicable Law', 'Disputes'],
  assignment: ['Assignment', 'Transfer of Rights', 'Subcontracting and Assignment'],
  auto_renewal: ['Renewal', 'Automatic Renewal', 'Extension'],
  non_solicitation: ['Non-Solicitation', 'Staff', 'Restrictions on Hiring'],
};

// {S} supplier, {C} customer, {n} a number, {m} months, {d} days, {place}, {pct}
const WORDINGS: Record<ClauseType, Record<Risk, string[]>> = {
  payment: {
    low: [
      '{C} shall pay undisputed invoices within {d} days of receipt. Disputed amounts may be withheld in good faith while the parties resolve the dispute.',
      'Fees are fixed for the Initial Term as set out in Schedule {n}. {S} shall invoice monthly in arrears and {C} shall pay within {d} days.',
    ],
    medium: [
      '{S} may increase the Fees once per year by up to {pct} percent on {d} days written notice. Invoices are payable within {d2} days.',
      'Invoices are payable within {d} days. Late payments bear interest at {pct} percent per annum above the base rate of the central bank.',
    ],
    high: [
      '{S} may vary the Fees at any time by notice, with immediate effect. {C} shall pay all invoices within seven days and may not withhold or set off any amount for any reason.',
      'All Fees are payable annually in advance and are non-refundable in all circumstances, including termination by {C} for breach by {S}.',
    ],
  },
  term_and_termination: {
    low: [
      'Either party may terminate this Agreement for convenience on {d} days written notice, and either party may terminate immediately if the other commits a material breach that is not remedied within {d2} days.',
      'This Agreement runs for {m} months. {C} may terminate on {d} days notice and shall receive a pro rata refund of prepaid Fees.',
    ],
    medium: [
      'This Agreement has a minimum term of {m} months, after which either party may terminate on {d} days notice. Early termination by {C} requires payment of {pct} percent of the remaining Fees.',
      '{S} may suspend the Services on {d} days notice if undisputed invoices remain unpaid for more than {d2} days.',
    ],
    high: [
      '{S} may terminate this Agreement or suspend the Services at any time without cause and without liability. {C} may terminate only for material breach by {S} after a cure period of {d} days.',
      'On any termination {C} shall pay all Fees for the remainder of the term, which is {m} months, and {S} may delete {C} data immediately without providing an export.',
    ],
  },
  limitation_of_liability: {
    low: [
      "Each party's total liability under this Agreement is limited to the Fees paid in the {m} months before the claim, except for death or personal injury, fraud and breach of confidentiality, which are uncapped for both parties.",
      "Neither party excludes liability for fraud or gross negligence. Otherwise each party's aggregate liability is capped at {n} times the annual Fees.",
    ],
    medium: [
      "{S}'s aggregate liability is limited to the Fees paid in the {m} months preceding the claim. Neither party is liable for loss of profits, revenue or data.",
      '{S} shall not be liable for indirect or consequential loss, including loss of data. Its total liability is capped at EUR {k} thousand.',
    ],
    high: [
      "{S}'s total liability under or in connection with this Agreement shall not exceed EUR {n} hundred in aggregate, and {S} shall have no liability whatsoever for loss of data, however caused.",
      "{C}'s liability under this Agreement is unlimited. {S} excludes all liability for any loss or damage arising from the Services, to the fullest extent permitted by law.",
    ],
  },
  indemnity: {
    low: [
      'Each party shall indemnify the other against third-party claims to the extent caused by its own breach of this Agreement, subject to the limits in clause {n}.',
      "{S} shall defend {C} against any claim that the Services infringe a third party's intellectual property rights and pay any damages finally awarded.",
    ],
    medium: [
      '{C} shall indemnify {S} against third-party claims arising from content that {C} uploads to the Services, up to the amount of Fees paid in the preceding {m} months.',
      'Each party shall indemnify the other against claims arising from its negligence; the indemnity is capped at EUR {k} thousand per claim.',
    ],
    high: [
      '{C} shall indemnify and hold harmless {S} and its affiliates against any and all claims, losses, fines and costs arising from or in connection with this Agreement or the Services, without limit and whether or not caused by {S}.',
      '{C} shall defend and indemnify {S} against all regulatory fines and third-party claims relating to the Services, including those caused by the negligence of {S}, without any cap.',
    ],
  },
  confidentiality: {
    low: [
      "Each party shall keep the other's Confidential Information secret and use it only for this Agreement, for {m} months after termination, subject to the usual exceptions for information that is public or required by law.",
      'Both parties shall protect Confidential Information with at least reasonable care and return or destroy it within {d} days of termination.',
    ],
    medium: [
      'The confidentiality obligations in this clause survive for {n} years after termination, after which either party may use information retained in its unaided memory.',
      '{C} shall keep the terms of this Agreement confidential. {S} may disclose them to its affiliates, auditors and potential investors.',
    ],
    high: [
      'Only {C} is bound by confidentiality. {S} may use and disclose any information received from {C} for any purpose, including for training its products and for marketing.',
      "{S} may publish {C}'s name, logo and a description of the project and its results, including figures supplied by {C}, without prior approval.",
    ],
  },
  intellectual_property: {
    low: [
      'All Deliverables created specifically for {C} under this Agreement, and all intellectual property rights in them, vest in {C} on payment.',
      'Each party keeps its pre-existing intellectual property. {S} grants {C} a perpetual, royalty-free licence to use the Deliverables for its business.',
    ],
    medium: [
      '{S} retains ownership of the Deliverables and grants {C} a non-exclusive licence to use them for the duration of this Agreement only.',
      'Intellectual property in the Deliverables passes to {C} only when all Fees under this Agreement, including any disputed amounts, have been paid.',
    ],
    high: [
      "All intellectual property created by either party in connection with this Agreement, including improvements to {C}'s own systems and data, vests in {S} absolutely.",
      '{C} assigns to {S} all rights in any feedback, data and materials it provides, and waives all moral rights, without any further payment.',
    ],
  },
  data_protection: {
    low: [
      "{S} shall process personal data only on {C}'s documented instructions, under the data processing agreement in Schedule {n}, and shall notify {C} of any personal data breach within {h} hours.",
      '{S} shall host all personal data within the European Economic Area and shall not appoint a sub-processor without {d} days prior notice, giving {C} a right to object.',
    ],
    medium: [
      '{S} may transfer personal data outside the European Economic Area under standard contractual clauses and shall notify {C} of personal data breaches without undue delay.',
      '{S} may appoint sub-processors by updating the list on its website; {C} is deemed to accept any change it does not object to within {d} days.',
    ],
    high: [
      '{S} may process personal data supplied by {C} for its own purposes, including analytics and product development, and may share it with its partners.',
      '{S} has no obligation to notify {C} of security incidents and accepts no liability for any loss or disclosure of personal data, however caused.',
    ],
  },
  warranty: {
    low: [
      '{S} warrants that the Services will be performed with reasonable skill and care and will materially conform to the Documentation for the term of this Agreement.',
      '{S} warrants that the Deliverables will be free from material defects for {m} months and will remedy any defect notified within that period at its own cost.',
    ],
    medium: [
      "{S} warrants that the Services will materially conform to the Documentation for {d} days after go-live; {C}'s sole remedy for breach is re-performance.",
      "The Services are warranted to be available {pct} percent of each month; service credits are {C}'s sole and exclusive remedy for any shortfall.",
    ],
    high: [
      'The Services and Deliverables are provided "as is" and {S} gives no warranty of any kind, express or implied, including fitness for purpose or that they will operate without error.',
      '{S} disclaims all warranties, and {C} accepts that the Services may be unavailable or change without notice at any time.',
    ],
  },
  governing_law: {
    low: [
      'This Agreement is governed by the laws of {place}, and the courts of {place} have exclusive jurisdiction over any dispute.',
      'Disputes shall first be escalated to senior managers for {d} days and then submitted to the courts of {place}, whose law governs this Agreement.',
    ],
    medium: [
      'This Agreement is governed by the laws of {far}. Disputes shall be resolved by arbitration seated in {far} in the English language.',
      'The parties submit to the jurisdiction of the courts of {far}, although {S} may also bring proceedings in any other court of competent jurisdiction.',
    ],
    high: [
      'This Agreement is governed by the laws of {far}. {C} waives any right to a jury trial and to bring class actions, and must bring any claim within {d} days of the event giving rise to it.',
      '{S} may choose the governing law and the forum for any dispute at the time the dispute arises, and {C} irrevocably agrees to that choice.',
    ],
  },
  assignment: {
    low: [
      'Neither party may assign or transfer this Agreement without the prior written consent of the other, not to be unreasonably withheld.',
      'Either party may assign this Agreement to a successor in a merger or sale of substantially all of its assets on written notice to the other.',
    ],
    medium: [
      '{S} may subcontract any part of the Services without consent but remains responsible for its subcontractors. {C} may not assign this Agreement without consent.',
      "{S} may assign this Agreement to any affiliate on {d} days notice; {C} may assign only with {S}'s prior written consent.",
    ],
    high: [
      '{S} may assign, novate or subcontract this Agreement, in whole or in part, to any person without notice to {C}, and is released from its obligations on doing so.',
      "{S} may transfer this Agreement, together with {C}'s data, to any third party, including a competitor of {C}, without consent.",
    ],
  },
  auto_renewal: {
    low: [
      'This Agreement expires at the end of the Initial Term unless the parties agree in writing to renew it.',
      'At the end of the Initial Term this Agreement continues month to month until either party gives {d} days notice.',
    ],
    medium: [
      'This Agreement renews automatically for successive periods of {m} months unless either party gives notice at least {d} days before the end of the current term.',
      "Renewal terms are at {S}'s then-current list prices, which may exceed the current Fees by up to {pct} percent.",
    ],
    high: [
      "This Agreement renews automatically for successive terms of {y} years at {S}'s then-current prices unless {C} gives notice by registered letter at least {d} days before the renewal date.",
      'Unless {C} gives notice in the {d} days before the end of the term, this Agreement renews for a further {y} years, and the renewal Fees are due in full in advance.',
    ],
  },
  non_solicitation: {
    low: [
      "During this Agreement and for {m} months afterwards, neither party shall actively solicit the other's staff who worked on the Services; general advertisements are not solicitation.",
      "Neither party shall solicit the other's key personnel for {m} months after termination, save with the other's written consent.",
    ],
    medium: [
      "If {C} hires any member of {S}'s staff within {m} months of termination, {C} shall pay a placement fee equal to {pct} percent of that person's annual salary.",
      '{C} shall not engage any individual who provided the Services, directly or through an agency, for {m} months after termination.',
    ],
    high: [
      '{C} shall not employ or engage any person employed by {S} or its affiliates at any time during the last {y} years, anywhere in the world, and shall pay EUR {k} thousand per breach as liquidated damages.',
      'For {y} years after termination {C} shall not hire anyone who has ever worked for {S}, nor use any other supplier for similar services.',
    ],
  },
};

const SUPPLIERS = [
  'Nimbus Cloud Services Ltd',
  'Corvid Analytics GmbH',
  'Bramley IT Solutions Ltd',
  'Helix Systems B.V.',
  'Quantum Ledger Inc.',
  'Sable Logistics Software S.A.',
  'Orchard Data Ltd',
  'Vireo Consulting LLP',
  'Kestrel Security AB',
  'Tessera Labs Oy',
  'Marlow Print Supplies Ltd',
  'Aurelia Facilities Ltd',
];
const CUSTOMERS = [
  'Harbourside Health NHS Trust',
  'Glenmore Foods plc',
  'Altamira Retail S.L.',
  'Fjord Mobility AS',
  'Pemberton Insurance Ltd',
  'Castellan Hotels Group',
  'Riverside University',
  'Stellar Pharma GmbH',
  'Coastal Water Utility',
  'Ridgeway Building Society',
  'Lumière Cosmetics SAS',
  'Oakridge Council',
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
const SHORT_S = ['the Supplier', 'the Provider', 'the Vendor'];
const SHORT_C = ['the Customer', 'the Client'];

// Routine clauses dominate; a few one-sided ones hide among them.
const RISK_WEIGHTS = [0.45, 0.3, 0.25];

function wording(rng: Rng, text: string, s: string, c: string): string {
  const values: Record<string, () => string> = {
    S: () => s,
    C: () => c,
    n: () => String(rng.int(2, 9)),
    m: () => String(rng.pick([3, 6, 12, 18, 24, 36])),
    y: () => String(rng.pick([2, 3, 5])),
    d: () => String(rng.pick([7, 10, 14, 30, 45, 60, 90])),
    d2: () => String(rng.pick([15, 21, 30, 60])),
    h: () => String(rng.pick([24, 36, 48, 72])),
    k: () => String(rng.pick([50, 100, 250, 500, 750])),
    pct: () => String(rng.pick([3, 5, 8, 10, 15, 20, 25, 30])),
    place: () => rng.pick(HOME),
    far: () => rng.pick(FAR),
  };
  const filled = text.replace(/\{(\w+)\}/g, (_, key: string) => values[key]?.() ?? key);
  return filled.charAt(0).toUpperCase() + filled.slice(1);
}

const cap = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

export const generate: Generate<
  { title: string; contract: string },
  { clauses: Clause[]; high_risk: number[] }
> = (rng) => {
  const supplier = rng.pick(SUPPLIERS);
  const customer = rng.pick(CUSTOMERS);
  const s = rng.pick(SHORT_S);
  const c = rng.pick(SHORT_C);
  const title = rng.pick(CONTRACTS);
  const count = rng.int(14, 20);
  // Every type at most twice, in a plausible contract order (payment before liability …).
  const pool = rng.shuffle([...TYPES, ...rng.sample(TYPES, 8)]).slice(0, count);
  const order = new Map(TYPES.map((t, i) => [t, i]));
  pool.sort((a, b) => order.get(a)! - order.get(b)! || (rng.chance(0.5) ? 1 : -1));
  const headed = rng.chance(0.7);
  const used = new Set<string>();
  const clauses: Clause[] = [];
  const facts: { id: string; text: string; answers: Record<string, unknown> }[] = [];
  const lines: string[] = [];
  for (const type of pool) {
    const n = clauses.length + 1;
    let risk = rng.weighted(['low', 'medium', 'high'] as Risk[], RISK_WEIGHTS);
    let options = WORDINGS[type][risk].filter((w) => !used.has(w));
    if (options.length === 0) {
      risk = (['low', 'medium', 'high'] as Risk[]).find((r) => WORDINGS[type][r].some((w) => !used.has(w)))!;
      options = WORDINGS[type][risk].filter((w) => !used.has(w));
    }
    const template = rng.pick(options);
    used.add(template);
    let body = wording(rng, template, cap(s) === s ? s : s, c)
      .replaceAll(`. ${s}`, `. ${cap(s)}`)
      .replaceAll(`. ${c}`, `. ${cap(c)}`);
    body = cap(body);
    const text = headed ? `${n}. ${rng.pick(HEADINGS[type])}. ${body}` : `${n}. ${body}`;
    clauses.push({ n, type, risk });
    facts.push({ id: `clause-${n}`, text, answers: { risk, clause_type: type } });
    lines.push(text);
  }
  const preamble = [
    title,
    '',
    `This Agreement is made between ${supplier} (${s.replace('the ', '"')}") and ${customer} (${c.replace('the ', '"')}").`,
    rng.chance(0.5)
      ? 'Capitalised terms have the meaning given in Schedule 1.'
      : 'Schedules form part of this Agreement.',
    '',
  ];
  const signature = ['', `Signed for ${supplier}: ____________  Signed for ${customer}: ____________`];
  const contract = [...preamble, ...lines, ...signature].join('\n');
  return {
    input: { title: `${title} – ${supplier} / ${customer}`, contract },
    expected: { clauses, high_risk: clauses.filter((cl) => cl.risk === 'high').map((cl) => cl.n) },
    facts,
  };
};
