import type { CaseSet, Generate, Rng } from '@reps/engine';
import {
  capitalise,
  joinAnd,
  MONTHS,
  numberWords,
  ordinal,
  scatterSwaps,
  WEEKDAYS,
} from '@reps/engine/generator-kit';
import {
  COVER_WORDING,
  EXCLUSION_WORDING,
  type Exclusion,
  FRAUD_WORDING,
  INSURERS,
  NEW_WORDING,
  type Peril,
  PRODUCTS,
  SCOPES,
  VALUE_WORDING,
} from './policy-wording.js';
import {
  ACCIDENT_EVENTS,
  ACCIDENTS,
  AWAY_DATES,
  AWAY_SPAN,
  BUSINESS_EVENTS,
  BUSINESS_HOW,
  BUSINESS_ITEMS,
  BUSINESS_USE,
  CORRECTIONS,
  DATE_CORRECTIONS,
  DATE_DISTRACTORS,
  ENTRY_POINTS,
  FIRST,
  FOLLOW_UP,
  FORCED_AFTER_CONTRAST,
  FORCED_BY_NEGATION,
  FORCED_PP,
  FORCED_SAID,
  GRADUAL_AFTER_CONTRAST,
  GRADUAL_SAID,
  INSECURE_AFTER_CONTRAST,
  INSECURE_BY_NEGATION,
  INSECURE_PP,
  INSECURE_SAID,
  LAST,
  MONEY_DISTRACTORS,
  OPENERS,
  PERSONAL_USE,
  PROOF_NO,
  PROOF_YES,
  SAME_DATES,
  STORM_DAMAGE,
  STORM_EVENTS,
  STORMS,
  SUDDEN_AFTER_CONTRAST,
  SUDDEN_SAID,
  THEFT_EVENTS,
  THEFT_ITEMS,
  TOWNS,
  TRADES,
  VALUE_CORRECTIONS,
  WATER_DAMAGE,
  WATER_EVENTS,
  WATER_SOURCES,
  WEAR_EVENTS,
} from './story-pools.js';

/**
 * A day's first-notice-of-loss queue for a home contents insurer. Each case is one policy wording
 * (limits, clause numbering and wording vary per case) and 12–18 claims typed up by the contact
 * centre. Each claim's right decision, clause and fraud flag follow from the wording and the facts
 * in its summary (or, for a follow-up claim, in the claim it refers to), so a careful reader (or a
 * model that is shown the wording) can get every one.
 *
 * Wording comes from families (policy paraphrases, story frames, vocabularies, date and money
 * styles, layouts, distractors); the public cases show a third of each and the hidden cases draw
 * from the others (set.families), so nothing learnt from the public cases' wording carries over.
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

type Referral = 'value' | 'new';

interface Terms {
  /** What the unoccupancy exclusion applies to, what the value referral measures, what the new-policy window counts. */
  unoccupiedScope: Peril[];
  valueBasis: 'item' | 'total';
  newBasis: 'incident' | 'reported';
  proofBasis: 'total' | 'item';
  itemLimit: number;
  unoccupiedDays: number;
  newPolicyDays: number;
  lateDays: number;
  historyMin: number;
  proofOver: number;
  excess: number;
  /** Clause number of each rule in this wording (the numbering differs between products). */
  cover: Record<Peril, string>;
  exclusion: Record<Exclusion, string>;
  referral: Record<Referral, string>;
  /** Each clause's line as printed, keyed by clause number, and the fraud lines. */
  lines: Record<string, string>;
  fraudLines: string[];
}

// ---------------------------------------------------------------------------------------------
// Small helpers

const MONTH_DAYS = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

function ymd(day: number): [number, number, number] {
  // Days before 1 January 2024 fall in 2023 (365 days).
  let d = day < 0 ? day + 365 : day;
  let year = day < 0 ? 2023 : 2024;
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
  return [year, m, d + 1];
}

const pad = (n: number) => String(n).padStart(2, '0');

/** Date styles; day 0 is Monday 1 January 2024. */
const DATE_STYLES: ((day: number) => string)[] = [
  (day) => {
    const [y, m, d] = ymd(day);
    return `${d} ${MONTHS[m]} ${y}`;
  },
  (day) => {
    const [y, m, d] = ymd(day);
    return `${pad(d)}/${pad(m + 1)}/${y}`;
  },
  (day) => {
    const [y, m, d] = ymd(day);
    return `${MONTHS[m]} ${d}, ${y}`;
  },
  (day) => {
    const [y, m, d] = ymd(day);
    return `${y}-${pad(m + 1)}-${pad(d)}`;
  },
  (day) => {
    const [y, m, d] = ymd(day);
    return `${d}-${MONTHS[m]!.slice(0, 3)}-${String(y).slice(2)}`;
  },
  (day) => {
    const [y, m, d] = ymd(day);
    return `${WEEKDAYS[((day % 7) + 7) % 7]} the ${ordinal(d)} of ${MONTHS[m]} ${y}`;
  },
  (day) => {
    const [y, m, d] = ymd(day);
    return `${d}.${m + 1}.${String(y).slice(2)}`;
  },
  (day) => {
    const [y, m, d] = ymd(day);
    return `${ordinal(d)} ${MONTHS[m]!.slice(0, 3)} ${y}`;
  },
  (day) => {
    const [y, m, d] = ymd(day);
    return `${WEEKDAYS[((day % 7) + 7) % 7]!.slice(0, 3)} ${d} ${MONTHS[m]} '${String(y).slice(2)}`;
  },
];

/** Money styles. */
const MONEY_STYLES: ((n: number) => string)[] = [
  (n) => `£${String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ',')}`,
  (n) => `£${n}`,
  (n) => `${n} GBP`,
  (n) => `${words(n)} pounds`,
  (n) => (n % 100 === 0 && n >= 1000 ? `£${n / 1000}k` : `£${n}.00`),
  (n) => `GBP ${String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ',')}`,
  (n) => `${String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ' ')} pounds sterling`,
];
const moneyPolicy = (n: number) => `£${String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ',')}`;

/** Day counts in the summaries. */
const SPAN_STYLES: ((n: number) => string)[] = [
  (n) => (n === 1 ? '1 day' : `${n} days`),
  (n) => (n === 1 ? 'one day' : `${words(n)} days`),
  (n) =>
    n % 7 === 0
      ? `${n / 7 === 1 ? 'a' : words(n / 7)} week${n === 7 ? '' : 's'}`
      : n === 1
        ? 'a day'
        : `${n} days`,
  (n) =>
    n === 14 ? 'a fortnight' : n % 7 === 0 ? `${n / 7} weeks` : n === 1 ? 'one day' : `${words(n)} days`,
];

/** Numbers in words, British style: "two thousand and five". */
const words = (n: number) => numberWords(n, { andAfterThousand: true });

/** Words a typo never touches (key numbers, counts, the facts of a break-in). */
const NUMBER_WORDS =
  /teen|ty|hundred|thousand|fortnight|seven|eight|three|twice|once|first|second|third|fourth|fifth|sixth|previous|unlocked|forced|latch/;

const fill = (frame: string, slots: Record<string, string>) =>
  frame.replace(/\{(\w+)\}/g, (_, k: string) => slots[k] ?? k);

// ---------------------------------------------------------------------------------------------
// Policy wording families

const LAYOUTS: ((num: string, head: string, text: string) => string)[] = [
  (num, head, text) => `${num} ${head}. ${text}`,
  (num, head, text) => `${num} ${head.toUpperCase()}: ${text}`,
  (num, head, text) => `Clause ${num} (${head}) ${text}`,
  (num, head, text) => `${num} — ${head} — ${text}`,
  (num, head, text) => `[${num}] ${head}: ${text}`,
];

function policyTerms(rng: Rng, set: CaseSet): { terms: Terms; policy: string } {
  const itemLimit = rng.pick([1000, 1500, 2000, 2500, 3000]);
  const scope = rng.pick(SCOPES);
  const t = {
    unoccupiedScope: scope.perils,
    valueBasis: rng.pick(['item', 'item', 'total'] as const),
    newBasis: rng.pick(['incident', 'incident', 'reported'] as const),
    proofBasis: rng.pick(['total', 'item'] as const),
    itemLimit,
    unoccupiedDays: rng.pick([30, 45, 60, 90]),
    newPolicyDays: rng.pick([14, 21, 30, 60]),
    lateDays: rng.pick([14, 21, 30, 45]),
    historyMin: rng.pick([2, 2, 3]),
    proofOver: rng.pick([500, 750, 1000, 1500].filter((p) => p < itemLimit || p === 1000)),
    excess: rng.pick([100, 150, 250, 350]),
  };
  const perils = rng.shuffle(['theft', 'accidental', 'water', 'storm'] as Peril[]);
  const exclusions = rng.shuffle(['wear', 'unlocked', 'unoccupied', 'business'] as Exclusion[]);
  const referrals = rng.shuffle(['value', 'new'] as Referral[]);
  const cover = {} as Record<Peril, string>;
  const exclusion = {} as Record<Exclusion, string>;
  const referral = {} as Record<Referral, string>;
  perils.forEach((p, i) => {
    cover[p] = `2.${i + 1}`;
  });
  exclusions.forEach((e, i) => {
    exclusion[e] = `3.${i + 1}`;
  });
  referrals.forEach((r, i) => {
    referral[r] = `4.${i + 1}`;
  });
  const layout = rng.pick(set.families('policy-layout', LAYOUTS, { public: 2, hidden: 2 }));
  const slots = {
    limit: moneyPolicy(t.itemLimit),
    late: String(t.lateDays),
    hist: t.historyMin === 2 ? 'two' : 'three',
    proof: moneyPolicy(t.proofOver),
    scope: rng.pick(set.families(`scope-${scope.perils.join('-')}`, scope.words, { public: 1, hidden: 2 })),
  };
  const lines: Record<string, string> = {};
  const line = (num: string, options: [string, string][], label: string, days?: number) => {
    const [head, text] = rng.pick(set.families(label, options, { public: 2, hidden: 2 }));
    const s = layout(num, head, fill(text, { ...slots, days: String(days ?? '') }));
    lines[num] = s;
    return s;
  };
  const section2 = perils.map((p) => line(cover[p], COVER_WORDING[p], `cover-${p}`));
  const section3 = exclusions.map((e) =>
    line(exclusion[e], EXCLUSION_WORDING[e], `excl-${e}`, e === 'unoccupied' ? t.unoccupiedDays : undefined),
  );
  const section4 = referrals.map((r) =>
    r === 'value'
      ? line(referral[r], VALUE_WORDING[t.valueBasis], `ref-value-${t.valueBasis}`)
      : line(referral[r], NEW_WORDING[t.newBasis], `ref-new-${t.newBasis}`, t.newPolicyDays),
  );
  const fraud = rng.pick(set.families('fraud-wording', FRAUD_WORDING, { public: 1, hidden: 2 }));
  const fraudTexts = [fraud[0], fraud[1], t.proofBasis === 'total' ? fraud[2] : fraud[3]];
  const fraudLines = rng.shuffle(fraudTexts.map((f) => fill(f, slots))).map((f, i) => `5.${i + 1} ${f}`);
  const insurer = rng.pick(INSURERS);
  const product = rng.pick(PRODUCTS);
  const policy = [
    `${insurer} — ${product} (policy wording, claims handling extract)`,
    '',
    'Section 2: What is covered',
    ...section2,
    '',
    'Section 3: What is not covered',
    ...section3,
    '',
    'Section 4: Claims we refer to a senior handler',
    ...section4,
    '',
    'Section 5: Fraud indicators (flag the claim if any applies; the flag does not by itself change the decision)',
    ...fraudLines,
    '',
    `Excess: ${moneyPolicy(t.excess)} per claim. Where a claim is excluded under Section 3 it is declined even if Section 4 would apply. A claim that is neither excluded nor referred is settled under the Section 2 clause for its cause.`,
  ].join('\n');
  return { terms: { ...t, cover, exclusion, referral, lines, fraudLines }, policy };
}

// ---------------------------------------------------------------------------------------------
// Claim stories: an event (worded the same whatever the outcome) plus evidence sentences that
// decide it, some stated positively, some by negation, some after a contrast ("at first …, but").

type Timeline = (p: {
  start: number;
  incident: number;
  reported: number;
  date: (d: number) => string;
  span: (n: number) => string;
}) => string;
const TIMELINES: Timeline[] = [
  ({ start, incident, reported, date }) =>
    `Incident date ${date(incident)}; reported ${date(reported)}; policy start ${date(start)}.`,
  ({ start, incident, reported, date }) =>
    `Policy incepted ${date(start)}. Loss occurred ${date(incident)}, notified ${date(reported)}.`,
  ({ start, incident, reported, date, span }) =>
    `It happened on ${date(incident)}${reported === incident ? ' and was reported the same day' : ` and was reported ${span(reported - incident)} later`}; cover started ${date(start)}.`,
  ({ start, incident, reported, date, span }) =>
    `Cover began ${span(incident - start)} before the incident on ${date(incident)}. First notification: ${date(reported)}.`,
  ({ start, incident, reported, date }) =>
    `Dates — start of policy: ${date(start)} / incident: ${date(incident)} / call to us: ${date(reported)}.`,
  ({ start, incident, reported, date, span }) =>
    `The policy was ${span(incident - start)} old when the incident happened (${date(incident)}); the customer called us on ${date(reported)}.`,
  ({ start, incident, reported, date, span }) =>
    `Reported on ${date(reported)}, ${reported === incident ? 'the day it happened' : `${span(reported - incident)} after the event`}. Policy running since ${date(start)}.`,
  ({ start, incident, reported, date }) =>
    `inc ${date(incident)} | rep ${date(reported)} | pol start ${date(start)}.`,
  ({ start, incident, reported, date, span }) =>
    `The customer rang on ${date(reported)} about a loss on ${date(incident)}; the policy had started ${span(reported - start)} before that call.`,
];

type ValueLine = (p: { items: number[]; m: (n: number) => string; proof: string; rng: Rng }) => string;
const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);
const VALUE_LINES: ValueLine[] = [
  ({ items, m, proof }) =>
    `Amount claimed ${m(sum(items))}; the most valuable item is valued at ${m(Math.max(...items))}; ${proof}.`,
  ({ items, m, proof }) =>
    `Claim total ${m(sum(items))} (dearest single item ${m(Math.max(...items))}). ${capitalise(proof)}.`,
  ({ items, m, proof }) => `Item values: ${joinAnd(items.map(m))}; ${proof}.`,
  ({ items, m, proof }) =>
    `${capitalise(words(items.length))} item${items.length === 1 ? '' : 's'} claimed, worth ${joinAnd(items.map(m))}. ${capitalise(proof)}.`,
  ({ items, m, proof }) =>
    `The customer puts the loss at ${m(sum(items))} across ${items.length === 1 ? 'one item' : `${words(items.length)} items`}, the priciest ${m(Math.max(...items))}; ${proof}.`,
  ({ items, m, proof }) =>
    items.length > 1 && items.every((v) => v === items[0])
      ? `${capitalise(words(items.length))} identical items at ${m(items[0]!)} each; ${proof}.`
      : `${capitalise(words(items.length))} item${items.length === 1 ? '' : 's'}, the dearest ${m(Math.max(...items))}, ${m(sum(items))} in all; ${proof}.`,
  ({ items, m, proof, rng }) =>
    `${capitalise(proof)}. Valuations: ${rng
      .shuffle(items)
      .map((v, i) => `item ${i + 1}: ${m(v)}`)
      .join(', ')}.`,
];

const HISTORY: ((n: number) => string)[] = [
  (n) => `Previous claims in the last 12 months: ${n === 0 ? 'none' : n}.`,
  (n) =>
    n === 0
      ? 'This is the first claim the customer has made.'
      : `The customer has claimed ${n === 1 ? 'once' : n === 2 ? 'twice' : `${words(n)} times`} in the past year.`,
  (n) =>
    n === 0
      ? 'No other claims this year (one in 2019, long settled).'
      : `This is the ${ordinal(n + 1)} claim within twelve months.`,
  (n) =>
    n === 0
      ? 'Claims history clean for the last 12 months.'
      : `Claims in the previous 12 months: ${words(n)}.`,
  (n) =>
    n === 0
      ? 'No prior claims.'
      : `Earlier claims this year: ${['a stolen bike', 'a cracked TV', 'storm damage to a shed', 'a water leak', 'a lost ring'].slice(0, n).join(', ')}.`,
  (n) =>
    n === 0
      ? 'Has not claimed before with us.'
      : `${capitalise(words(n))} previous claim${n === 1 ? '' : 's'} since last ${MONTHS[(n * 3) % 12]}, all within the last twelve months.`,
  (n) =>
    n === 0
      ? 'Two claims in 2020, none since.'
      : `History: ${n} claim${n === 1 ? '' : 's'} this year, plus an older one from 2019.`,
];

// ---------------------------------------------------------------------------------------------
// Building a claim

type Kind =
  | 'approve'
  | 'approve_trap'
  | 'wear'
  | 'unlocked'
  | 'unoccupied'
  | 'business'
  | 'over_limit'
  | 'new_policy'
  | 'excluded_and_referred';

interface Story {
  text: string;
  peril: Peril;
  exclusion?: Exclusion;
  /** Exclusions the story brings up without them applying. */
  traps: Exclusion[];
  /** A later sentence that corrects what the story first said. */
  correction?: string;
  /** Days away, for the unoccupancy rule (0 when the home was lived in). */
  away: number;
  awayDates?: boolean;
}

const pickF = <T>(rng: Rng, set: CaseSet, label: string, all: readonly T[]) =>
  rng.pick(set.families(label, all));

function theftStory(
  rng: Rng,
  set: CaseSet,
  secure: boolean,
  items: string,
): Pick<Story, 'text' | 'traps' | 'correction'> {
  const [entry, other] = rng.sample(ENTRY_POINTS, 2);
  const plural =
    /^(two|a pair|jewellery)|\band\b|collection/.test(items) &&
    !/^a (laptop|television|violin|e-bike)$/.test(items);
  const slots = {
    entry: entry!,
    other: other!,
    forced: rng.pick(FORCED_PP),
    insecure: rng.pick(INSECURE_PP),
    items,
    were: plural || /^two/.test(items) ? 'were' : 'was',
  };
  const event = fill(pickF(rng, set, 'theft-events', THEFT_EVENTS), slots);
  if (rng.chance(0.22)) {
    // First told one way, then corrected in a later sentence: the correction is what counts.
    const wrong = fill(pickF(rng, set, `theft-${!secure}-said`, secure ? INSECURE_SAID : FORCED_SAID), slots);
    const right = fill(pickF(rng, set, 'corrections', CORRECTIONS), {
      entry: slots.entry,
      state: secure ? slots.forced : slots.insecure,
    });
    return {
      text: `${event}. ${wrong.replace(/\.$/, '')}`,
      traps: secure ? ['unlocked'] : [],
      correction: right,
    };
  }
  const style = rng.weighted(['said', 'negation', 'contrast'] as const, [45, 25, 30]);
  const pool = secure
    ? { said: FORCED_SAID, negation: FORCED_BY_NEGATION, contrast: FORCED_AFTER_CONTRAST }[style]
    : { said: INSECURE_SAID, negation: INSECURE_BY_NEGATION, contrast: INSECURE_AFTER_CONTRAST }[style];
  const evidence = fill(pickF(rng, set, `theft-${secure}-${style}`, pool), slots);
  return {
    text: `${event}. ${evidence.replace(/\.$/, '')}`,
    traps: secure && style !== 'said' ? ['unlocked'] : [],
  };
}

function waterStory(rng: Rng, set: CaseSet, sudden: boolean): Pick<Story, 'text' | 'traps'> {
  const slots = {
    damage: rng.pick(WATER_DAMAGE),
    source: rng.pick(WATER_SOURCES),
    months: String(rng.int(2, 9)),
    season: rng.pick(['the spring', 'last summer', 'January', 'the autumn']),
  };
  const event = fill(pickF(rng, set, 'water-events', WATER_EVENTS), slots);
  const contrast = rng.chance(0.35);
  const pool = sudden
    ? contrast
      ? SUDDEN_AFTER_CONTRAST
      : SUDDEN_SAID
    : contrast
      ? GRADUAL_AFTER_CONTRAST
      : GRADUAL_SAID;
  const evidence = fill(pickF(rng, set, `water-${sudden}-${contrast}`, pool), slots);
  return { text: `${event}. ${evidence.replace(/\.$/, '')}`, traps: sudden && contrast ? ['wear'] : [] };
}

function plainStory(rng: Rng, set: CaseSet, peril: Peril): Pick<Story, 'text' | 'traps' | 'correction'> {
  if (peril === 'theft') return theftStory(rng, set, true, rng.pick(THEFT_ITEMS));
  if (peril === 'water') return waterStory(rng, set, true);
  if (peril === 'accidental')
    return {
      text: fill(pickF(rng, set, 'accident-events', ACCIDENT_EVENTS), { accident: rng.pick(ACCIDENTS) }),
      traps: [],
    };
  return {
    text: fill(pickF(rng, set, 'storm-events', STORM_EVENTS), {
      damage: rng.pick(STORM_DAMAGE),
      storm: rng.pick(STORMS),
    }),
    traps: [],
  };
}

function businessStory(rng: Rng, set: CaseSet, business: boolean): Story {
  const how = rng.pick(['theft', 'water', 'accidental'] as const);
  const item = rng.pick(BUSINESS_ITEMS);
  const use = fill(
    pickF(rng, set, business ? 'business-use' : 'personal-use', business ? BUSINESS_USE : PERSONAL_USE),
    {
      item,
      trade: rng.pick(TRADES),
    },
  );
  const plural = /s$|tools|lenses|desk/.test(item) && !/glass/.test(item);
  const text = fill(pickF(rng, set, 'business-events', BUSINESS_EVENTS), {
    use,
    was: `${plural ? 'were' : 'was'} ${rng.pick(BUSINESS_HOW[how])}`,
  });
  return {
    text,
    peril: how,
    exclusion: business ? 'business' : undefined,
    traps: business ? [] : ['business'],
    away: 0,
  };
}

function buildStory(rng: Rng, set: CaseSet, t: Terms, kind: Kind): Story {
  const peril = rng.pick(['theft', 'accidental', 'water', 'storm'] as const);
  switch (kind) {
    case 'approve':
    case 'over_limit':
    case 'new_policy':
      return { ...plainStory(rng, set, peril), peril, away: 0 };
    case 'approve_trap': {
      const trap = rng.pick(['business', 'unlocked', 'wear', 'unoccupied'] as const);
      if (trap === 'business') return businessStory(rng, set, false);
      if (trap === 'unlocked') {
        const s = theftStory(rng, set, true, rng.pick(THEFT_ITEMS));
        return { ...s, peril: 'theft', traps: ['unlocked'], away: 0 };
      }
      if (trap === 'wear') return { ...waterStory(rng, set, true), peril: 'water', traps: ['wear'], away: 0 };
      // Away, but not long enough, or for a cause the unoccupancy rule does not name.
      const uncovered = (['theft', 'water', 'accidental', 'storm'] as Peril[]).filter(
        (p) => !t.unoccupiedScope.includes(p),
      );
      const short = rng.chance(0.45);
      const p = short ? rng.pick(t.unoccupiedScope) : rng.pick(uncovered);
      const away = short
        ? rng.int(Math.max(5, t.unoccupiedDays - 15), t.unoccupiedDays)
        : t.unoccupiedDays + rng.int(3, 40);
      return { ...plainStory(rng, set, p), peril: p, traps: ['unoccupied'], away };
    }
    case 'wear':
      if (rng.chance(0.5))
        return { ...waterStory(rng, set, false), peril: 'water', exclusion: 'wear', traps: [], away: 0 };
      return {
        text: pickF(rng, set, 'wear-events', WEAR_EVENTS),
        peril: 'accidental',
        exclusion: 'wear',
        traps: [],
        away: 0,
      };
    case 'unlocked':
      return {
        ...theftStory(rng, set, false, rng.pick(THEFT_ITEMS)),
        peril: 'theft',
        exclusion: 'unlocked',
        away: 0,
      };
    case 'unoccupied': {
      const p = rng.pick(t.unoccupiedScope);
      return {
        ...plainStory(rng, set, p),
        peril: p,
        exclusion: 'unoccupied',
        away: t.unoccupiedDays + rng.int(1, 40),
      };
    }
    case 'business':
    case 'excluded_and_referred':
      return businessStory(rng, set, true);
  }
}

interface Built {
  summary: string;
  triage: Omit<Triage, 'claim_id'>;
  evidence: { decision: string[]; clause: string[]; fraud_flag: string[] };
  story: Story;
  start: number;
  incident: number;
  reported: number;
}

/** Item values for a claim that must (or must not) trip the value referral. */
function itemValues(rng: Rng, t: Terms, over: boolean): number[] {
  const n = rng.int(1, 4);
  const lim = t.itemLimit;
  const round = () => rng.pick([50, 25, 10]);
  if (t.valueBasis === 'item') {
    if (over) {
      const top = lim + rng.int(1, 30) * 50;
      const rest = Array.from({ length: n - 1 }, () => rng.int(2, Math.floor(lim / 50)) * 50);
      return rng.shuffle([top, ...rest]);
    }
    // Under the single item limit; the total may well be over it (a trap for a careless reader).
    return Array.from({ length: n }, () => {
      const r = round();
      return Math.max(
        r * 2,
        Math.min(lim, rng.chance(0.25) ? lim - rng.int(0, 4) * 50 : rng.int(2, Math.floor(lim / r)) * r),
      );
    });
  }
  if (over) {
    const parts = Array.from({ length: Math.max(2, n) }, () => rng.int(4, Math.floor((lim * 0.7) / 50)) * 50);
    while (sum(parts) <= lim) parts[rng.int(0, parts.length - 1)]! += rng.int(2, 10) * 50;
    return parts;
  }
  const parts = Array.from({ length: n }, () => rng.int(2, Math.floor(lim / n / 25)) * 25);
  if (rng.chance(0.25)) parts[0] = Math.max(25, lim - sum(parts.slice(1)) - rng.int(0, 3) * 25);
  return parts;
}

/** Sometimes the items are identical (a set of chairs, two matching bikes): n at the same price. */
function maybeIdentical(rng: Rng, t: Terms, items: number[], over: boolean): number[] {
  if (items.length < 2 || !rng.chance(0.3)) return items;
  const n = items.length;
  for (let tries = 0; tries < 20; tries++) {
    const v = rng.int(2, Math.floor((t.itemLimit * 1.4) / 50)) * 50;
    const same = Array.from({ length: n }, () => v);
    if (valueReferred(t, same) === over) return same;
  }
  return items;
}

function valueReferred(t: Terms, items: number[]): boolean {
  return t.valueBasis === 'item' ? Math.max(...items) > t.itemLimit : sum(items) > t.itemLimit;
}
function newReferred(t: Terms, start: number, incident: number, reported: number): boolean {
  return (t.newBasis === 'incident' ? incident : reported) - start < t.newPolicyDays;
}

function buildClaim(
  rng: Rng,
  set: CaseSet,
  t: Terms,
  name: string,
  town: string,
  linked?: { id: string; built: Built },
): Built {
  const date = rng.pick(set.families('date-styles', DATE_STYLES, { public: 3, hidden: 4 }));
  const span = rng.pick(set.families('span-styles', SPAN_STYLES, { public: 2, hidden: 2 }));
  const m = rng.pick(set.families('money-styles', MONEY_STYLES, { public: 2, hidden: 3 }));
  let story: Story;
  let start: number;
  let incident: number;
  let reported: number;
  let storyText: string;
  let sameDates = false;
  let kind: Kind = 'approve';
  // Fraud indicators, with near misses for claims that are not flagged.
  const reason = rng.weighted(['none', 'late', 'history', 'no_proof'] as const, [70, 10, 10, 10]);
  let nearMiss =
    reason === 'none' && rng.chance(0.5) ? rng.pick(['late', 'history', 'no_proof'] as const) : undefined;
  if (linked) {
    story = { ...linked.built.story, traps: [...linked.built.story.traps] };
    start = linked.built.start;
    incident = linked.built.incident;
    sameDates = rng.chance(0.5);
    reported = sameDates ? linked.built.reported : incident + rng.int(0, 6);
    storyText = fill(rng.pick(set.families('follow-up', FOLLOW_UP, { public: 1, hidden: 3 })), {
      ref: linked.id,
    });
    kind = rng.chance(0.3) ? 'over_limit' : 'approve';
  } else {
    kind = rng.weighted(
      [
        'approve',
        'approve_trap',
        'wear',
        'unlocked',
        'unoccupied',
        'business',
        'over_limit',
        'new_policy',
        'excluded_and_referred',
      ] as const,
      [21, 22, 6, 7, 6, 5, 13, 14, 6],
    );
    story = buildStory(rng, set, t, kind);
    start = rng.int(0, 150);
    const delay =
      reason === 'late'
        ? t.lateDays + rng.int(1, 40)
        : nearMiss === 'late'
          ? rng.int(Math.max(1, t.lateDays - 8), t.lateDays)
          : rng.int(0, 6);
    // The new-policy window counts from the start to the incident or to the report.
    if (kind === 'new_policy' || (kind === 'excluded_and_referred' && rng.chance(0.5))) {
      const inWindow = rng.int(1, t.newPolicyDays - 1);
      if (t.newBasis === 'incident') incident = start + inWindow;
      else incident = start + Math.max(1, inWindow - Math.min(delay, inWindow));
      reported = t.newBasis === 'incident' ? incident + delay : start + inWindow;
    } else {
      const gap = rng.chance(0.3) ? t.newPolicyDays + rng.int(1, 5) : t.newPolicyDays + rng.int(6, 200);
      // Outside the window on the rule's own basis; the other date may be inside it (a trap).
      if (t.newBasis === 'incident') {
        incident = start + gap;
        reported = incident + delay;
      } else {
        reported = start + gap;
        incident = reported - Math.min(delay, gap - 1);
      }
    }
    storyText = story.text;
    if (story.away > 0) {
      const awayText = rng.chance(0.4)
        ? fill(pickF(rng, set, 'away-dates', AWAY_DATES), {
            left: date(incident - story.away),
            back: date(incident),
          })
        : fill(pickF(rng, set, 'away-span', AWAY_SPAN), { away: span(story.away) });
      storyText = rng.chance(0.5)
        ? `${storyText}. ${awayText}`
        : `${awayText} On return, the customer ${storyText}`;
    }
  }
  const overWanted = kind === 'over_limit' || (kind === 'excluded_and_referred' && rng.chance(0.6));
  let items = maybeIdentical(rng, t, itemValues(rng, t, overWanted), overWanted);
  const proofAmount = () => (t.proofBasis === 'total' ? sum(items) : Math.max(...items));
  if (reason === 'no_proof' && proofAmount() <= t.proofOver) {
    if (overWanted || t.valueBasis === 'item')
      items = [...items, t.proofOver + rng.int(1, 10) * 25].slice(-4);
    else items = [t.proofOver + rng.int(1, 10) * 25];
  }
  if (nearMiss === 'no_proof' && proofAmount() > t.proofOver) nearMiss = undefined;
  const noProof = reason === 'no_proof' || nearMiss === 'no_proof';
  const previous =
    reason === 'history'
      ? t.historyMin + rng.int(0, 2)
      : nearMiss === 'history'
        ? t.historyMin - 1
        : rng.weighted([0, 1], [75, 25]);
  const proof = noProof ? pickF(rng, set, 'proof-no', PROOF_NO) : pickF(rng, set, 'proof-yes', PROOF_YES);
  const flagged =
    reported - incident > t.lateDays || previous >= t.historyMin || (noProof && proofAmount() > t.proofOver);

  const opener = rng.pick(set.families('openers', OPENERS, { public: 2, hidden: 3 }))(name, town);
  const storySentence = /^[A-Z]/.test(storyText)
    ? `${opener.replace(/[,—]\s*$/, '').trim()}: ${storyText}`
    : `${opener} ${storyText}`;
  const first = storySentence.endsWith('.') ? storySentence : `${storySentence}.`;
  const corrections: string[] = story.correction && !linked ? [story.correction] : [];
  // The value first given for the dearest item may be corrected later; the corrected one counts.
  let shownItems = items;
  if (!linked && rng.chance(0.15) && items.length > 0) {
    const i = items.indexOf(Math.max(...items));
    const first = Math.max(50, items[i]! + rng.pick([-1, 1]) * rng.int(2, 20) * 50);
    if (
      valueReferred(t, items) ===
        valueReferred(
          t,
          items.map((v, j) => (j === i ? first : v)),
        ) ||
      rng.chance(0.5)
    ) {
      shownItems = items.map((v, j) => (j === i ? first : v));
      if (Math.max(...shownItems) === first)
        corrections.push(fill(pickF(rng, set, 'value-corrections', VALUE_CORRECTIONS), { v: m(items[i]!) }));
      else shownItems = items;
    }
  }
  // The incident date first given may be corrected later.
  let shownIncident = incident;
  if (!linked && !sameDates && incident - start > 14 && rng.chance(0.12)) {
    shownIncident = incident - rng.int(2, 12);
    corrections.push(fill(pickF(rng, set, 'date-corrections', DATE_CORRECTIONS), { d: date(incident) }));
  }
  const timeline =
    linked && sameDates
      ? fill(pickF(rng, set, 'same-dates', SAME_DATES), { ref: linked.id })
      : rng.pick(set.families('timelines', TIMELINES, { public: 3, hidden: 4 }))({
          start,
          incident: shownIncident,
          reported,
          date,
          span,
        });
  const value = rng.pick(set.families('value-lines', VALUE_LINES, { public: 2, hidden: 3 }))({
    items: shownItems,
    m,
    proof,
    rng,
  });
  const history = rng.pick(set.families('history', HISTORY, { public: 2, hidden: 4 }))(previous);
  const extras: string[] = [];
  if (rng.chance(0.35))
    extras.push(
      fill(pickF(rng, set, 'date-distractors', DATE_DISTRACTORS), { d: date(incident + rng.int(-200, 20)) }),
    );
  if (rng.chance(0.35))
    extras.push(
      fill(pickF(rng, set, 'money-distractors', MONEY_DISTRACTORS), {
        x: m(t.excess),
        q: m(t.itemLimit + rng.int(2, 60) * 50),
        p: m(rng.int(9, 40)),
      }),
    );
  const summary = scatterSwaps(
    rng,
    [first, ...rng.shuffle([timeline, value, history, ...extras]), ...corrections].join(' '),
    0.04,
    NUMBER_WORDS,
  );

  let decision: Decision;
  let clause: string;
  const referredValue = valueReferred(t, items);
  const referredNew = newReferred(t, start, incident, reported);
  const excluded =
    story.exclusion === 'unoccupied'
      ? story.away > t.unoccupiedDays && t.unoccupiedScope.includes(story.peril)
        ? 'unoccupied'
        : undefined
      : story.exclusion;
  if (excluded) {
    decision = 'deny';
    clause = t.exclusion[excluded];
  } else if (referredValue) {
    decision = 'refer';
    clause = t.referral.value;
  } else if (referredNew) {
    decision = 'refer';
    clause = t.referral.new;
  } else {
    decision = 'approve';
    clause = t.cover[story.peril];
  }
  // The clause the decision rests on, the rules the claim brings up without them applying, and
  // the referral rules an approval had to rule out; for a follow-up, the claim it points to.
  const evidence = [t.lines[clause]!];
  for (const trap of story.traps) evidence.push(t.lines[t.exclusion[trap]]!);
  if (story.away > 0) evidence.push(t.lines[t.exclusion.unoccupied]!);
  if (decision !== 'deny') evidence.push(t.lines[t.referral.value]!, t.lines[t.referral.new]!);
  if (decision === 'deny' && (referredValue || referredNew))
    evidence.push(t.lines[t.referral[referredValue ? 'value' : 'new']]!);
  if (linked) evidence.push(linked.built.summary);
  const unique = [...new Set(evidence)];
  return {
    summary,
    triage: { decision, fraud_flag: flagged, clause },
    evidence: {
      decision: unique,
      clause: unique,
      fraud_flag: [...t.fraudLines, ...(linked && sameDates ? [linked.built.summary] : [])],
    },
    story,
    start,
    incident,
    reported,
  };
}

export const generate: Generate<Input, Expected> = (rng, index, set) => {
  const { terms, policy } = policyTerms(rng, set);
  const count = rng.int(12, 18);
  const names = rng.sample(
    FIRST.flatMap((first) => LAST.map((last) => `${first} ${last}`)),
    count,
  );
  const prefix = `CLM-${String(24000 + (index % 900) * 7 + rng.int(0, 6)).padStart(5, '0')}`;
  const claims: Claim[] = [];
  const triage: Triage[] = [];
  const facts = [];
  const built: Built[] = [];
  for (let i = 0; i < count; i++) {
    const claim_id = `${prefix}-${String(i + 1).padStart(2, '0')}`;
    // Some later claims are follow-ups to an earlier one: their circumstances are in that claim.
    const candidates = built.map((b, j) => ({ b, j })).filter(({ b }) => !b.summary.includes('CLM-'));
    const link = i >= 2 && candidates.length > 0 && rng.chance(0.18) ? rng.pick(candidates) : undefined;
    const b = buildClaim(
      rng,
      set,
      terms,
      names[i]!,
      rng.pick(TOWNS),
      link ? { id: claims[link.j]!.claim_id, built: link.b } : undefined,
    );
    built.push(b);
    claims.push({ claim_id, summary: b.summary });
    triage.push({ claim_id, ...b.triage });
    facts.push({ id: claim_id, text: b.summary, answers: { ...b.triage }, evidence: b.evidence });
  }
  return { input: { policy, claims }, expected: { triage }, facts };
};
