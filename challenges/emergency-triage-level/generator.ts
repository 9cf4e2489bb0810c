import type { Generate, Rng } from '@reps/engine';

/**
 * An emergency department's waiting list: 16–22 intake notes written by the triage nurse at the
 * door, each with a complaint, history and a set of vitals, in a nurse's shorthand. Each patient has
 * an Emergency Severity Index level (1 most urgent … 5) and, for levels 1 and 2, the red flag that
 * decides it. Levels 3–5 differ by the resources the patient will need and have no red flag.
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

interface Vitals {
  hr: [number, number];
  sbp: [number, number];
  rr: [number, number];
  spo2: [number, number];
  temp: [number, number];
}

interface Presentation {
  esi: Esi;
  /** The one finding that decides a level 1 or 2; 'none' for stable patients. */
  flag: Flag;
  age: [number, number];
  complaints: string[];
  vitals: Vitals;
}

const NORMAL: Vitals = { hr: [64, 96], sbp: [112, 142], rr: [12, 18], spo2: [96, 100], temp: [36.3, 37.4] };

const PRESENTATIONS: Presentation[] = [
  {
    esi: 1,
    flag: 'anaphylaxis',
    age: [8, 60],
    complaints: [
      'stung by a wasp {t} ago, lips and tongue swelling, stridor audible, cannot complete sentences',
      'ate a dish with peanuts at a restaurant, known allergy, throat closing, drooling, hives all over',
    ],
    vitals: { hr: [128, 150], sbp: [72, 88], rr: [28, 36], spo2: [84, 90], temp: [36.5, 37.2] },
  },
  {
    esi: 1,
    flag: 'altered_mental_status',
    age: [55, 90],
    complaints: [
      'found on the floor at home by a neighbour, responds only to pain, skin cold and mottled',
      'brought in by family, unresponsive after vomiting blood twice, GCS 7 at the door',
    ],
    vitals: { hr: [120, 145], sbp: [64, 82], rr: [8, 26], spo2: [86, 93], temp: [34.9, 36.4] },
  },
  {
    esi: 2,
    flag: 'cardiac_chest_pain',
    age: [48, 82],
    complaints: [
      'central crushing chest pain radiating to the left arm for {t}, sweaty and nauseous, history of diabetes',
      'tight chest since climbing the stairs {t} ago, pain into the jaw, previous stent in 2019',
    ],
    vitals: { hr: [92, 118], sbp: [146, 178], rr: [18, 24], spo2: [94, 97], temp: [36.4, 37.2] },
  },
  {
    esi: 2,
    flag: 'stroke_symptoms',
    age: [58, 92],
    complaints: [
      'sudden slurred speech and right arm weakness, last known well {t} ago, face drooping on the right',
      'wife noticed confusion and left-sided weakness at breakfast, cannot lift the left leg',
    ],
    vitals: { hr: [70, 104], sbp: [168, 204], rr: [14, 20], spo2: [94, 98], temp: [36.4, 37.1] },
  },
  {
    esi: 2,
    flag: 'sepsis_signs',
    age: [70, 94],
    complaints: [
      'nursing home resident, more confused than usual since yesterday, foul-smelling urine, shivering',
      'two days of cough with green sputum, now drowsy and muddled according to daughter',
    ],
    vitals: { hr: [108, 128], sbp: [88, 104], rr: [22, 30], spo2: [90, 94], temp: [38.6, 39.8] },
  },
  {
    esi: 2,
    flag: 'suicidal_ideation',
    age: [17, 65],
    complaints: [
      'states wants to end life, has a plan to take stored tablets, partner found a goodbye letter',
      'brought by police after being found on a bridge parapet, tearful, says "I can\'t go on"',
    ],
    vitals: { hr: [78, 104], sbp: [114, 142], rr: [14, 20], spo2: [96, 100], temp: [36.4, 37.2] },
  },
  {
    esi: 2,
    flag: 'active_bleeding',
    age: [20, 80],
    complaints: [
      'deep laceration to the thigh from a chainsaw, dressing soaked through, blood dripping on the floor',
      'vomited bright red blood three times this morning, on warfarin, dizzy on standing',
    ],
    vitals: { hr: [112, 132], sbp: [82, 96], rr: [20, 26], spo2: [94, 98], temp: [36.2, 37.0] },
  },
  {
    esi: 2,
    flag: 'pregnancy_complication',
    age: [19, 41],
    complaints: [
      '{w} weeks pregnant, sudden severe lower abdominal pain and vaginal bleeding, feels faint',
      '{w} weeks pregnant, severe headache and blurred vision since this afternoon, swollen ankles',
    ],
    vitals: { hr: [96, 118], sbp: [96, 168], rr: [18, 24], spo2: [95, 99], temp: [36.5, 37.4] },
  },
  {
    esi: 2,
    flag: 'hypoxia',
    age: [30, 85],
    complaints: [
      'known COPD, increasingly breathless over {t}, using accessory muscles, speaking in short phrases',
      'asthma attack not settling with own inhaler, wheeze throughout, struggling to talk',
    ],
    vitals: { hr: [104, 124], sbp: [122, 150], rr: [26, 32], spo2: [85, 90], temp: [36.6, 37.8] },
  },
  {
    esi: 2,
    flag: 'severe_pain',
    age: [25, 70],
    complaints: [
      'sudden 10/10 left flank pain radiating to the groin, writhing, vomiting, cannot sit still',
      'sudden worst headache of life while lifting at the gym {t} ago, pain 10/10',
    ],
    vitals: { hr: [96, 116], sbp: [138, 168], rr: [18, 24], spo2: [96, 100], temp: [36.4, 37.3] },
  },
  {
    esi: 3,
    flag: 'none',
    age: [18, 80],
    complaints: [
      'right lower abdominal pain since last night, nausea, pain 6/10, walking slowly',
      'fall from a ladder onto the left wrist, obvious deformity, fingers warm and pink, pain 6/10',
      'fever and productive cough for four days, mild breathlessness on exertion only',
      'vomiting and diarrhoea for two days, unable to keep fluids down, feels weak',
    ],
    vitals: { hr: [84, 104], sbp: [110, 142], rr: [16, 20], spo2: [95, 99], temp: [36.8, 38.4] },
  },
  {
    esi: 4,
    flag: 'none',
    age: [5, 70],
    complaints: [
      'twisted right ankle playing football, swollen over the outer ankle, can bear weight with a limp',
      'cut to the palm from a kitchen knife {t} ago, bleeding controlled with pressure, needs stitches',
      'burning on passing urine for three days, no fever, otherwise well',
      'something in the left eye since grinding metal this morning, watering, vision normal',
    ],
    vitals: NORMAL,
  },
  {
    esi: 5,
    flag: 'none',
    age: [4, 75],
    complaints: [
      'sore throat for two days, eating and drinking normally, wants antibiotics',
      'needs a repeat prescription for blood pressure tablets, ran out yesterday, no symptoms',
      'insect bite on the forearm, red and itchy, no spreading redness',
      'wants a wound check and dressing change after stitches last week, no concerns',
    ],
    vitals: NORMAL,
  },
];

const OPENERS = ['Pt', 'Patient', 'Pt is a', 'Pt:'];
const ARRIVALS = [
  'walked in',
  'ambulance',
  'brought by family',
  'self-presented',
  'brought by partner',
  'GP referral',
];
const HISTORY = [
  'PMH HTN',
  'PMH nil of note',
  'PMH T2DM, on metformin',
  'PMH asthma',
  'no regular meds',
  'NKDA',
  'allergic to penicillin',
  'lives alone',
  'smoker 20/day',
  'PMH AF on apixaban',
];

function between(rng: Rng, range: [number, number], decimals = 0): number {
  const value = rng.float(range[0], range[1]);
  const f = 10 ** decimals;
  return Math.round(value * f) / f;
}

function time(rng: Rng): string {
  return rng.pick(['20 min', '40 minutes', '1 hour', '2 hours', '90 min', '3 hrs', 'half an hour']);
}

function note(rng: Rng, p: Presentation): string {
  const age = rng.int(p.age[0], p.age[1]);
  const sex = rng.pick(['M', 'F']);
  const complaint = rng
    .pick(p.complaints)
    .replace('{t}', time(rng))
    .replace('{w}', String(rng.int(8, 36)));
  const v = p.vitals;
  const hr = between(rng, v.hr);
  const sbp = between(rng, v.sbp);
  const dbp = Math.round(sbp * rng.float(0.55, 0.68));
  const rr = between(rng, v.rr);
  const spo2 = between(rng, v.spo2);
  const temp = between(rng, v.temp, 1);
  const vitals = rng.pick([
    `HR ${hr}, BP ${sbp}/${dbp}, RR ${rr}, SpO2 ${spo2}% RA, T ${temp}`,
    `Obs: P ${hr} BP ${sbp}/${dbp} RR ${rr} sats ${spo2}% T ${temp}C`,
    `vitals HR ${hr} | BP ${sbp}/${dbp} | RR ${rr} | SpO2 ${spo2}% | temp ${temp}`,
  ]);
  const history = rng.sample(HISTORY, rng.int(1, 2)).join(', ');
  const pain = p.esi >= 4 ? `pain ${rng.int(1, 4)}/10` : '';
  const parts = [
    `${rng.pick(OPENERS)} ${age}${sex}, ${rng.pick(ARRIVALS)}. ${complaint}.`,
    `${history}.`,
    `${vitals}.`,
  ];
  if (pain) parts.push(`${pain}.`);
  if (rng.chance(0.25))
    parts.push(
      rng.pick([
        'Anxious.',
        'Accompanied by daughter.',
        'Speaks limited English, interpreter requested.',
        'Waiting room busy.',
      ]),
    );
  return parts.join(' ');
}

// A typical afternoon: most patients are level 3 or 4, a few 2s, a rare 1.
const ESI_WEIGHTS: Record<Esi, number> = { 1: 0.35, 2: 1.6, 3: 2.6, 4: 2.2, 5: 1.2 };

export const generate: Generate<{ department: string; patients: Patient[] }, { triage: Triage[] }> = (
  rng,
  index,
) => {
  const count = rng.int(16, 22);
  const patients: Patient[] = [];
  const triage: Triage[] = [];
  const facts: { id: string; text: string; answers: Record<string, unknown> }[] = [];
  let clock = rng.int(13 * 60, 15 * 60);
  let number = 3000 + ((index * 53) % 6000) + rng.int(0, 40);
  const seen = new Set<string>();
  while (patients.length < count) {
    const p = rng.weighted(
      PRESENTATIONS,
      PRESENTATIONS.map((x) => ESI_WEIGHTS[x.esi] / PRESENTATIONS.filter((y) => y.esi === x.esi).length),
    );
    const text = note(rng, p);
    if (seen.has(text)) continue;
    seen.add(text);
    clock += rng.int(2, 12);
    number += rng.int(1, 7);
    const id = `ED-${number}`;
    patients.push({
      id,
      arrived: `${String(Math.floor(clock / 60) % 24).padStart(2, '0')}:${String(clock % 60).padStart(2, '0')}`,
      note: text,
    });
    triage.push({ id, esi: p.esi, red_flag: p.flag });
    facts.push({ id, text, answers: { esi: p.esi, red_flag: p.flag } });
  }
  const department = rng.pick([
    "St Brigid's Hospital ED",
    'Northgate General – Emergency',
    'Riverside Infirmary A&E',
    'Mercy West Emergency Department',
  ]);
  return { input: { department, patients }, expected: { triage }, facts };
};
