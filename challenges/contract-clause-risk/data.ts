/**
 * The generator's tables: the clause types, their headings and their low-, medium- and high-risk
 * wordings, the clauses whose risk rests on Schedule 1, the period distractors and the modifiers.
 */

export type Risk = 'low' | 'medium' | 'high';

export const TYPES = [
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

export type ClauseType = (typeof TYPES)[number];

export const HEADINGS: Record<ClauseType, string[]> = {
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
export const WORDINGS: Record<ClauseType, Record<Risk, string[]>> = {
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
export const MIRRORED: Record<string, Risk> = {
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
export const SCHEDULED: Partial<
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

/** Sentences with periods that do not decide the risk (a careless reader takes the first number). */
export const PERIOD_DISTRACTORS: Partial<Record<ClauseType, string[]>> = {
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
export const MODIFIERS: Partial<Record<ClauseType, { high: string[]; none: string[] }>> = {
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
