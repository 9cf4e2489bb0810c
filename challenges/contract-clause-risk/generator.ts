import type { CaseSet, Generate, Rng } from '@reps/engine';
import { capitalise, numberWords, scatterSwaps } from '@reps/engine/generator-kit';

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
      '{C} shall pay undisputed invoices within {dl} days of receipt. Disputed amounts may be withheld in good faith while the parties resolve the dispute.',
      'Fees are fixed for the Initial Term as set out in Schedule {n}. {S} shall invoice monthly in arrears and {C} shall pay within {dl} days.',
    ],
    medium: [
      '{S} may increase the Fees once per year by up to {pct} percent on {d} days written notice. Invoices are payable within {dmid} days.',
      'Invoices are payable within {dmid} days. Late payments bear interest at {pct} percent per annum above the base rate of the central bank.',
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
      "Each party's total liability under this Agreement is limited to the Fees paid in the {ml} months before the claim, except for death or personal injury, fraud and breach of confidentiality, which are uncapped for both parties.",
      "Neither party excludes liability for fraud or gross negligence. Otherwise each party's aggregate liability is capped at {n} times the annual Fees.",
    ],
    medium: [
      "{S}'s aggregate liability is limited to the Fees paid in the {ms} months preceding the claim. Neither party is liable for loss of profits, revenue or data.",
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
      "Each party shall keep the other's Confidential Information secret and use it only for this Agreement, for {y5} years after termination, subject to the usual exceptions for information that is public or required by law.",
      'Both parties shall protect Confidential Information with at least reasonable care and return or destroy it within {d} days of termination.',
    ],
    medium: [
      'The confidentiality obligations in this clause survive for {y24} years after termination, after which either party may use information retained in its unaided memory.',
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
      '{S} warrants that the Deliverables will be free from material defects for {ml} months and will remedy any defect notified within that period at its own cost.',
    ],
    medium: [
      "{S} warrants that the Services will materially conform to the Documentation for {mmid} months after go-live; {C}'s sole remedy for breach is re-performance.",
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
      'This Agreement renews automatically for successive periods of {mren} months unless either party gives notice at least {d} days before the end of the current term.',
      "Renewal terms are at {S}'s then-current list prices, which may exceed the current Fees by up to {pct} percent.",
    ],
    high: [
      "This Agreement renews automatically for successive terms of {y} years at {S}'s then-current prices unless {C} gives notice by registered letter at least {d} days before the renewal date.",
      'Unless {C} gives notice in the {d} days before the end of the term, this Agreement renews for a further {y} years, and the renewal Fees are due in full in advance.',
    ],
  },
  non_solicitation: {
    low: [
      "During this Agreement and for {msmall} months afterwards, neither party shall actively solicit the other's staff who worked on the Services; general advertisements are not solicitation.",
      "Neither party shall solicit the other's key personnel for {msmall} months after termination, save with the other's written consent.",
    ],
    medium: [
      "If {C} hires any member of {S}'s staff within {m} months of termination, {C} shall pay a placement fee equal to {pct} percent of that person's annual salary.",
      '{C} shall not engage any individual who provided the Services, directly or through an agency, for {mnine} months after termination.',
    ],
    high: [
      '{C} shall not employ or engage any person employed by {S} or its affiliates at any time during the last {y} years, anywhere in the world, and shall pay EUR {k} thousand per breach as liquidated damages.',
      'For {y} years after termination {C} shall not hire anyone who has ever worked for {S}, nor use any other supplier for similar services.',
    ],
  },
};

/** Wordings whose obligation can fall on either party: mirrored (supplier and customer swapped), the risk to the customer is this. */
const MIRRORED: Record<string, Risk> = {
  '{S} may terminate this Agreement or suspend the Services at any time without cause and without liability. {C} may terminate only for material breach by {S} after a cure period of {d} days.':
    'low',
  "{C}'s liability under this Agreement is unlimited. {S} excludes all liability for any loss or damage arising from the Services, to the fullest extent permitted by law.":
    'low',
  '{C} shall indemnify and hold harmless {S} and its affiliates against any and all claims, losses, fines and costs arising from or in connection with this Agreement or the Services, without limit and whether or not caused by {S}.':
    'low',
  '{C} shall defend and indemnify {S} against all regulatory fines and third-party claims relating to the Services, including those caused by the negligence of {S}, without any cap.':
    'low',
  '{C} shall indemnify {S} against third-party claims arising from content that {C} uploads to the Services, up to the amount of Fees paid in the preceding {m} months.':
    'low',
  'Only {C} is bound by confidentiality. {S} may use and disclose any information received from {C} for any purpose, including for training its products and for marketing.':
    'low',
  "{S} may publish {C}'s name, logo and a description of the project and its results, including figures supplied by {C}, without prior approval.":
    'low',
  "All intellectual property created by either party in connection with this Agreement, including improvements to {C}'s own systems and data, vests in {S} absolutely.":
    'low',
  '{S} retains ownership of the Deliverables and grants {C} a non-exclusive licence to use them for the duration of this Agreement only.':
    'low',
  '{S} may assign, novate or subcontract this Agreement, in whole or in part, to any person without notice to {C}, and is released from its obligations on doing so.':
    'low',
  "{S} may assign this Agreement to any affiliate on {d} days notice; {C} may assign only with {S}'s prior written consent.":
    'low',
  '{C} shall not employ or engage any person employed by {S} or its affiliates at any time during the last {y} years, anywhere in the world, and shall pay EUR {k} thousand per breach as liquidated damages.':
    'low',
  "If {C} hires any member of {S}'s staff within {m} months of termination, {C} shall pay a placement fee equal to {pct} percent of that person's annual salary.":
    'low',
};

/** Clauses whose risk rests on a term defined in Schedule 1 (the value decides, per the playbook). */
const SCHEDULED: Partial<
  Record<ClauseType, { term: string; frames: string[]; values: Record<Risk, string[]> }>
> = {
  payment: {
    term: 'Payment Period',
    frames: [
      '{C} shall pay each undisputed invoice within the Payment Period set out in Schedule 1.',
      'Invoices are payable by {C} within the Payment Period (Schedule 1); disputed amounts may be withheld pending resolution.',
      '{S} shall invoice monthly and {C} shall settle each invoice within the Payment Period stated in Schedule 1.',
    ],
    values: {
      low: [
        '30 days from receipt of invoice',
        '45 days from receipt of invoice',
        '60 days from the end of the month of invoice',
      ],
      medium: [
        '21 days from the invoice date',
        '15 days from the invoice date',
        '20 days from receipt of invoice',
      ],
      high: [
        '7 days from the invoice date',
        '5 business days from the invoice date',
        '10 days from the invoice date',
      ],
    },
  },
  limitation_of_liability: {
    term: 'Liability Cap',
    frames: [
      "Each party's total aggregate liability under this Agreement shall not exceed the Liability Cap, save for fraud and death or personal injury.",
      'The liability of either party, however arising, is limited to the Liability Cap set out in Schedule 1.',
      'Except for fraud, neither party shall be liable for more than the Liability Cap (Schedule 1) in aggregate.',
    ],
    values: {
      low: [
        'the Fees paid in the 12 months before the claim',
        'the Fees paid in the 24 months before the claim',
        'twice the annual Fees',
        'three times the annual Fees',
      ],
      medium: [
        'the Fees paid in the 3 months before the claim',
        'the Fees paid in the 6 months before the claim',
      ],
      high: [
        'EUR 500 in aggregate',
        'EUR 750 in aggregate',
        'the Fees paid in the one month before the claim',
      ],
    },
  },
  auto_renewal: {
    term: 'Renewal Term',
    frames: [
      'At the end of the Initial Term this Agreement renews automatically for the Renewal Term unless either party gives notice at least 30 days before the end of the current term.',
      'This Agreement continues after the Initial Term for successive periods equal to the Renewal Term in Schedule 1 unless terminated on 30 days notice before a renewal date.',
      'Unless either party objects in writing 30 days before expiry, the Agreement is extended by the Renewal Term set out in Schedule 1.',
    ],
    values: {
      low: ['one month', 'one month at a time (month to month)'],
      medium: ['12 months', '24 months', '36 months'],
      high: ['five years', 'seven years', 'ten years'],
    },
  },
};
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
/** Sentences with periods that do not decide the risk (a careless reader takes the first number). */
const PERIOD_DISTRACTORS: Partial<Record<ClauseType, string[]>> = {
  payment: [
    '{S} shall issue invoices within 10 days of the end of each month.',
    'Invoices more than 24 months old may not be challenged.',
  ],
  term_and_termination: [
    'Either party may terminate for a material breach not remedied within 30 days.',
    'The first 6 months are a run-in period.',
  ],
  limitation_of_liability: [
    'Claims must be notified within 6 months of the event.',
    'Interest accrues on claims unpaid after 60 days.',
  ],
  confidentiality: [
    "Each party shall return the other's materials within 30 days of termination.",
    'Requests for disclosure by a court must be passed on within 2 days.',
  ],
  data_protection: [
    'Data subject requests are answered within 10 days.',
    'Audit reports are provided every 12 months.',
  ],
  non_solicitation: [
    'Hiring through general advertisements that ran for at least 2 weeks is not caught.',
    'Any consent requested under this clause is answered within 10 days.',
  ],
  auto_renewal: [
    'Price lists are published 60 days before each renewal.',
    'The customer may ask for a renewal quote up to 90 days in advance.',
  ],
  warranty: [
    'Defects must be reported within 5 business days of discovery.',
    'Fixes are delivered within 30 days of the report.',
  ],
};
/**
 * Sentences added to a clause: `high` ones add one of the playbook's high terms (a clause is rated
 * by its worst term, so it becomes high), `none` ones mention such a term only to rule it out.
 */
const MODIFIERS: Partial<Record<ClauseType, { high: string[]; none: string[] }>> = {
  payment: {
    high: [
      '{S} may also change the Fees at any time by notice.',
      'Fees remain payable even while {S} is in breach of this Agreement.',
    ],
    none: [
      '{S} may not change the Fees during the Initial Term.',
      'Nothing in this clause stops {C} from withholding an amount it disputes in good faith.',
    ],
  },
  term_and_termination: {
    high: [
      '{S} may also suspend the Services at any time without notice or cause.',
      'On any termination, {C} shall pay all Fees for the rest of the term.',
    ],
    none: [
      '{S} may not suspend the Services without giving 30 days notice.',
      'No Fees for the rest of the term are payable on termination.',
    ],
  },
  limitation_of_liability: {
    high: [
      'Notwithstanding the above, {S} has no liability at all for loss of data or for any failure of the Services, while the liability of {C} is unlimited.',
      'This limit does not apply to {C}, whose liability is unlimited, and {S} excludes all liability for loss of data.',
    ],
    none: [
      'The same limit applies to both parties, and neither excludes liability for loss of data.',
      'Neither party may rely on this limit in a case of fraud.',
    ],
  },
  confidentiality: {
    high: [
      '{S} may nonetheless use any information received from {C} to train its products and for marketing.',
      '{S} may publish the results of the project, including figures supplied by {C}, without approval.',
    ],
    none: [
      'Neither party may use information received from the other for training products or for marketing.',
      'Neither party may publish anything about the project without the approval of the other.',
    ],
  },
  data_protection: {
    high: [
      '{S} may also use the personal data for its own analytics and product development.',
      '{S} accepts no liability for any loss of personal data, however caused.',
    ],
    none: [
      '{S} may not use the personal data for any purpose of its own.',
      '{S} remains liable for any loss of personal data it causes.',
    ],
  },
  warranty: {
    high: [
      'Beyond this, the Services are provided as is and {S} may change or withdraw them without notice.',
      '{S} gives no other warranty, and the Services may stop at any time without notice.',
    ],
    none: [
      '{S} may not withdraw or change the Services in a way that reduces their functionality.',
      'This warranty is in addition to the warranties implied by law.',
    ],
  },
  non_solicitation: {
    high: [
      '{C} shall pay EUR 100 thousand per breach as liquidated damages, and the ban covers staff of every affiliate of {S}, anywhere in the world.',
      'The same ban applies worldwide to anyone who has ever worked for {S} or its affiliates.',
    ],
    none: [
      'General advertisements are not solicitation.',
      'The ban does not cover staff who left {S} more than a year earlier.',
    ],
  },
  auto_renewal: {
    high: [
      'Renewal Fees are due in full in advance at the then-current prices of {S}.',
      'Each renewal is at the then-current prices of {S}, payable in advance.',
    ],
    none: [
      'Renewal Fees are invoiced monthly in arrears at the prices of the Initial Term.',
      'Prices do not change on renewal.',
    ],
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
