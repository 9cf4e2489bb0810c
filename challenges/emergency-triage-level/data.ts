/** The generator's word lists: denials, stable findings, resources and what does not count as one, plan frames, arrivals, histories, times and the paraphrase table. */

export const DENIAL_FRAMES = [
  'denies {x}',
  'no {x}',
  'nil {x}',
  '{x}: none',
  'not reporting any {x}',
  'no {x} reported',
  '{x} absent',
  'negative for {x}',
  '{x} -ve',
  'no hx of {x} today',
  'pt says no {x}',
  '{x} denied',
];

export const STABLE = [
  'right lower abdominal pain since last night, nausea, walking slowly',
  'fall onto the left wrist, swollen and tender, fingers warm and pink',
  'fever and productive cough for four days, eating and drinking',
  'vomiting and diarrhoea for two days, keeping small sips down',
  'twisted right ankle playing football, can bear weight with a limp',
  'cut to the palm from a kitchen knife {t} ago, bleeding controlled with pressure',
  'burning on passing urine for three days, otherwise well',
  'something in the left eye since grinding metal, watering, vision normal',
  'sore throat for two days, eating and drinking normally',
  'needs a repeat prescription for blood pressure tablets, ran out yesterday',
  'insect bite on the forearm, red and itchy, no spreading redness',
  'wound check and dressing change after stitches last week',
  'lower back pain after lifting boxes, walking normally, no numbness',
  'fell off a bike, grazed knee and sore shoulder, full movement',
  'rash on both arms for a week, itchy, otherwise well',
  'headache for two days, gradual onset, usual migraine pattern',
  'dog bite to the hand, small puncture wounds, moving all fingers',
  'earache for three days, mild fever at home, settled with paracetamol',
  'chest wall pain after a fall onto the left side, worse on pressing, no radiation to the arm',
  'mild headache after a bump on the head {t} ago, fully alert, no vomiting',
  'small nosebleed {t} ago that stopped with pressure, not on blood thinners',
  'mild wheeze, speaking in full sentences, settled with own inhaler',
  'felt faint in a hot room {t} ago, fully recovered, lying and standing normal',
  'wasp sting on the hand {t} ago, local swelling only, lips and tongue normal',
  'low mood for a month, no thoughts of self-harm, wants to talk to someone',
  'tingling in the right hand after sleeping on it, strength normal, speech normal',
  'stomach cramps after a curry, pain 3/10, no blood in stool',
  'cut finger on a tin, bleeding stopped, wants it checked',
];

/** Resources in a plan, each kind with its wordings (blood tests count once, whatever the number). */
export const RESOURCES: Record<string, string[]> = {
  bloods: ['bloods', 'FBC and U&E', 'blood tests', 'labs incl CRP', 'FBC, CRP, LFTs', 'venous bloods'],
  urine: ['urine dip and MSU', 'urinalysis', 'urine sample for culture', 'MSU'],
  xray: ['X-ray', 'XR of the affected area', 'CXR', 'plain film', 'radiograph'],
  ct: ['CT scan', 'CT head', 'CT abdomen', 'CT'],
  ultrasound: ['ultrasound', 'USS', 'bedside scan'],
  fluids: ['IV fluids', 'IVF 1 L', 'a drip', 'fluids through a cannula'],
  ivmeds: ['IV antibiotics', 'IV analgesia', 'IM antiemetic', 'IV paracetamol', 'IM injection'],
  neb: ['salbutamol nebuliser', 'nebs', 'a neb'],
  consult: [
    'ortho review',
    'surgical review',
    'ENT opinion',
    'specialist review',
    'referral to the on-call team',
  ],
  procedure: ['sutures', 'stitches', 'suturing under local', 'a backslab', 'reduction under sedation'],
};

export const NOT_RESOURCES = [
  'oral analgesia',
  'paracetamol PO',
  'a prescription',
  'script for antibiotics',
  'simple dressing',
  'tetanus booster',
  'crutches',
  'a sling',
  'advice',
  'safety-netting',
  'ice and elevation',
  'eye wash',
  'oral rehydration',
];

export const NOT_NEEDED_FRAMES = [
  '{r} not needed',
  'no {r} required',
  '{r} not indicated',
  'no need for {r}',
  '{r} deferred to GP',
  '{r} already done at the walk-in centre',
  '{r} done by GP this morning, results with pt',
  'had {r} yesterday elsewhere, no repeat',
  '{r} - see result brought in',
];

/** A set of observations with the time it was taken (the sets may be written in either order). */
export const TIMED_FRAMES = [
  'Obs {time}: {v}',
  '{time} obs: {v}',
  'At {time}: {v}',
  'Set taken {time} - {v}',
  'Re-check {time}: {v}',
  '({time}) {v}',
  'Vitals @ {time}: {v}',
  'Obs at {time} hrs {v}',
];

/** A red flag's own words, said about the past or about a fear ({p}): not a finding now. */
export const DISMISSED_FRAMES = [
  'GP letter mentions {p}; not the case now',
  'hx of {p} in {year}, fully resolved',
  'wife worried because last year {p}',
  'sent in to rule out {p}, nothing of the sort at triage',
  'previous attendance in {year} with {p}',
  'ambulance crew queried {p}, not confirmed',
  'mother had {p}, pt is worried it runs in the family',
  'read online about {p}, has none of it',
];

export const ARRIVALS = [
  'walked in',
  'ambulance',
  'brought by family',
  'self-presented',
  'brought by partner',
  'GP referral',
  'via 999',
  'carried in by friends',
];

export const HISTORY = [
  'PMH HTN',
  'PMH nil of note',
  'PMH T2DM, on metformin',
  'no regular meds',
  'NKDA',
  'allergic to penicillin',
  'lives alone',
  'smoker 20/day',
  'PMH AF on apixaban',
  'hypothyroid on levothyroxine',
];

export const NUMBER_TIMES = [
  '20 min',
  '40 minutes',
  '1 hour',
  '2 hours',
  '90 min',
  '3 hrs',
  'half an hour',
  '45 mins',
];

export const PARAPHRASES: string[][] = [
  ['since this morning', 'since am', 'from this morning', 'since early today'],
  ['breathless', 'SOB', 'short of breath', 'dyspnoeic'],
  ['vomiting', 'vomitting', 'being sick', 'N&V'],
  ['weakness', 'weak', 'loss of power', 'reduced power'],
  ['swelling', 'swollen', 'oedema', 'puffiness'],
  ['pain', 'discomfort', 'ache', 'pain'],
  ['confused', 'muddled', 'disorientated', 'not with it'],
  ['yesterday', 'yday', 'the day before', '24h ago'],
  ['denies', 'pt denies', 'says no', 'reports no'],
  ['history', 'hx', 'background', 'PMH'],
  ['sudden', 'abrupt', 'sudden-onset', 'acute'],
  ['left', 'L', 'lt', 'left-sided'],
  ['right', 'R', 'rt', 'right-sided'],
  ['worried about', 'concerned about', 'scared of', 'fearing'],
  ['ago', 'prior', 'before arrival', 'earlier'],
  ['GP letter', 'referral letter', 'GP note', 'letter from GP'],
  ['rule out', 'exclude', 'r/o', 'check for'],
  ['queried', 'wondered about', 'raised', 'flagged'],
  ['not needed', 'not required', 'unnecessary', 'not warranted'],
  ['fully resolved', 'all settled', 'no recurrence', 'long since better'],
  ['worried', 'concerned', 'anxious', 'fretting'],
  ['not confirmed', 'not borne out', 'unfounded', 'not supported'],
  [
    'nothing found at triage',
    'nothing seen at triage',
    'no evidence of it here',
    'not present on assessment',
  ],
  ['deferred to GP', 'for GP to arrange', 'left to GP', 'GP to do'],
  ['none seen', 'none evident', 'not seen', 'none present'],
  ['absent', 'not present', 'not evident', 'not seen'],
];
