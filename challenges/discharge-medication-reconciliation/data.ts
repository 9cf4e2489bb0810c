/**
 * The generator's tables: the drugs (names the discharge system and the patient use, classes,
 * strengths, usual frequencies), why a team stops a drug, and the wording pools of the notes.
 */

export type Unit = 'mg' | 'mcg' | 'units';

export type Group =
  | 'anticoagulant'
  | 'basal_insulin'
  | 'bolus_insulin'
  | 'antiepileptic'
  | 'beta_blocker'
  | 'statin'
  | 'ace_arb'
  | 'ccb'
  | 'biguanide'
  | 'sulfonylurea'
  | 'ppi'
  | 'loop_diuretic'
  | 'thiazide'
  | 'thyroid'
  | 'ssri'
  | 'alpha_blocker'
  | 'xanthine'
  | 'leukotriene'
  | 'dementia'
  | 'analgesic'
  | 'antiemetic'
  | 'laxative'
  | 'benzodiazepine'
  | 'opioid'
  | 'antibiotic'
  | 'steroid'
  | 'sleep';

/** Classes whose omission at discharge is dangerous. */
export const HIGH_RISK: ReadonlySet<Group> = new Set([
  'anticoagulant',
  'basal_insulin',
  'bolus_insulin',
  'antiepileptic',
  'beta_blocker',
]);

export interface Drug {
  generic: string;
  /** How the discharge system may print the generic name (salt, release form). */
  ehr: string[];
  brands: string[];
  group: Group;
  unit: Unit;
  form: 'tablet' | 'capsule' | 'pen';
  strengths: number[];
  /** Doses a day it is usually taken. */
  perDay: number[];
  /** Why a patient takes it (home lists often say so). */
  for: string[];
  prn?: string;
  /** Only ever started in hospital (antibiotic courses, post-operative analgesia …). */
  dischargeOnly?: boolean;
}

export const DRUGS: Drug[] = [
  // High-risk classes.
  {
    generic: 'warfarin',
    ehr: ['warfarin', 'warfarin sodium'],
    brands: ['Coumadin', 'Jantoven'],
    group: 'anticoagulant',
    unit: 'mg',
    form: 'tablet',
    strengths: [1, 2, 2.5, 3, 5],
    perDay: [1],
    for: ['AF', 'clots'],
  },
  {
    generic: 'apixaban',
    ehr: ['apixaban'],
    brands: ['Eliquis'],
    group: 'anticoagulant',
    unit: 'mg',
    form: 'tablet',
    strengths: [2.5, 5],
    perDay: [2],
    for: ['AF', 'blood thinner'],
  },
  {
    generic: 'rivaroxaban',
    ehr: ['rivaroxaban'],
    brands: ['Xarelto'],
    group: 'anticoagulant',
    unit: 'mg',
    form: 'tablet',
    strengths: [10, 15, 20],
    perDay: [1],
    for: ['DVT', 'blood thinner'],
  },
  {
    generic: 'dabigatran',
    ehr: ['dabigatran etexilate', 'dabigatran'],
    brands: ['Pradaxa'],
    group: 'anticoagulant',
    unit: 'mg',
    form: 'capsule',
    strengths: [75, 110, 150],
    perDay: [2],
    for: ['AF'],
  },
  {
    generic: 'insulin glargine',
    ehr: ['insulin glargine'],
    brands: ['Lantus', 'Basaglar'],
    group: 'basal_insulin',
    unit: 'units',
    form: 'pen',
    strengths: [],
    perDay: [1],
    for: ['diabetes', 'sugar'],
  },
  {
    generic: 'insulin detemir',
    ehr: ['insulin detemir'],
    brands: ['Levemir'],
    group: 'basal_insulin',
    unit: 'units',
    form: 'pen',
    strengths: [],
    perDay: [1, 2],
    for: ['diabetes'],
  },
  {
    generic: 'insulin lispro',
    ehr: ['insulin lispro'],
    brands: ['Humalog', 'Admelog'],
    group: 'bolus_insulin',
    unit: 'units',
    form: 'pen',
    strengths: [],
    perDay: [3],
    for: ['diabetes', 'meals'],
  },
  {
    generic: 'insulin aspart',
    ehr: ['insulin aspart'],
    brands: ['NovoLog'],
    group: 'bolus_insulin',
    unit: 'units',
    form: 'pen',
    strengths: [],
    perDay: [3],
    for: ['diabetes'],
  },
  {
    generic: 'levetiracetam',
    ehr: ['levetiracetam'],
    brands: ['Keppra'],
    group: 'antiepileptic',
    unit: 'mg',
    form: 'tablet',
    strengths: [250, 500, 750, 1000],
    perDay: [2],
    for: ['seizures', 'epilepsy'],
  },
  {
    generic: 'lamotrigine',
    ehr: ['lamotrigine'],
    brands: ['Lamictal'],
    group: 'antiepileptic',
    unit: 'mg',
    form: 'tablet',
    strengths: [25, 100, 150, 200],
    perDay: [1, 2],
    for: ['seizures'],
  },
  {
    generic: 'phenytoin',
    ehr: ['phenytoin sodium extended', 'phenytoin'],
    brands: ['Dilantin'],
    group: 'antiepileptic',
    unit: 'mg',
    form: 'capsule',
    strengths: [100],
    perDay: [3],
    for: ['seizures', 'epilepsy'],
  },
  {
    generic: 'divalproex',
    ehr: ['divalproex sodium DR', 'divalproex sodium'],
    brands: ['Depakote'],
    group: 'antiepileptic',
    unit: 'mg',
    form: 'tablet',
    strengths: [250, 500],
    perDay: [2],
    for: ['seizures'],
  },
  {
    generic: 'carbamazepine',
    ehr: ['carbamazepine'],
    brands: ['Tegretol'],
    group: 'antiepileptic',
    unit: 'mg',
    form: 'tablet',
    strengths: [200],
    perDay: [2, 3],
    for: ['epilepsy'],
  },
  {
    generic: 'metoprolol tartrate',
    ehr: ['metoprolol tartrate'],
    brands: ['Lopressor'],
    group: 'beta_blocker',
    unit: 'mg',
    form: 'tablet',
    strengths: [25, 50, 100],
    perDay: [2],
    for: ['heart', 'BP'],
  },
  {
    generic: 'metoprolol succinate',
    ehr: ['metoprolol succinate ER', 'metoprolol succinate'],
    brands: ['Toprol XL'],
    group: 'beta_blocker',
    unit: 'mg',
    form: 'tablet',
    strengths: [25, 50, 100, 200],
    perDay: [1],
    for: ['heart'],
  },
  {
    generic: 'carvedilol',
    ehr: ['carvedilol'],
    brands: ['Coreg'],
    group: 'beta_blocker',
    unit: 'mg',
    form: 'tablet',
    strengths: [3.125, 6.25, 12.5, 25],
    perDay: [2],
    for: ['heart failure', 'heart'],
  },
  {
    generic: 'atenolol',
    ehr: ['atenolol'],
    brands: ['Tenormin'],
    group: 'beta_blocker',
    unit: 'mg',
    form: 'tablet',
    strengths: [25, 50, 100],
    perDay: [1],
    for: ['BP'],
  },
  {
    generic: 'bisoprolol',
    ehr: ['bisoprolol fumarate', 'bisoprolol'],
    brands: ['Zebeta'],
    group: 'beta_blocker',
    unit: 'mg',
    form: 'tablet',
    strengths: [2.5, 5, 10],
    perDay: [1],
    for: ['heart', 'BP'],
  },
  // Everyday medicines.
  {
    generic: 'atorvastatin',
    ehr: ['atorvastatin calcium', 'atorvastatin'],
    brands: ['Lipitor'],
    group: 'statin',
    unit: 'mg',
    form: 'tablet',
    strengths: [10, 20, 40, 80],
    perDay: [1],
    for: ['cholesterol'],
  },
  {
    generic: 'simvastatin',
    ehr: ['simvastatin'],
    brands: ['Zocor'],
    group: 'statin',
    unit: 'mg',
    form: 'tablet',
    strengths: [10, 20, 40],
    perDay: [1],
    for: ['cholesterol'],
  },
  {
    generic: 'rosuvastatin',
    ehr: ['rosuvastatin calcium', 'rosuvastatin'],
    brands: ['Crestor'],
    group: 'statin',
    unit: 'mg',
    form: 'tablet',
    strengths: [5, 10, 20, 40],
    perDay: [1],
    for: ['cholesterol'],
  },
  {
    generic: 'lisinopril',
    ehr: ['lisinopril'],
    brands: ['Zestril', 'Prinivil'],
    group: 'ace_arb',
    unit: 'mg',
    form: 'tablet',
    strengths: [2.5, 5, 10, 20, 40],
    perDay: [1],
    for: ['BP', 'blood pressure'],
  },
  {
    generic: 'losartan',
    ehr: ['losartan potassium', 'losartan'],
    brands: ['Cozaar'],
    group: 'ace_arb',
    unit: 'mg',
    form: 'tablet',
    strengths: [25, 50, 100],
    perDay: [1, 2],
    for: ['BP', 'kidneys'],
  },
  {
    generic: 'amlodipine',
    ehr: ['amlodipine besylate', 'amlodipine'],
    brands: ['Norvasc'],
    group: 'ccb',
    unit: 'mg',
    form: 'tablet',
    strengths: [2.5, 5, 10],
    perDay: [1],
    for: ['BP', 'blood pressure'],
  },
  {
    generic: 'metformin',
    ehr: ['metformin HCl', 'metformin'],
    brands: ['Glucophage'],
    group: 'biguanide',
    unit: 'mg',
    form: 'tablet',
    strengths: [500, 850, 1000],
    perDay: [1, 2],
    for: ['diabetes', 'sugar'],
  },
  {
    generic: 'glipizide',
    ehr: ['glipizide'],
    brands: ['Glucotrol'],
    group: 'sulfonylurea',
    unit: 'mg',
    form: 'tablet',
    strengths: [2.5, 5, 10],
    perDay: [1, 2],
    for: ['diabetes'],
  },
  {
    generic: 'omeprazole',
    ehr: ['omeprazole DR', 'omeprazole'],
    brands: ['Prilosec'],
    group: 'ppi',
    unit: 'mg',
    form: 'capsule',
    strengths: [20, 40],
    perDay: [1, 2],
    for: ['stomach', 'reflux'],
  },
  {
    generic: 'pantoprazole',
    ehr: ['pantoprazole sodium DR', 'pantoprazole'],
    brands: ['Protonix'],
    group: 'ppi',
    unit: 'mg',
    form: 'tablet',
    strengths: [20, 40],
    perDay: [1, 2],
    for: ['stomach', 'reflux'],
  },
  {
    generic: 'furosemide',
    ehr: ['furosemide'],
    brands: ['Lasix'],
    group: 'loop_diuretic',
    unit: 'mg',
    form: 'tablet',
    strengths: [20, 40, 80],
    perDay: [1, 2],
    for: ['fluid', 'swelling'],
  },
  {
    generic: 'hydrochlorothiazide',
    ehr: ['hydrochlorothiazide'],
    brands: ['Microzide'],
    group: 'thiazide',
    unit: 'mg',
    form: 'tablet',
    strengths: [12.5, 25],
    perDay: [1],
    for: ['BP', 'water pill'],
  },
  {
    generic: 'levothyroxine',
    ehr: ['levothyroxine sodium', 'levothyroxine'],
    brands: ['Synthroid', 'Levoxyl'],
    group: 'thyroid',
    unit: 'mcg',
    form: 'tablet',
    strengths: [25, 50, 75, 88, 100, 112, 125],
    perDay: [1],
    for: ['thyroid'],
  },
  {
    generic: 'sertraline',
    ehr: ['sertraline HCl', 'sertraline'],
    brands: ['Zoloft'],
    group: 'ssri',
    unit: 'mg',
    form: 'tablet',
    strengths: [25, 50, 100],
    perDay: [1],
    for: ['mood', 'depression'],
  },
  {
    generic: 'escitalopram',
    ehr: ['escitalopram oxalate', 'escitalopram'],
    brands: ['Lexapro'],
    group: 'ssri',
    unit: 'mg',
    form: 'tablet',
    strengths: [5, 10, 20],
    perDay: [1],
    for: ['anxiety', 'mood'],
  },
  {
    generic: 'tamsulosin',
    ehr: ['tamsulosin HCl', 'tamsulosin'],
    brands: ['Flomax'],
    group: 'alpha_blocker',
    unit: 'mg',
    form: 'capsule',
    strengths: [0.4],
    perDay: [1],
    for: ['prostate'],
  },
  {
    generic: 'allopurinol',
    ehr: ['allopurinol'],
    brands: ['Zyloprim'],
    group: 'xanthine',
    unit: 'mg',
    form: 'tablet',
    strengths: [100, 300],
    perDay: [1],
    for: ['gout'],
  },
  {
    generic: 'montelukast',
    ehr: ['montelukast sodium', 'montelukast'],
    brands: ['Singulair'],
    group: 'leukotriene',
    unit: 'mg',
    form: 'tablet',
    strengths: [10],
    perDay: [1],
    for: ['asthma', 'allergies'],
  },
  {
    generic: 'donepezil',
    ehr: ['donepezil HCl', 'donepezil'],
    brands: ['Aricept'],
    group: 'dementia',
    unit: 'mg',
    form: 'tablet',
    strengths: [5, 10],
    perDay: [1],
    for: ['memory'],
  },
  // As needed.
  {
    generic: 'acetaminophen',
    ehr: ['acetaminophen'],
    brands: ['Tylenol'],
    group: 'analgesic',
    unit: 'mg',
    form: 'tablet',
    strengths: [325, 500],
    perDay: [3, 4],
    for: ['pain'],
    prn: 'pain',
  },
  {
    generic: 'ondansetron',
    ehr: ['ondansetron HCl', 'ondansetron'],
    brands: ['Zofran'],
    group: 'antiemetic',
    unit: 'mg',
    form: 'tablet',
    strengths: [4, 8],
    perDay: [2, 3],
    for: ['nausea'],
    prn: 'nausea',
  },
  {
    generic: 'docusate sodium',
    ehr: ['docusate sodium'],
    brands: ['Colace'],
    group: 'laxative',
    unit: 'mg',
    form: 'capsule',
    strengths: [100],
    perDay: [1, 2],
    for: ['constipation'],
    prn: 'constipation',
  },
  {
    generic: 'lorazepam',
    ehr: ['lorazepam'],
    brands: ['Ativan'],
    group: 'benzodiazepine',
    unit: 'mg',
    form: 'tablet',
    strengths: [0.5, 1],
    perDay: [2, 3],
    for: ['anxiety'],
    prn: 'anxiety',
  },
  {
    generic: 'melatonin',
    ehr: ['melatonin'],
    brands: [],
    group: 'sleep',
    unit: 'mg',
    form: 'tablet',
    strengths: [3, 5],
    perDay: [1],
    for: ['sleep'],
    prn: 'sleep',
  },
  // Started in hospital.
  {
    generic: 'oxycodone',
    ehr: ['oxycodone HCl', 'oxycodone'],
    brands: ['Roxicodone'],
    group: 'opioid',
    unit: 'mg',
    form: 'tablet',
    strengths: [5],
    perDay: [4, 6],
    for: ['pain'],
    prn: 'severe pain',
    dischargeOnly: true,
  },
  {
    generic: 'amoxicillin-clavulanate',
    ehr: ['amoxicillin-clavulanate'],
    brands: ['Augmentin'],
    group: 'antibiotic',
    unit: 'mg',
    form: 'tablet',
    strengths: [875],
    perDay: [2],
    for: ['infection'],
    dischargeOnly: true,
  },
  {
    generic: 'cephalexin',
    ehr: ['cephalexin'],
    brands: ['Keflex'],
    group: 'antibiotic',
    unit: 'mg',
    form: 'capsule',
    strengths: [500],
    perDay: [4],
    for: ['infection'],
    dischargeOnly: true,
  },
  {
    generic: 'doxycycline',
    ehr: ['doxycycline hyclate', 'doxycycline'],
    brands: ['Vibramycin'],
    group: 'antibiotic',
    unit: 'mg',
    form: 'tablet',
    strengths: [100],
    perDay: [2],
    for: ['infection'],
    dischargeOnly: true,
  },
  {
    generic: 'prednisone',
    ehr: ['prednisone'],
    brands: ['Deltasone'],
    group: 'steroid',
    unit: 'mg',
    form: 'tablet',
    strengths: [10, 20],
    perDay: [1],
    for: ['COPD'],
    dischargeOnly: true,
  },
];

export const ADMISSIONS = [
  'community-acquired pneumonia',
  'exacerbation of heart failure',
  'fall with hip fracture (repaired)',
  'COPD exacerbation',
  'urinary tract infection with delirium',
  'cellulitis of the left leg',
  'upper GI bleed',
  'acute kidney injury',
  'new atrial fibrillation',
  'elective knee replacement',
  'diabetic foot infection',
  'syncope',
];

/** Reasons a team writes when it stops a medicine, by class. */
export const STOP_REASONS: Partial<Record<Group, string[]>> = {
  anticoagulant: [
    'GI bleed during admission',
    'supratherapeutic INR with haematuria',
    'surgery planned next week, haematology to advise on restart',
    'fall with subdural haematoma',
  ],
  basal_insulin: [
    'recurrent hypoglycaemia, diabetes team now managing on oral agents',
    'HbA1c 6.1 % and poor intake, endocrinology agreed to stop',
  ],
  bolus_insulin: [
    'poor oral intake and hypoglycaemia, endocrinology agreed to stop',
    'diabetes team simplified to basal insulin only',
  ],
  antiepileptic: [
    'neurology advised stopping, seizure-free for ten years',
    'drug rash, neurology reviewing alternatives',
  ],
  beta_blocker: [
    'symptomatic bradycardia (HR 41)',
    'hypotension on the ward, cardiology to review in clinic',
    'bradycardia and heart block, cardiology aware',
  ],
};

export const GENERIC_STOP_REASONS = [
  'acute kidney injury',
  'no longer indicated',
  'hyponatraemia',
  'falls risk',
  'low blood pressure on the ward',
  'patient reports no longer taking it',
];

export const STOP_PHRASES = [
  (name: string, reason: string) => `${name} stopped: ${reason}.`,
  (name: string, reason: string) => `${name} discontinued (${reason}).`,
  (name: string, reason: string) => `Held ${name} on admission (${reason}); not restarted at discharge.`,
  (name: string, reason: string) => `Do not restart ${name} – ${reason}.`,
  (name: string, reason: string) => `${name} withdrawn in view of ${reason}.`,
  (name: string, reason: string) => `Because of ${reason}, ${name} has been stopped.`,
  (name: string, reason: string) => `${name} – ceased, ${reason}.`,
  (name: string, reason: string) => `Reason ${name} is off the list: ${reason}.`,
  (name: string, reason: string) => `${name} not continued given ${reason}.`,
];

/** A stop the notes mention without any reason: still a risky omission for the high-risk classes. */
export const BARE_STOP_PHRASES = [
  (name: string) => `${name} not restarted at discharge.`,
  (name: string) => `${name} omitted from the discharge list.`,
  (name: string) => `${name} held during admission – not addressed at discharge.`,
  (name: string) => `Stopped ${name} on the ward; no reason recorded.`,
  (name: string) => `${name}: stop. Reason not documented.`,
  (name: string) => `${name} was not reviewed before discharge and is off the list.`,
  (name: string) => `Not restarting ${name} – indication not documented.`,
];

/** How the notes may name a high-risk class instead of the drug (one medicine per class at home). */
export const CLASS_NAMES: Partial<Record<Group, string[]>> = {
  anticoagulant: ['the anticoagulant', 'the blood thinner', 'anticoagulation'],
  basal_insulin: ['the basal insulin', 'the long-acting insulin', 'background insulin'],
  bolus_insulin: ['the mealtime insulin', 'the rapid-acting insulin', 'prandial insulin'],
  antiepileptic: ['the antiepileptic', 'the seizure medicine', 'anti-seizure therapy'],
  beta_blocker: ['the beta-blocker', 'beta blockade', 'rate control tablet'],
};

/** Notes about medicines that continue: they name a drug but explain no stop. */
export const CONTINUE_NOTES = [
  (name: string) => `Continue ${name} as before.`,
  (name: string) => `${name} unchanged, GP to review.`,
  (name: string) => `Hold ${name} if vomiting or unable to eat (sick-day rules).`,
  (name: string) => `Reminder: ${name} must not be stopped abruptly.`,
  (name: string) => `Patient asked about ${name}; no change made.`,
];

export const FILLER_NOTES = [
  'Follow-up with primary care in 7 days.',
  'Repeat BMP in one week.',
  'Patient counselled on new medications with daughter present.',
  'Community nurse to review wound on day 3.',
  'Bring all medicine boxes to the next clinic visit.',
  'Allergies: penicillin (rash) – see chart.',
  'Discharge summary faxed to GP surgery.',
];

/** Doses a day: shorthand and words. */
export const FREQ: Record<number, { short: string[]; words: string[] }> = {
  1: {
    short: ['daily', 'QD', 'q24h', 'QAM', 'QHS', 'OD', 'mane', 'nocte', 'o.d.', '1x/day'],
    words: [
      'once daily',
      'every morning',
      'at bedtime',
      'once a day',
      'every evening',
      'each morning',
      'once each day',
      'at night',
      'one time a day',
    ],
  },
  2: {
    short: ['BID', 'q12h', 'twice daily', 'BD', 'b.d.', '12-hourly', '2x/day'],
    words: [
      'twice daily',
      'twice a day',
      'every 12 hours',
      'two times a day',
      'morning and evening',
      'two times daily',
    ],
  },
  3: {
    short: ['TID', 'q8h', 'TID with meals', 'TDS', 't.d.s.', '8-hourly', '3x/day'],
    words: [
      'three times daily',
      'three times a day with meals',
      'every 8 hours',
      'three times each day',
      'with each meal, three times a day',
      'every eight hours',
    ],
  },
  4: {
    short: ['QID', 'q6h', 'QDS', 'q.d.s.', '6-hourly', '4x/day'],
    words: ['four times daily', 'every 6 hours', 'four times each day', 'every six hours'],
  },
  6: {
    short: ['q4h', '4-hourly', '6x/day'],
    words: ['every 4 hours', 'every four hours', 'six times a day'],
  },
};

export const WORD_NUMBERS: Record<number, string> = { 0.5: 'half a', 1: 'one', 2: 'two', 3: 'three' };
