import type { CaseSet, Generate, GeneratorCase, Rng } from '@reps/engine';
import { type ParaphraseTable, paraphrase, paraphraser, typo } from '@reps/engine/generator-kit';
import {
  ARRIVALS,
  DENIAL_FRAMES,
  DISMISSED_FRAMES,
  HISTORY,
  NOT_NEEDED_FRAMES,
  NOT_RESOURCES,
  NUMBER_TIMES,
  PARAPHRASES,
  RESOURCES,
  STABLE,
  TIMED_FRAMES,
} from './data.js';

/**
 * An emergency department's waiting list: 16–22 intake notes written by the triage nurse at the
 * door, in a nurse's shorthand. Each patient has an Emergency Severity Index level (1 most urgent …
 * 5) and, for levels 1 and 2, the red flag that decides it.
 *
 * The label rests on the department's rules in the brief, not on a phrase: a level 1 or 2 comes from
 * the findings present now (pertinent negatives, past history and relatives' worries name red flags
 * that are NOT present), from vitals read against the brief's thresholds (in several formats, GCS as
 * a total or as E/V/M parts, repeat observations that replace the first set), and the flag from the
 * brief's order when several apply; levels 3–5 come from counting the resources in the plan by the
 * brief's list (all blood tests count once; oral medication, a prescription, a dressing or a tetanus
 * jab count as none; a test the note says is not needed does not count).
 *
 * Every pool a pattern could be learned from comes through `set.families`, so the hidden lists use
 * phrasings, vitals formats and plan wordings that no public list shows.
 */

type Esi = 1 | 2 | 3 | 4 | 5;
type Flag =
  | 'airway_compromise'
  | 'hypotension'
  | 'hypoxia'
  | 'altered_mental_status'
  | 'cardiac_chest_pain'
  | 'stroke_symptoms'
  | 'active_bleeding'
  | 'suicidal_ideation'
  | 'sepsis_signs'
  | 'severe_pain'
  | 'anaphylaxis'
  | 'pregnancy_complication'
  | 'none';
type Finding = Exclude<Flag, 'none'>;

interface Patient {
  id: string;
  arrived: string;
  note: string;
}
interface Triage {
  id: string;
  esi: Esi;
  red_flag: Flag;
}
type Fact = GeneratorCase['facts'][number];

/** The brief's rules, word for word (brief.md, "The department's rules"). */
export const ESI_RULE =
  'Level 1 when the patient needs a life-saving intervention now: airway compromise or anaphylaxis, a GCS of 8 or below (or responding only to pain or not at all), systolic blood pressure below 80, or oxygen saturation below 85 %.';
export const LEVEL2_RULE =
  'Level 2 when any red flag is present now but none of the level 1 criteria, including vitals in the danger zone on their own: systolic blood pressure from 80 to 89 is hypotension, oxygen saturation from 85 to 91 % is hypoxia.';
export const LATEST_RULE =
  "When a note has several sets of observations, the latest by the clock counts; a patient's usual values, findings the patient denies, past history and what relatives or referrers fear are not findings.";
export const FLAG_ORDER_RULE =
  'When several red flags apply, name the first in this order: anaphylaxis, airway_compromise, sepsis_signs, active_bleeding, pregnancy_complication, cardiac_chest_pain, stroke_symptoms, suicidal_ideation, altered_mental_status, hypotension, hypoxia, severe_pain.';
export const RESOURCE_RULE =
  'Levels 3 to 5 count the resources in the plan: blood tests (all together count once), a urine test, each kind of imaging, IV fluids, IV or IM medication, a nebuliser, a specialist review, stitches or a procedure. Two or more resources is level 3, exactly one is level 4, none is level 5.';
export const NOT_RESOURCE_RULE =
  'Not resources: history and examination, oral medication, a prescription, a simple dressing, a tetanus jab, crutches or a sling, advice, and any test the note says is not needed or was already done elsewhere.';

const ORDER: Finding[] = [
  'anaphylaxis',
  'airway_compromise',
  'sepsis_signs',
  'active_bleeding',
  'pregnancy_complication',
  'cardiac_chest_pain',
  'stroke_symptoms',
  'suicidal_ideation',
  'altered_mental_status',
  'hypotension',
  'hypoxia',
  'severe_pain',
];

// ---------------------------------------------------------------------------------------------
// Findings present now, per red flag ({t}: a duration, {w}: weeks of pregnancy).

const PRESENT: Record<Finding, string[]> = {
  anaphylaxis: [
    'stung by a wasp {t} ago, lips and tongue swelling, hives spreading',
    'ate a dish with peanuts {t} ago, known allergy, throat feels tight, widespread urticaria',
    'new antibiotic started today, now facial swelling and wheeze with a blotchy rash',
    'shellfish at lunch, now swollen lips, itchy all over, hoarse voice',
    'bee sting to the neck, rapidly swelling face and tongue, generalised hives',
  ],
  airway_compromise: [
    'audible stridor, drooling, unable to swallow saliva',
    'fishbone stuck in throat, now cannot swallow, voice muffled, stridor at rest',
    'burns to face from a kitchen fire, singed nasal hairs, hoarse, sooty sputum',
    'swollen neck after dental abscess, trismus, noisy breathing',
    'choked on food, partial obstruction, gasping between coughs',
  ],
  sepsis_signs: [
    'nursing home resident, foul-smelling urine, shivering, more muddled than usual',
    'cough with green sputum for two days, rigors overnight, looks unwell',
    'red hot spreading cellulitis of the leg, fevers and rigors since yesterday',
    'on chemo, fever and shaking chills since this morning',
    'post-op wound oozing pus, feverish and clammy',
  ],
  active_bleeding: [
    'deep laceration to the thigh from a chainsaw, dressing soaked through',
    'vomited bright red blood three times this morning, on warfarin',
    'nosebleed for {t} not stopping with pressure, on apixaban',
    'passing large amounts of fresh blood per rectum since this morning',
    'glass cut to the wrist, pulsatile bleeding through the bandage',
  ],
  pregnancy_complication: [
    '{w} weeks pregnant, sudden severe lower abdominal pain and vaginal bleeding',
    '{w} weeks pregnant, severe headache and blurred vision, swollen ankles',
    '{w} weeks pregnant, gush of fluid and regular painful contractions',
    '{w} weeks pregnant, reduced fetal movements since yesterday and abdominal pain',
    'missed period, positive test, one-sided pelvic pain and shoulder tip pain',
  ],
  cardiac_chest_pain: [
    'central crushing chest pain radiating to the left arm for {t}, sweaty and nauseous',
    'tight chest since climbing the stairs {t} ago, pain into the jaw, previous stent',
    'heavy chest pressure at rest for {t}, grey and clammy',
    'chest pain like a band, going down both arms, started {t} ago',
    'burning central chest pain with breathlessness, not eased by antacid',
  ],
  stroke_symptoms: [
    'sudden slurred speech and right arm weakness, last known well {t} ago',
    'face drooping on the left, cannot lift the left leg, onset {t} ago',
    'sudden loss of vision in one eye and word-finding difficulty this morning',
    'found by wife unable to speak properly, right-sided weakness',
    'sudden unsteadiness and double vision, cannot walk straight, onset {t} ago',
  ],
  suicidal_ideation: [
    'states wants to end life, has a plan to take stored tablets',
    'found on a bridge parapet by police, says cannot go on',
    'wrote a goodbye letter, has been giving belongings away, intends to harm self',
    'took an unknown number of tablets {t} ago with intent',
    'thoughts of killing self daily, has researched methods',
  ],
  altered_mental_status: [
    'found on the floor at home by a neighbour, drowsy and confused',
    'brought in by family, new confusion since this morning, not making sense',
    'post-seizure, still not back to baseline after {t}',
    'diabetic, sweaty and acting strangely, slurring words',
    'head injury from a fall, vomited twice, increasingly drowsy',
  ],
  hypotension: [
    'dizzy on standing, collapsed twice at home, pale',
    'vomiting and diarrhoea for three days, lightheaded, reduced urine',
    'felt faint in the shower, clammy, weak',
    'diarrhoea and poor intake for a week, feels faint on standing',
    'on new blood pressure tablets, fainted at the supermarket',
  ],
  hypoxia: [
    'known COPD, breathless over {t}, using accessory muscles',
    'asthma attack not settling with own inhaler, speaking in short phrases',
    'breathless and coughing, lips look bluish to family',
    'sudden breathlessness after a long flight, calf swollen',
    'pneumonia diagnosed by GP two days ago, now more breathless',
  ],
  severe_pain: [
    'sudden 10/10 left flank pain radiating to the groin, writhing, vomiting',
    'sudden worst headache of life while lifting at the gym {t} ago',
    'severe testicular pain since waking, 9/10, vomiting',
    'crushed hand in machinery, pain 10/10, pale and shaking with pain',
    'sudden tearing pain through to the back, 10/10',
  ],
};

/** Red flags mentioned but NOT present: denied, past history, or feared by relatives ({x}). */
const NEGATED: Record<Finding, string[]> = {
  anaphylaxis: ['lip or tongue swelling', 'hives', 'throat tightness'],
  airway_compromise: ['stridor', 'drooling', 'difficulty swallowing'],
  sepsis_signs: ['fever', 'rigors', 'shivering'],
  active_bleeding: ['bleeding', 'blood in vomit', 'blood in stool'],
  pregnancy_complication: ['vaginal bleeding', 'pregnancy', 'reduced fetal movements'],
  cardiac_chest_pain: ['chest pain', 'radiation to the arm', 'chest tightness'],
  stroke_symptoms: ['facial droop', 'arm weakness', 'slurred speech'],
  suicidal_ideation: ['thoughts of self-harm', 'suicidal thoughts', 'intent to harm self'],
  altered_mental_status: ['confusion', 'drowsiness', 'loss of consciousness'],
  hypotension: ['dizziness on standing', 'fainting', 'collapse'],
  hypoxia: ['shortness of breath', 'cyanosis', 'breathlessness at rest'],
  severe_pain: ['severe pain', 'worst pain ever', 'pain out of control'],
};
const HISTORY_FRAMES = [
  'PMH: {h}',
  'hx of {h}',
  'previous {h}',
  'background {h}',
  'known {h}, stable',
  'past {h}, fully recovered',
];
const HISTORY_ITEMS: Partial<Record<Finding, string[]>> = {
  cardiac_chest_pain: ['MI in 2019 with stent', 'angina, well controlled'],
  stroke_symptoms: ['stroke in 2020, no residual weakness', 'TIA two years ago'],
  anaphylaxis: ['anaphylaxis to penicillin as a child', 'nut allergy, carries an EpiPen'],
  suicidal_ideation: ['depression, well on sertraline', 'overdose in 2015, engaged with services'],
  sepsis_signs: ['urosepsis last winter', 'sepsis after surgery in 2021'],
  active_bleeding: ['GI bleed in 2018', 'peptic ulcer bleed in 2017'],
  pregnancy_complication: ['ectopic pregnancy in 2016', 'pre-eclampsia in her last pregnancy'],
  hypoxia: ['asthma as a child', 'mild COPD, no home oxygen'],
};
const FEAR_FRAMES = [
  'daughter worried about {x}',
  'family concerned re {x}, but none seen',
  'partner read online it could be {x}',
  'GP letter asks to rule out {x}; nothing found at triage',
  'pt anxious it is {x}',
];

// ---------------------------------------------------------------------------------------------
// Stable complaints, and the plan that decides 3, 4 or 5.

const PLAN_FRAMES = [
  'Plan: {items}.',
  'For {items}.',
  'Needs {items}.',
  'Plan - {items}.',
  'Will need {items}.',
  'To have {items}.',
];

// ---------------------------------------------------------------------------------------------
// Vitals.

interface Vitals {
  hr: number;
  sbp: number;
  dbp: number;
  rr: number;
  spo2: number;
  temp: number;
  gcs?: number;
}

const VITAL_FORMATS: ((v: Vitals, rng: Rng) => string)[] = [
  (v) => `HR ${v.hr}, BP ${v.sbp}/${v.dbp}, RR ${v.rr}, SpO2 ${v.spo2}% RA, T ${v.temp}`,
  (v) => `Obs: P ${v.hr} BP ${v.sbp}/${v.dbp} RR ${v.rr} sats ${v.spo2}% T ${v.temp}C`,
  (v) => `vitals HR ${v.hr} | BP ${v.sbp}/${v.dbp} | RR ${v.rr} | SpO2 ${v.spo2}% | temp ${v.temp}`,
  (v) => `pulse ${v.hr}, b/p ${v.sbp}/${v.dbp}, resp ${v.rr}, O2 sat ${v.spo2} on air, temp ${v.temp}`,
  (v) => `HR${v.hr} BP${v.sbp}/${v.dbp} RR${v.rr} SpO2 ${v.spo2} T${v.temp}`,
  (v) => `NEWS obs: SpO2 ${v.spo2}, RR ${v.rr}, HR ${v.hr}, SBP ${v.sbp}, T ${v.temp}`,
  (v) => `sats ${v.spo2} / RR ${v.rr} / BP ${v.sbp} over ${v.dbp} / pulse ${v.hr} / ${v.temp} degrees`,
  (v) => `T ${v.temp}, HR ${v.hr} reg, BP ${v.sbp}/${v.dbp} (L arm), RR ${v.rr}, SaO2 ${v.spo2}%`,
  (v) => `NIBP ${v.sbp}/${v.dbp}, HR ${v.hr}, RR ${v.rr}, pulse ox ${v.spo2}%, temp ${v.temp}`,
  (v) => `sys ${v.sbp} dia ${v.dbp}, P ${v.hr}, resps ${v.rr}, ox ${v.spo2}% air, T ${v.temp}`,
  (v) => `obs - T${v.temp} / P${v.hr} / R${v.rr} / BP ${v.sbp}-${v.dbp} / O2 ${v.spo2}%`,
  (v) => `${v.spo2}% on air, BP ${v.sbp}/${v.dbp}, HR ${v.hr}, RR ${v.rr}, afebrile at ${v.temp}`,
];
/** Vitals with the systolic and the saturation written as ranges ("systolic in the 70s"). */
function rangeWords(n: number, what: 'sys' | 'sat'): string | undefined {
  const tens = Math.floor(n / 10) * 10;
  const unit = n % 10;
  if (unit <= 3) return `${what === 'sys' ? 'systolic' : 'sats'} low ${tens}s`;
  if (unit >= 7) return `${what === 'sys' ? 'systolic' : 'sats'} high ${tens}s`;
  return undefined;
}
const RANGE_FORMATS: ((v: Vitals) => string | undefined)[] = [
  (v) => {
    const sys = rangeWords(v.sbp, 'sys');
    return sys && `${sys} on the monitor, HR ${v.hr}, RR ${v.rr}, SpO2 ${v.spo2}%, T ${v.temp}`;
  },
  (v) => {
    const sat = rangeWords(v.spo2, 'sat');
    return sat && `${sat} on air, BP ${v.sbp}/${v.dbp}, HR ${v.hr}, RR ${v.rr}, T ${v.temp}`;
  },
  (v) => {
    const sys = rangeWords(v.sbp, 'sys');
    const sat = rangeWords(v.spo2, 'sat');
    return sys && sat && `paramedic handover: ${sys}, ${sat}, HR ${v.hr}, RR ${v.rr}`;
  },
];
const GCS_FORMATS: ((g: number, rng: Rng) => string)[] = [
  (g) => `GCS ${g}`,
  (g) => `GCS ${g}/15`,
  (g, rng) => {
    const [e, v, m] = gcsParts(rng, g);
    return `GCS E${e}V${v}M${m}`;
  },
  (g, rng) => {
    const [e, v, m] = gcsParts(rng, g);
    return `GCS E${e} V${v} M${m}`;
  },
  (g) => (g <= 8 ? 'AVPU: P' : g < 15 ? 'AVPU: V' : 'AVPU: A'),
  (g) => `GCS total ${g}`,
];
/** A patient's usual values: not observations. */
const USUAL = [
  'usual sats 88-90% on air (COPD)',
  'usual BP runs 85/50 per GP',
  'baseline sats 89% per care home',
  'normally runs a systolic of 86',
  'home GCS 14 (dementia)',
];
const PLAN_MORE = [
  'Also {items}.',
  'Then {items}.',
  'Add {items}.',
  'After review: {items}.',
  'Plus {items}.',
  'Dr also wants {items}.',
];
const PLAN_JOINS = [', ', ' + ', '; ', ' and ', ', then ', ' / '];

function gcsParts(rng: Rng, g: number): [number, number, number] {
  for (let i = 0; i < 50; i++) {
    const e = rng.int(1, 4);
    const v = rng.int(1, 5);
    const m = g - e - v;
    if (m >= 1 && m <= 6) return [e, v, m];
  }
  return [Math.min(4, g - 2), 1, Math.max(1, g - Math.min(4, g - 2) - 1)];
}

// ---------------------------------------------------------------------------------------------
// Layout.

const OPENERS = ['Pt', 'Patient', 'Pt is a', 'Pt:', '', 'Triage:'];
const REMARKS = [
  'Anxious.',
  'Accompanied by daughter.',
  'Speaks limited English, interpreter requested.',
  'Waiting room busy.',
  'Requesting food.',
  'Partner parking the car.',
];

// ---------------------------------------------------------------------------------------------
// Paraphrase and typos: shorthand the set chooses.

// ---------------------------------------------------------------------------------------------

interface Pools {
  present: Record<string, string[]>;
  denial: string[];
  history: string[];
  fear: string[];
  stable: string[];
  resources: Record<string, string[]>;
  notResources: string[];
  notNeeded: string[];
  plans: string[];
  vitals: ((v: Vitals, rng: Rng) => string)[];
  gcs: ((g: number, rng: Rng) => string)[];
  ranges: ((v: Vitals) => string | undefined)[];
  timed: string[];
  dismissed: string[];
  usual: string[];
  joins: string[];
  planMore: string[];
  paraphrases: ParaphraseTable;
}

function pools(set: CaseSet): Pools {
  const present: Record<string, string[]> = {};
  for (const [flag, list] of Object.entries(PRESENT)) present[flag] = set.families(`present:${flag}`, list);
  const resources: Record<string, string[]> = {};
  for (const [kind, list] of Object.entries(RESOURCES))
    resources[kind] = set.families(`resource:${kind}`, list);
  return {
    present,
    denial: set.families('denial', DENIAL_FRAMES),
    history: set.families('history', HISTORY_FRAMES),
    fear: set.families('fear', FEAR_FRAMES),
    stable: set.families('stable', STABLE),
    resources,
    notResources: set.families('not-resources', NOT_RESOURCES),
    notNeeded: set.families('not-needed', NOT_NEEDED_FRAMES),
    plans: set.families('plans', PLAN_FRAMES),
    vitals: set.families('vitals', VITAL_FORMATS),
    gcs: set.families('gcs', GCS_FORMATS),
    ranges: set.families('ranges', RANGE_FORMATS, { public: 1 }),
    timed: set.families('timed', TIMED_FRAMES),
    dismissed: set.families('dismissed', DISMISSED_FRAMES),
    usual: set.families('usual', USUAL, { public: 2 }),
    joins: set.families('plan-joins', PLAN_JOINS, { public: 2 }),
    planMore: set.families('plan-more', PLAN_MORE),
    paraphrases: paraphraser(set, PARAPHRASES),
  };
}

function between(rng: Rng, lo: number, hi: number): number {
  return rng.int(lo, hi);
}

/** Normal adult vitals. */
function normalVitals(rng: Rng): Vitals {
  const sbp = between(rng, 112, 148);
  return {
    hr: between(rng, 62, 98),
    sbp,
    dbp: Math.round(sbp * rng.float(0.55, 0.68)),
    rr: between(rng, 12, 19),
    spo2: between(rng, 95, 100),
    temp: Math.round(rng.float(36.3, 37.4) * 10) / 10,
  };
}

interface Drafted {
  esi: Esi;
  flag: Flag;
  note: string;
  /** Which of the brief's rules the answer rests on. */
  rules: { esi: string[]; flag: string[] };
}

function draft(rng: Rng, p: Pools): Drafted {
  const sex = rng.pick(['M', 'F']);
  const age = rng.int(18, 92);
  const t = () => rng.pick(NUMBER_TIMES);
  const fillT = (s: string) => s.replace('{t}', t()).replace('{w}', String(rng.int(8, 38)));
  const v = normalVitals(rng);
  let gcs = 15;
  let showGcs = rng.chance(0.25);
  // What is present now.
  const kind = rng.weighted(['flag', 'vitals', 'stable'], [1.2, 0.45, 3.1]);
  const present: Finding[] = [];
  const complaints: string[] = [];
  let esi: Esi;
  let resources = 0;
  let plan = '';
  const rules = { esi: [ESI_RULE, LEVEL2_RULE, LATEST_RULE], flag: [FLAG_ORDER_RULE, LATEST_RULE] };
  let repeat: Vitals | undefined;
  if (kind === 'flag') {
    const allowed = ORDER.filter(
      (f) => f !== 'pregnancy_complication' || (sex === 'F' && age < 46),
    ) as Finding[];
    const main = rng.pick(allowed);
    present.push(main);
    complaints.push(fillT(rng.pick(p.present[main]!)));
    // Sometimes a second red flag is present too: the brief's order decides which one to name.
    if (rng.chance(0.45)) {
      const second = rng.pick(allowed.filter((f) => f !== main && !['hypotension', 'hypoxia'].includes(f)));
      present.push(second);
      complaints.push(fillT(rng.pick(p.present[second]!)));
      if (rng.chance(0.5)) complaints.reverse();
    }
    // Vitals that go with it (some of them flags of their own, lower in the order or not).
    if (main === 'anaphylaxis') {
      v.sbp = rng.int(72, 100);
      v.spo2 = rng.int(84, 94);
      v.hr = rng.int(110, 140);
    } else if (main === 'sepsis_signs') {
      v.temp = Math.round(rng.float(38.4, 39.9) * 10) / 10;
      v.hr = rng.int(104, 128);
      v.rr = rng.int(21, 30);
      v.sbp = rng.int(76, 112);
      if (rng.chance(0.4)) {
        gcs = rng.int(10, 14);
        showGcs = true;
      }
    } else if (main === 'active_bleeding') {
      v.hr = rng.int(100, 130);
      v.sbp = rng.int(75, 110);
    } else if (main === 'hypotension') {
      v.sbp = rng.chance(0.35) ? rng.int(66, 79) : rng.int(80, 89);
      v.hr = rng.int(100, 130);
    } else if (main === 'hypoxia') {
      v.spo2 = rng.chance(0.35) ? rng.int(78, 84) : rng.int(85, 91);
      v.rr = rng.int(24, 34);
    } else if (main === 'altered_mental_status') {
      gcs = rng.chance(0.4) ? rng.int(5, 8) : rng.int(9, 14);
      showGcs = true;
    } else if (main === 'cardiac_chest_pain') {
      v.hr = rng.int(88, 118);
      v.sbp = rng.int(140, 178);
    } else if (main === 'stroke_symptoms') {
      v.sbp = rng.int(160, 205);
    }
    v.dbp = Math.round(v.sbp * rng.float(0.55, 0.68));
  } else if (kind === 'vitals') {
    // A stable-looking complaint, but the vitals (perhaps only on repeat) are in the danger zone.
    complaints.push(fillT(rng.pick(p.stable)));
    const bad = rng.pick(['hypotension', 'hypoxia'] as const);
    const worse: Vitals = { ...v };
    if (bad === 'hypotension') {
      worse.sbp = rng.chance(0.3) ? rng.int(70, 79) : rng.int(80, 89);
      worse.dbp = Math.round(worse.sbp * 0.6);
      worse.hr = rng.int(98, 124);
    } else {
      worse.spo2 = rng.chance(0.3) ? rng.int(80, 84) : rng.int(85, 91);
      worse.rr = rng.int(22, 30);
    }
    present.push(bad);
    if (rng.chance(0.5)) repeat = worse;
    else Object.assign(v, worse);
  }
  // The level and the flag by the brief's rules.
  const latest = repeat ?? v;
  if (latest.sbp < 90 && !present.includes('hypotension')) present.push('hypotension');
  if (latest.spo2 < 92 && !present.includes('hypoxia')) present.push('hypoxia');
  if (gcs < 15 && !present.includes('altered_mental_status')) present.push('altered_mental_status');
  let flag: Flag = 'none';
  if (present.length) {
    flag = ORDER.find((f) => present.includes(f))!;
    const level1 =
      present.includes('anaphylaxis') ||
      present.includes('airway_compromise') ||
      gcs <= 8 ||
      latest.sbp < 80 ||
      latest.spo2 < 85;
    esi = level1 ? 1 : 2;
  } else {
    // Stable: the plan decides. Sometimes a danger-zone first set that settled on repeat.
    complaints.push(fillT(rng.pick(p.stable)));
    if (rng.chance(0.2)) {
      const first: Vitals = { ...v };
      if (rng.chance(0.5)) first.sbp = rng.int(82, 89);
      else first.spo2 = rng.int(88, 91);
      first.dbp = Math.round(first.sbp * 0.6);
      repeat = { ...v };
      Object.assign(v, first);
    }
    resources = rng.weighted([0, 1, 2, 3], [1, 1.4, 1.2, 0.6]);
    esi = resources >= 2 ? 3 : resources === 1 ? 4 : 5;
    rules.esi.push(RESOURCE_RULE, NOT_RESOURCE_RULE);
  }
  // The plan (for every patient; for levels 1–2 it does not change anything).
  {
    const count = kind === 'stable' ? resources : rng.int(1, 3);
    const usual = ['bloods', 'ivmeds', 'fluids', 'ct', 'xray', 'consult'];
    const kinds = rng.sample(kind === 'stable' ? Object.keys(p.resources) : usual, count);
    const items: string[] = kinds.map((k) => rng.pick(p.resources[k]!));
    // A second wording of blood tests still counts once.
    if (kinds.includes('bloods') && rng.chance(0.35))
      items.push(rng.pick(p.resources.bloods!.filter((b) => !items.includes(b)).concat(['repeat bloods'])));
    for (let i = rng.int(0, 2); i > 0; i--) items.push(rng.pick(p.notResources));
    if (rng.chance(0.55)) {
      const unused = Object.keys(p.resources).filter((k) => !kinds.includes(k));
      items.push(rng.pick(p.notNeeded).replace('{r}', rng.pick(p.resources[rng.pick(unused)]!)));
    }
    const shuffled = rng
      .shuffle(items)
      .map((item) =>
        rng.chance(0.5) ? (rng.chance(0.4) ? typo(rng, typo(rng, item)) : typo(rng, item)) : item,
      );
    const join = (list: string[]) => {
      let joined = '';
      list.forEach((item, i) => {
        joined += i === 0 ? item : `${rng.pick(p.joins)}${item}`;
      });
      return joined;
    };
    if (!shuffled.length) plan = 'Plan: advice only.';
    else if (shuffled.length >= 2 && rng.chance(0.45)) {
      // The plan in two sentences, the second with its own opening.
      const cut = rng.int(1, shuffled.length - 1);
      plan = `${rng.pick(p.plans).replace('{items}', join(shuffled.slice(0, cut)))} ${rng
        .pick(p.planMore)
        .replace('{items}', join(shuffled.slice(cut)))}`;
    } else plan = rng.pick(p.plans).replace('{items}', join(shuffled));
    plan = paraphrase(rng, p.paraphrases, plan, 0.5);
  }
  // Red flags that are not present: denied, in the history, or feared by relatives.
  const absent = ORDER.filter(
    (f) =>
      !present.includes(f) &&
      f !== 'hypotension' &&
      f !== 'hypoxia' &&
      (f !== 'pregnancy_complication' || sex === 'F'),
  );
  const negatives: string[] = [];
  for (let i = rng.int(0, 2); i > 0; i--) {
    const f = rng.pick(absent);
    negatives.push(rng.pick(p.denial).replace('{x}', rng.pick(NEGATED[f])));
  }
  const historyOf = absent.filter((f) => HISTORY_ITEMS[f]);
  if (rng.chance(0.45) && historyOf.length)
    negatives.push(rng.pick(p.history).replace('{h}', rng.pick(HISTORY_ITEMS[rng.pick(historyOf)]!)));
  if (rng.chance(0.3)) negatives.push(rng.pick(p.fear).replace('{x}', rng.pick(NEGATED[rng.pick(absent)])));

  const complaint = paraphrase(rng, p.paraphrases, complaints.join(', '), 0.5);
  // Another red flag's own words about the past or a fear: not a finding.
  const dismissable = absent.filter((f) => f !== 'suicidal_ideation');
  if (rng.chance(0.7) && dismissable.length)
    negatives.push(
      rng
        .pick(p.dismissed)
        .replace('{p}', fillT(rng.pick(PRESENT[rng.pick(dismissable)])))
        .replace('{year}', String(rng.int(2012, 2023))),
    );
  if (rng.chance(0.15)) negatives.push(rng.pick(p.usual));
  const gcsText = showGcs ? rng.pick(p.gcs)(gcs, rng) : '';
  const sets: string[] = [];
  if (repeat || rng.chance(0.3)) {
    // Two timed sets (the second the same as the first when nothing changed), in either order.
    const start = rng.int(13 * 60, 16 * 60);
    const clock = (m: number) => `${Math.floor(m / 60)}:${String(m % 60).padStart(2, '0')}`;
    const first = rng
      .pick(p.timed)
      .replace('{time}', clock(start))
      .replace('{v}', rng.pick(p.vitals)(v, rng));
    const later = rng
      .pick(p.timed)
      .replace('{time}', clock(start + rng.int(10, 40)))
      .replace('{v}', rng.pick(p.vitals)(repeat ?? v, rng));
    sets.push(...(rng.chance(0.5) ? [first, later] : [later, first]));
  } else sets.push((rng.chance(0.6) && rng.pick(p.ranges)(v)) || rng.pick(p.vitals)(v, rng));
  if (gcsText) sets.push(gcsText);
  const opener = `${rng.pick(OPENERS)} ${age}${sex}, ${rng.pick(ARRIVALS)}.`.trim();
  const said = rng.chance(0.3) ? typo(rng, complaint) : complaint;
  const middle: string[] = [];
  if (negatives.length) {
    const said = paraphrase(rng, p.paraphrases, rng.shuffle(negatives).join(', '), 0.5);
    middle.push(`${rng.chance(0.5) ? typo(rng, typo(rng, said)) : said}.`);
  }
  middle.push(`${rng.sample(HISTORY, rng.int(1, 2)).join(', ')}.`);
  middle.push(...sets.map((x) => `${x}.`));
  const parts = [opener];
  if (rng.chance(0.5)) parts.push(`${said}.`, ...rng.shuffle(middle));
  else {
    const shuffled = rng.shuffle(middle);
    shuffled.splice(
      rng.int(0, shuffled.length),
      0,
      `${rng.pick(['PC:', 'C/O', 'Presenting complaint:', 'Reason for attendance:'])} ${said}.`,
    );
    parts.push(...shuffled);
  }
  parts.push(plan);
  if (rng.chance(0.25)) parts.push(rng.pick(REMARKS));
  return { esi, flag, note: parts.join(' '), rules };
}

// A typical afternoon: most patients are stable, some 2s, a rare 1.
export const generate: Generate<{ department: string; patients: Patient[] }, { triage: Triage[] }> = (
  rng,
  index,
  set,
) => {
  const p = pools(set);
  const count = rng.int(16, 22);
  const patients: Patient[] = [];
  const triage: Triage[] = [];
  const facts: Fact[] = [];
  let clock = rng.int(13 * 60, 15 * 60);
  let number = 3000 + ((index * 53) % 6000) + rng.int(0, 40);
  const seen = new Set<string>();
  while (patients.length < count) {
    const d = draft(rng, p);
    if (seen.has(d.note)) continue;
    seen.add(d.note);
    clock += rng.int(2, 12);
    number += rng.int(1, 7);
    const id = `ED-${number}`;
    patients.push({
      id,
      arrived: `${String(Math.floor(clock / 60) % 24).padStart(2, '0')}:${String(clock % 60).padStart(2, '0')}`,
      note: d.note,
    });
    triage.push({ id, esi: d.esi, red_flag: d.flag });
    facts.push({
      id,
      text: d.note,
      answers: { esi: d.esi, red_flag: d.flag },
      evidence: { esi: d.rules.esi, red_flag: d.rules.flag },
    });
  }
  const department = rng.pick([
    "St Brigid's Hospital ED",
    'Northgate General – Emergency',
    'Riverside Infirmary A&E',
    'Mercy West Emergency Department',
  ]);
  return { input: { department, patients }, expected: { triage }, facts };
};
