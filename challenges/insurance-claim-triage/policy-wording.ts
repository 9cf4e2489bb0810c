/** The policy's wording tables: insurers and products, each peril's cover and each exclusion's wording, scopes, referral and fraud wording. */

export type Peril = 'theft' | 'accidental' | 'water' | 'storm';

export type Exclusion = 'wear' | 'unlocked' | 'unoccupied' | 'business';

export const INSURERS = [
  'Harbourline Insurance',
  'Northgate Mutual',
  'Kestrel Home Cover',
  'Albion & Vale',
  'Wrenfield General',
  'Castlegate Assurance',
  'Thistle & Oak Insurance',
  'Merrow Home',
];

export const PRODUCTS = [
  'Home Contents Standard',
  'Contents Plus',
  'Essential Contents',
  'Contents Select',
  'HomeSafe Contents',
  'Contents Core',
];

/** Per rule: several paraphrases of heading + text; {limit}/{days} filled from the terms. */
export const COVER_WORDING: Record<Peril, [string, string][]> = {
  theft: [
    [
      'Theft',
      'We cover theft of contents from the home, provided there was forcible and violent entry to or exit from the home.',
    ],
    [
      'Burglary',
      'We pay for contents stolen from your home where the thief got in or out by force and violence.',
    ],
    [
      'Theft by forced entry',
      'Contents taken from the home are covered when entry or exit was gained by force, such as a broken lock, door or window.',
    ],
    [
      'Theft and attempted theft',
      'Loss of contents by theft is insured only where someone broke into or out of the home using force.',
    ],
    [
      'Break-ins',
      'We cover contents stolen in a break-in, meaning violent and forcible entry into the private dwelling.',
    ],
    [
      'Stolen contents',
      'Cover applies to contents stolen from the insured home where there are visible signs of forced entry or exit.',
    ],
  ],
  accidental: [
    ['Accidental damage', 'We cover sudden and unintended physical damage to contents in the home.'],
    [
      'Accidents in the home',
      'We pay for contents that are damaged suddenly and by accident while in the home.',
    ],
    [
      'Sudden accidental damage',
      'Unexpected one-off physical damage to household contents, such as a drop or a spill, is covered.',
    ],
    [
      'Breakage and spills',
      'Contents broken, cracked or stained by a sudden accident inside the home are insured.',
    ],
    ['Mishaps', 'We will repair or replace contents damaged by an unforeseen accident at the home.'],
  ],
  water: [
    [
      'Escape of water',
      'We cover damage caused by water escaping from a fixed water or heating installation, a washing machine or a dishwasher.',
    ],
    [
      'Water leaks',
      'We pay for damage to contents from water that suddenly escapes from pipes, tanks, radiators or plumbed-in appliances.',
    ],
    [
      'Burst pipes and leaking appliances',
      'Damage by water or oil escaping suddenly from any fixed plumbing, heating system or plumbed-in machine is covered.',
    ],
    [
      'Leakage',
      'Contents damaged by a sudden escape of water from the household water supply, central heating or appliances are insured.',
    ],
    [
      'Escape of water or oil',
      'We cover loss or damage to contents caused by water or heating oil escaping from a fixed installation or appliance.',
    ],
  ],
  storm: [
    [
      'Storm',
      'We cover damage to contents, including garden furniture, caused by storm, high winds or hail.',
    ],
    [
      'Weather damage',
      'We pay for contents damaged by storm, gales, hail or heavy snow, including items kept in the garden.',
    ],
    [
      'Storm and hail',
      'Damage to household and garden contents caused by storm-force winds, hail or torrential rain is covered.',
    ],
    [
      'Severe weather',
      'Contents damaged by a storm, high wind or a hailstorm are insured, whether inside the home or in the garden.',
    ],
    [
      'Wind and storm',
      'We insure contents, garden furniture and sheds included, against damage from storms, strong winds and hail.',
    ],
  ],
};

export const EXCLUSION_WORDING: Record<Exclusion, [string, string][]> = {
  wear: [
    [
      'Wear and tear',
      'We do not cover damage that happens gradually, including wear and tear, rot, damp, mould or a slow leak that was not fixed.',
    ],
    [
      'Gradual deterioration',
      'Loss caused gradually over time is not covered, for example wear, rot, damp, condensation, mould or a known leak left unrepaired.',
    ],
    [
      'Gradual damage',
      'We will not pay for deterioration that builds up over time, such as wear and tear, mould, damp or a drip that was allowed to continue.',
    ],
    [
      'Maintenance',
      'Damage from lack of maintenance or from gradual causes (wear, rot, damp, mould, long-running leaks) is excluded.',
    ],
    [
      'Deterioration',
      'Anything that wears out, rots or is damaged by damp, mould or a persistent slow leak over a period of time is not insured.',
    ],
  ],
  unlocked: [
    [
      'Unlocked home',
      'We do not cover theft when there was no forcible entry, including when a door or window was left open or unlocked.',
    ],
    [
      'Insecure property',
      'Theft is not covered where the thief got in without force, for instance through an open window or an unlocked or unlatched door.',
    ],
    [
      'No forced entry',
      'We will not pay for theft if there is no evidence of forced entry or exit, including where doors or windows were left unsecured.',
    ],
    [
      'Open doors and windows',
      'Theft of contents is excluded where entry was made through a door or window that was open, unlocked or left on the latch.',
    ],
    [
      'Security',
      'There is no theft cover when the home was left insecure and entry was gained without any force or violence.',
    ],
  ],
  unoccupied: [
    [
      'Unoccupied home',
      'We do not cover {scope} while the home has been unoccupied for more than {days} consecutive days.',
    ],
    [
      'Empty homes',
      'Cover for {scope} stops once the home has been left empty for over {days} days in a row; other causes stay covered.',
    ],
    [
      'Unoccupancy',
      'If the home has been unoccupied for longer than {days} consecutive days, we will not pay claims for {scope}.',
    ],
    [
      'Long absences',
      'Claims for {scope} are excluded when nobody has lived in the home for more than {days} days running.',
    ],
    [
      'Vacant property',
      'There is no cover for {scope} after the home has been vacant for more than {days} consecutive days.',
    ],
  ],
  business: [
    ['Business use', 'We do not cover equipment or stock used for a business, trade or profession.'],
    [
      'Business equipment',
      'Items used for any business, trade or paid work, and business stock, are not covered by this policy.',
    ],
    [
      'Trade and professional property',
      'We will not pay for tools, equipment or goods held or used for a trade, profession or business.',
    ],
    [
      'Work equipment and stock',
      'Property used to earn money, including tools of a trade and stock for sale, is excluded.',
    ],
    [
      'Commercial use',
      'Contents used wholly or partly for a business or held as business stock are outside the cover.',
    ],
  ],
};

/** How the unoccupancy exclusion names the perils it applies to. */
export const SCOPES: { perils: Peril[]; words: string[] }[] = [
  {
    perils: ['theft', 'water'],
    words: [
      'theft or escape of water',
      'loss by theft or by water escaping',
      'theft and leaks from the plumbing or heating',
    ],
  },
  {
    perils: ['theft'],
    words: ['theft or attempted theft', 'loss by theft', 'theft (leaks, storms and accidents stay covered)'],
  },
  {
    perils: ['water'],
    words: [
      'escape of water',
      'water escaping from the plumbing or heating (theft stays covered)',
      'leaks and burst pipes',
    ],
  },
  {
    perils: ['theft', 'water', 'accidental'],
    words: [
      'theft, escape of water or accidental damage',
      'theft, leaks and accidental breakage',
      'any loss except storm damage',
    ],
  },
];

export const VALUE_WORDING: Record<'item' | 'total', [string, string][]> = {
  item: [
    [
      'High-value items',
      'Any single item valued above {limit} is referred for validation before settlement.',
    ],
    [
      'Single article limit',
      'Where any one item claimed is worth more than {limit}, the claim goes to a senior handler for validation.',
    ],
    [
      'Valuable items',
      'A claim that includes an individual item valued at over {limit} must be referred before it is settled; the total does not matter.',
    ],
    [
      'Items over the single item limit',
      'Refer the claim when one article on its own is valued above {limit}, whatever the claim adds up to.',
    ],
    [
      'High-value validation',
      'Any one item worth more than {limit} needs senior validation: refer the claim.',
    ],
  ],
  total: [
    [
      'Large claims',
      'Any claim whose total value is above {limit} is referred for validation before settlement.',
    ],
    [
      'Claim value limit',
      'Where the amount claimed in all exceeds {limit}, the claim goes to a senior handler, however the items are valued one by one.',
    ],
    [
      'Large losses',
      'A claim adding up to more than {limit} in total must be referred before it is settled.',
    ],
    [
      'Referral by claim size',
      'Refer every claim for more than {limit} altogether, even when no single item is expensive.',
    ],
    ['Total over the limit', 'If the items claimed come to more than {limit} between them, refer the claim.'],
  ],
};

export const NEW_WORDING: Record<'incident' | 'reported', [string, string][]> = {
  incident: [
    [
      'New policies',
      'Any claim for an incident within {days} days of the policy start date is referred for review.',
    ],
    [
      'Early claims',
      'If the incident happened within {days} days of the start of cover, refer the claim to a senior handler.',
    ],
    [
      'Recently incepted policies',
      'Claims for incidents occurring in the first {days} days after the policy start date must be referred.',
    ],
    [
      'Claims soon after inception',
      'Refer any claim where the loss happened less than {days} days after cover began.',
    ],
    [
      'New customers',
      'An incident within {days} days of the policy starting is referred for a senior review.',
    ],
  ],
  reported: [
    [
      'New policies',
      'Any claim first reported to us within {days} days of the policy start date is referred for review.',
    ],
    [
      'Early notifications',
      'If the customer notified the claim within {days} days of the start of cover, refer it to a senior handler, whenever the incident was.',
    ],
    [
      'Recently incepted policies',
      'Claims notified in the first {days} days after the policy start date must be referred.',
    ],
    ['Claims soon after inception', 'Refer any claim reported less than {days} days after cover began.'],
    [
      'New customers',
      'A claim reported within {days} days of the policy starting is referred for a senior review.',
    ],
  ],
};

export const FRAUD_WORDING: [string, string, string, string][] = [
  [
    'Flag a claim reported more than {late} days after the incident.',
    'Flag a claim with {hist} or more previous claims in the last 12 months.',
    'Flag a claim over {proof} with no proof of ownership.',
    'Flag a claim with no proof of ownership for any single item worth over {proof}.',
  ],
  [
    'Late notification: the incident was reported to us more than {late} days after it happened.',
    'Claims history: the customer has made {hist} or more other claims in the past twelve months.',
    'No proof: more than {proof} is claimed in total and there is no receipt, photo, statement or other proof of ownership.',
    'No proof: an item valued above {proof} is claimed and there is no receipt, photo, statement or other proof of ownership.',
  ],
  [
    'Reporting delay of over {late} days between the incident and the first notification.',
    'A history of {hist} or more earlier claims within the previous 12 months.',
    'A total claimed above {proof} without any evidence that the customer owned the items.',
    'A single item above {proof} claimed without any evidence that the customer owned it.',
  ],
  [
    'The loss was notified more than {late} days after the date of the incident.',
    'At least {hist} prior claims were made in the twelve months before this one.',
    'The claim as a whole exceeds {proof} and the customer cannot provide proof of ownership.',
    'One of the items is worth more than {proof} and the customer cannot provide proof of ownership.',
  ],
];
