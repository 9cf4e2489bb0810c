import type { Generate, Rng } from '@reps/engine';

/**
 * A day's first-notice-of-loss queue for a home contents insurer. Each case is one policy wording
 * (limits vary per case) and 12–18 claims; each claim's right decision, clause and fraud flag follow
 * from the wording and the facts in its summary, so a careful reader (or model) can get every one.
 */

interface Claim {
  claim_id: string;
  summary: string;
}
interface Input {
  policy: string;
  claims: Claim[];
}
type Decision = 'approve' | 'deny' | 'refer';
interface Triage {
  claim_id: string;
  decision: Decision;
  fraud_flag: boolean;
  clause: string;
}
interface Expected {
  triage: Triage[];
}

interface Terms {
  insurer: string;
  product: string;
  itemLimit: number;
  unoccupiedDays: number;
  newPolicyDays: number;
  lateDays: number;
  excess: number;
}

const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];
const MONTH_DAYS = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** Day 0 is 1 January 2024 (a leap year); days past the year's end roll into 2025. */
function formatDay(day: number, style: number): string {
  let d = day;
  let year = 2024;
  let m = 0;
  for (;;) {
    const length = m === 1 && year !== 2024 ? 28 : MONTH_DAYS[m]!;
    if (d < length) break;
    d -= length;
    m++;
    if (m === 12) {
      m = 0;
      year++;
    }
  }
  const dd = d + 1;
  if (style === 0) return `${dd} ${MONTHS[m]} ${year}`;
  if (style === 1) return `${String(dd).padStart(2, '0')}/${String(m + 1).padStart(2, '0')}/${year}`;
  return `${MONTHS[m]} ${dd}, ${year}`;
}

/** £1,250: grouped by hand so no locale data is needed in the sandbox. */
function money(n: number): string {
  return `£${String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ',')}`;
}

const FIRST = [
  'Priya',
  'Tom',
  'Aisha',
  'Gareth',
  'Mei',
  'Oluwaseun',
  'Hannah',
  'Rafael',
  'Siobhan',
  'Declan',
  'Fatima',
  'Lukas',
  'Chloe',
  'Imran',
  'Beatriz',
  'Callum',
  'Noor',
  'Eleanor',
  'Kwame',
  'Agnieszka',
  'Jonah',
  'Rosa',
  'Dev',
  'Martha',
];
const LAST = [
  'Natarajan',
  'Whitfield',
  'Okafor',
  'Llewellyn',
  'Chen',
  'Adeyemi',
  'Brennan',
  'Costa',
  'Ní Bhriain',
  'Murphy',
  'Haddad',
  'Becker',
  'Thompson',
  'Qureshi',
  'Alves',
  'MacLeod',
  'Rahman',
  'Fairbairn',
  'Mensah',
  'Kowalska',
  'Pryce',
  'Delgado',
  'Varma',
  'Holloway',
];
const TOWNS = [
  'Leeds',
  'Cardiff',
  'Bristol',
  'Norwich',
  'Glasgow',
  'Derby',
  'Exeter',
  'Belfast',
  'York',
  'Swansea',
  'Reading',
  'Preston',
];

type Peril = 'theft' | 'accidental' | 'water' | 'storm';

const PERIL_CLAUSE: Record<Peril, string> = {
  theft: '2.1',
  accidental: '2.2',
  water: '2.3',
  storm: '2.4',
};

const ITEMS: Record<Peril, string[]> = {
  theft: [
    'a laptop',
    'two bicycles',
    'jewellery from the bedroom',
    'a games console and controllers',
    'a camera and lenses',
    'a handbag and a tablet',
    'a television',
  ],
  accidental: [
    'a television knocked off its stand',
    'a laptop with coffee spilled on it',
    'a mirror broken while moving furniture',
    'a sofa stained with paint',
    'a phone dropped in the bath',
    'a glass dining table cracked',
  ],
  water: [
    'carpets and a sofa after a burst pipe',
    'flooring ruined by a leaking washing machine hose',
    'a ceiling and a bed soaked by a failed tank',
    'books and a rug after a radiator valve burst',
  ],
  storm: [
    'garden furniture and a shed roof after high winds',
    'a conservatory roof panel blown in',
    'a fence and a greenhouse flattened in a storm',
    'a skylight smashed by hail',
  ],
};

const STORIES: Record<Peril, string[]> = {
  theft: [
    'came home to find the back door forced and {items} missing',
    'reports a break-in through a smashed kitchen window; {items} were taken',
    'returned from work to find the patio door lock snapped and {items} gone',
  ],
  accidental: ['says {items}', 'reports accidental damage: {items}', 'explains that {items}'],
  water: ['reports water damage to {items}', 'found {items}', 'describes damage to {items}'],
  storm: ['reports storm damage to {items}', 'says the storm damaged {items}', 'found {items}'],
};

type Scenario =
  | { kind: 'approve'; peril: Peril }
  | { kind: 'wear' }
  | { kind: 'unlocked' }
  | { kind: 'unoccupied' }
  | { kind: 'business' }
  | { kind: 'over_limit'; peril: Peril }
  | { kind: 'new_policy'; peril: Peril };

const EXCLUSION_CLAUSE = { wear: '3.1', unlocked: '3.2', unoccupied: '3.3', business: '3.4' } as const;

function policyText(t: Terms): string {
  return [
    `${t.insurer} — ${t.product} (policy wording, claims handling extract)`,
    '',
    'Section 2: What is covered',
    '2.1 Theft. We cover theft of contents from the home, provided there was forcible and violent entry to or exit from the home.',
    '2.2 Accidental damage. We cover sudden and unintended physical damage to contents in the home.',
    '2.3 Escape of water. We cover damage caused by water escaping from a fixed water or heating installation, a washing machine or a dishwasher.',
    '2.4 Storm. We cover damage to contents, including garden furniture, caused by storm, high winds or hail.',
    '',
    'Section 3: What is not covered',
    '3.1 Wear and tear. We do not cover damage that happens gradually, including wear and tear, rot, damp, mould or a slow leak that was not fixed.',
    '3.2 Unlocked home. We do not cover theft when there was no forcible entry, including when a door or window was left open or unlocked.',
    `3.3 Unoccupied home. We do not cover theft or escape of water while the home has been unoccupied for more than ${t.unoccupiedDays} consecutive days.`,
    '3.4 Business use. We do not cover equipment or stock used for a business, trade or profession.',
    '',
    'Section 4: Claims we refer to a senior handler',
    `4.1 High-value items. Any single item valued above ${money(t.itemLimit)} is referred for validation before settlement.`,
    `4.2 New policies. Any claim for an incident within ${t.newPolicyDays} days of the policy start date is referred for review.`,
    '',
    'Section 5: Fraud indicators (flag the claim; the flag does not by itself change the decision)',
    `5.1 Flag a claim reported more than ${t.lateDays} days after the incident, a claim with two or more previous claims in the last 12 months, or a claim over ${money(1000)} with no proof of ownership.`,
    '',
    `Excess: ${money(t.excess)} per claim. Where a claim is excluded under Section 3 it is declined even if Section 4 would apply.`,
  ].join('\n');
}

function pickScenario(rng: Rng): Scenario {
  const peril = rng.pick(['theft', 'accidental', 'water', 'storm'] as const);
  const kind = rng.weighted(
    ['approve', 'wear', 'unlocked', 'unoccupied', 'business', 'over_limit', 'new_policy'] as const,
    [40, 9, 9, 7, 7, 14, 14],
  );
  if (kind === 'approve' || kind === 'over_limit' || kind === 'new_policy') return { kind, peril };
  return { kind };
}

interface Built {
  summary: string;
  triage: Omit<Triage, 'claim_id'>;
}

function buildClaim(rng: Rng, t: Terms, policyStart: number, name: string, town: string): Built {
  const scenario = pickScenario(rng);
  const dateStyle = rng.int(0, 2);
  // Incident day: well after the policy start unless the scenario is about a new policy.
  const incident =
    scenario.kind === 'new_policy'
      ? policyStart + rng.int(1, t.newPolicyDays - 1)
      : policyStart + rng.int(t.newPolicyDays + 5, t.newPolicyDays + 200);
  const fraudReason = rng.weighted(['none', 'late', 'history', 'no_proof'] as const, [76, 8, 8, 8]);
  const reportDelay = fraudReason === 'late' ? rng.int(t.lateDays + 3, t.lateDays + 60) : rng.int(0, 9);
  const previous = fraudReason === 'history' ? rng.int(2, 4) : rng.weighted([0, 1], [75, 25]);
  let amount: number;
  if (scenario.kind === 'over_limit') amount = t.itemLimit + rng.int(2, 40) * 50;
  else amount = rng.int(4, Math.floor((t.itemLimit - 50) / 50)) * 50 + rng.pick([0, 0, 20, 49]);
  if (fraudReason === 'no_proof' && amount <= 1000) amount = 1000 + rng.int(2, 10) * 45;
  const proof =
    fraudReason === 'no_proof'
      ? rng.pick(['no receipts or photos are available', 'the customer has no proof of purchase'])
      : amount > 1000
        ? rng.pick(['receipts supplied', 'bank statement and photos supplied', 'original invoice supplied'])
        : rng.pick(['receipts supplied', 'photos supplied', 'no receipts (low value)']);

  let story: string;
  let decision: Decision;
  let clause: string;
  switch (scenario.kind) {
    case 'approve':
    case 'over_limit':
    case 'new_policy': {
      const items = rng.pick(ITEMS[scenario.peril]);
      story = rng.pick(STORIES[scenario.peril]).replace('{items}', items);
      if (scenario.kind === 'approve') {
        decision = 'approve';
        clause = PERIL_CLAUSE[scenario.peril];
      } else {
        decision = 'refer';
        clause = scenario.kind === 'over_limit' ? '4.1' : '4.2';
      }
      break;
    }
    case 'wear':
      story = rng.pick([
        'reports a ceiling stain and swollen floorboards from a drip under the sink that had been noticed for months',
        'says the sofa fabric has worn through and the frame has gone soft with damp',
        'reports mould on fitted wardrobes and clothes from long-standing condensation',
      ]);
      decision = 'deny';
      clause = EXCLUSION_CLAUSE.wear;
      break;
    case 'unlocked':
      story = rng.pick([
        'says a laptop and a wallet were taken from the hallway while the front door was left on the latch',
        'reports that bikes were taken from the house after a back door was left unlocked overnight; there is no sign of forced entry',
        'believes someone walked in through an open ground-floor window and took a tablet; nothing was damaged',
      ]);
      decision = 'deny';
      clause = EXCLUSION_CLAUSE.unlocked;
      break;
    case 'unoccupied': {
      const away = t.unoccupiedDays + rng.int(5, 40);
      story = rng.pick([
        `returned after ${away} days working abroad to find a burst pipe had soaked the downstairs rooms`,
        `came back from a ${away}-day stay with family to find the back door forced and a television gone`,
        `was away for ${away} consecutive days; on return the flat had been broken into and jewellery taken`,
      ]);
      decision = 'deny';
      clause = EXCLUSION_CLAUSE.unoccupied;
      break;
    }
    case 'business':
      story = rng.pick([
        'reports that photography equipment used for paid wedding shoots was stolen in a break-in',
        'says stock for an online craft shop, kept in the spare room, was ruined by a burst pipe',
        'reports a break-in in which tools used in a plastering business were taken',
      ]);
      decision = 'deny';
      clause = EXCLUSION_CLAUSE.business;
      break;
  }
  const lines = [
    `${name} (${town}) ${story}.`,
    `Incident date ${formatDay(incident, dateStyle)}; reported ${formatDay(incident + reportDelay, dateStyle)}; policy start ${formatDay(policyStart, dateStyle)}.`,
    `Amount claimed ${money(amount)}; the most valuable item is valued at ${money(scenario.kind === 'over_limit' ? amount : Math.max(50, Math.round((amount * rng.float(0.4, 0.9)) / 10) * 10))}; ${proof}.`,
    `Previous claims in the last 12 months: ${previous === 0 ? 'none' : previous}.`,
  ];
  return {
    summary: lines.join(' '),
    triage: { decision, fraud_flag: fraudReason !== 'none', clause },
  };
}

export const generate: Generate<Input, Expected> = (rng, index) => {
  const terms: Terms = {
    insurer: rng.pick(['Harbourline Insurance', 'Northgate Mutual', 'Kestrel Home Cover', 'Albion & Vale']),
    product: rng.pick(['Home Contents Standard', 'Contents Plus', 'Essential Contents']),
    itemLimit: rng.pick([1500, 2000, 2500, 3000]),
    unoccupiedDays: rng.pick([30, 45, 60]),
    newPolicyDays: rng.pick([14, 21, 30]),
    lateDays: rng.pick([30, 45]),
    excess: rng.pick([100, 150, 250]),
  };
  const count = rng.int(12, 18);
  const names = rng.sample(
    FIRST.flatMap((f) => LAST.map((l) => `${f} ${l}`)),
    count,
  );
  const prefix = `CLM-${String(24000 + (index % 900) * 7 + rng.int(0, 6)).padStart(5, '0')}`;
  const claims: Claim[] = [];
  const triage: Triage[] = [];
  const facts = [];
  for (let i = 0; i < count; i++) {
    const policyStart = rng.int(0, 120);
    const built = buildClaim(rng, terms, policyStart, names[i]!, rng.pick(TOWNS));
    const claim_id = `${prefix}-${String(i + 1).padStart(2, '0')}`;
    claims.push({ claim_id, summary: built.summary });
    triage.push({ claim_id, ...built.triage });
    facts.push({ id: claim_id, text: built.summary, answers: { ...built.triage } });
  }
  return { input: { policy: policyText(terms), claims }, expected: { triage }, facts };
};
