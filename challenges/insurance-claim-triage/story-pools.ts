/** The wording pools of the claim stories: break-ins, accidents, water, storms, business use, corrections, distractors and callers. */

export const ENTRY_POINTS = [
  'back door',
  'kitchen window',
  'patio doors',
  'front door',
  'side door by the garage',
  'french windows',
  'bathroom window',
  'utility room door',
  'lounge window',
  'conservatory door',
];

export const FORCED_PP = [
  'had been forced',
  'had been jemmied open',
  'had been kicked in',
  'had been smashed',
  'had been prised open',
  'had its lock snapped',
  'had a splintered frame',
  'had been levered off its hinges',
  'had its glass broken so the catch could be reached',
  'had been drilled through at the lock',
  'was locked, but had been forced',
  'had not been left open: it was broken open',
  'was found with its lock hanging off',
  'had been locked, yet was smashed in',
];

export const INSECURE_PP = [
  'had been left unlocked',
  'was on the latch',
  'had been left open',
  'had not been locked',
  'was left wide open',
  'was closed but not locked',
  'had been left ajar',
  'had been unlocked for the window cleaner',
  'had not been forced',
  'showed no sign of being forced',
  'was undamaged and had not been locked',
  'had not been broken, just left unlocked',
];

export const THEFT_ITEMS = [
  'a laptop',
  'two bicycles',
  'jewellery from the bedroom',
  'a games console and controllers',
  'a camera and lenses',
  'a handbag and a tablet',
  'a television',
  'a watch collection',
  'an e-bike',
  'a designer coat and two phones',
  'a pair of speakers and a record player',
  'a violin',
];

/** Theft events say nothing about how the thief got in. */
export const THEFT_EVENTS = [
  'came home to find {items} gone',
  'reports that {items} {were} stolen from the house',
  'says {items} disappeared from the house overnight',
  'was burgled: {items} {were} taken',
  'reports a theft of {items}',
  'noticed on returning from work that {items} had been taken',
  'says someone got into the house and took {items}',
  'tells us {items} went missing while the family were out',
  'reports {items} stolen during the night',
];

/** Forced entry, said plainly (with {entry} and {forced}). */
export const FORCED_SAID = [
  'The {entry} {forced}.',
  'Police confirmed that the {entry} {forced}.',
  'The thieves got in through the {entry}, which {forced}.',
  'Entry was through the {entry}: it {forced}.',
  'The locksmith who came out says the {entry} {forced}.',
];

/** Forced entry, said by ruling out an insecure home. */
export const FORCED_BY_NEGATION = [
  'Every door and window had been locked, and the {entry} {forced}.',
  'Nothing had been left open or unlocked; the {entry} {forced}.',
  'The customer had locked up properly before going out; the {entry} {forced}.',
  'It was not a case of an unlocked door: the {entry} {forced}.',
];

/** Forced after a contrast (the first half points to an insecure home, the second wins). */
export const FORCED_AFTER_CONTRAST = [
  'The customer first thought the {other} {insecure}, but it had not: the {entry} {forced}.',
  'Although the {other} {insecure} earlier in the day, it was locked by the evening, and the thieves came in through the {entry}, which {forced}.',
  'An upstairs window was open, but it is out of reach; the {entry} {forced}.',
  'The neighbour assumed the {other} {insecure}; in fact the {entry} {forced}.',
];

/** Insecure home, said plainly (with {entry} and {insecure}). */
export const INSECURE_SAID = [
  'The {entry} {insecure}.',
  'It turns out the {entry} {insecure} at the time.',
  'The customer admits the {entry} {insecure}.',
  'The thief simply walked in: the {entry} {insecure}.',
  'According to the police report, the {entry} {insecure}.',
];

/** Insecure home, said by ruling out force. */
export const INSECURE_BY_NEGATION = [
  'There was no sign of forced entry anywhere.',
  'Police found no damage to any door, window or lock.',
  'Nothing was broken to get in, and all the locks are intact.',
  'No door or window was forced; the locks and frames are undamaged.',
  'The locksmith found no marks of force on any lock.',
];

/** Insecure after a contrast (the first half points to force, the second wins). */
export const INSECURE_AFTER_CONTRAST = [
  'The customer first reported that the {entry} {forced}, but the locksmith found it undamaged: it {insecure}.',
  'A pane in the {other} was cracked, but that was old damage; the thief came in because the {entry} {insecure}.',
  'At first it looked as if the {entry} {forced}, but the police established that it {insecure}.',
  'The scratches on the {other} were there before; the {entry} {insecure}, which is how the thief got in.',
];

/** Corrections that come later in the summary (with {entry} and {state}). */
export const CORRECTIONS = [
  'Correction after a second call: the {entry} {state}.',
  'Update from the police: in fact the {entry} {state}.',
  'The customer has since corrected this: the {entry} {state}.',
  'Later note from the loss adjuster: the {entry} {state}.',
  'Amended on review of the photos: the {entry} {state}.',
  'Please disregard the first account; the {entry} {state}.',
];

export const VALUE_CORRECTIONS = [
  'The customer later revised the value of the most expensive item to {v}.',
  'Update: the dearest item has been revalued at {v}.',
  'Correction: the top item is worth {v}, not the figure first given.',
  'After a valuation, the priciest item is now put at {v}.',
];

export const DATE_CORRECTIONS = [
  'Update: the incident was actually on {d}, not the date first given.',
  'Correction: the loss happened on {d}.',
  'The customer has corrected the incident date to {d}.',
  'Amended incident date after checking the police log: {d}.',
];

export const ACCIDENTS = [
  'a television was knocked off its stand',
  'coffee was spilled over a laptop',
  'a mirror was broken while moving furniture',
  'a sofa was stained with paint during decorating',
  'a phone was dropped in the bath',
  'a glass dining table cracked when a pan was put down on it',
  'a child threw a toy through the TV screen',
  'a ladder fell against a display cabinet',
  'red wine was knocked over a cream rug',
  'the dog pulled a projector off a shelf',
];

export const ACCIDENT_EVENTS = [
  'says {accident}',
  'reports accidental damage: {accident}',
  'explains that {accident} at home',
  'tells us {accident} on the evening of the incident',
  'rang to say {accident}; it cannot be repaired',
  'reports that {accident}',
  'says that, by accident, {accident}',
  'explains {accident} while the grandchildren were visiting',
];

export const WATER_SOURCES = [
  'a pipe in the loft',
  'the washing machine hose',
  'the hot water tank',
  'a radiator valve',
  'the dishwasher',
  'a pipe under the bath',
  'a joint on the boiler',
  'the shower pipe',
  'the pipe to the outside tap',
];

export const WATER_DAMAGE = [
  'carpets and a sofa',
  'laminate flooring and a bookcase',
  'a bed and the bedroom carpet',
  'books, a rug and an armchair',
  'the kitchen units and a fridge',
  'clothes and shoes in the hall cupboard',
];

export const WATER_EVENTS = [
  'reports water damage to {damage} from {source}',
  'found {damage} soaked by water from {source}',
  'describes damage to {damage} caused by water from {source}',
  'says water from {source} ruined {damage}',
  'came downstairs to water everywhere: {source} had soaked {damage}',
  'reports {damage} damaged by a leak from {source}',
  'tells us {source} let water through the ceiling onto {damage}',
  'says {damage} were under an inch of water because of {source}',
];

/** A water escape that happened suddenly. */
export const SUDDEN_SAID = [
  'It gave way suddenly that morning.',
  'The failure was sudden: there was no drip or stain the day before.',
  'It burst without warning while the family were at home.',
  'Everything had been dry until it split that afternoon.',
  'The plumber says the fitting failed in one go.',
];

/** A water escape or damage that built up over time. */
export const GRADUAL_SAID = [
  'It had been dripping for {months} months before anyone dealt with it.',
  'The plumber says the joint had been weeping slowly for most of the year.',
  'The customer had noticed a damp patch months earlier but had not had it fixed.',
  'The stain had been spreading since {season}; it was never repaired.',
  'The leak was slow and had gone on for weeks before the floor gave way.',
];

export const GRADUAL_AFTER_CONTRAST = [
  'The customer calls it sudden, but the plumber reports that the seal had been failing for {months} months.',
  'It looked like a burst, but the loss adjuster found rot from a leak that had been going on since {season}.',
  'Although the ceiling only came down last week, the water had been seeping through slowly for months.',
];

export const SUDDEN_AFTER_CONTRAST = [
  'The house is old and the customer feared damp, but the plumber found a clean split that happened that day.',
  'There was an old stain nearby, but it was dry and unrelated; this leak started suddenly that morning.',
  'The adjuster checked for a long-running leak and found none: the pipe burst in one go.',
];

export const WEAR_EVENTS = [
  'says the sofa fabric has worn through and the frame has gone soft with damp',
  'reports mould on fitted wardrobes and clothes from long-standing condensation',
  'reports that the leather chairs have cracked and faded with age and sunlight',
  'describes damp creeping up the bedroom wall over the winter and ruining a chest of drawers',
  'says the mattress and bedding are covered in black mould from a damp room',
  'tells us the carpets in the back bedroom have rotted where the damp got in over the years',
  'says moths and age have ruined a wool rug and two coats',
];

export const STORMS = [
  'high winds',
  'a hailstorm',
  'the storm at the weekend',
  'gale-force gusts',
  'a named storm',
  'a violent thunderstorm with hail',
];

export const STORM_DAMAGE = [
  'garden furniture and the shed',
  'a conservatory roof panel and the sofa beneath it',
  'a greenhouse and the tools in it',
  'a skylight and the desk under it',
  'the trampoline and the garden table',
  'a fence panel that fell onto the barbecue',
];

export const STORM_EVENTS = [
  'reports storm damage to {damage} in {storm}',
  'says {storm} damaged {damage}',
  'found {damage} wrecked after {storm}',
  'tells us {storm} destroyed {damage}',
  'reports that during {storm} {damage} were smashed',
  'says {damage} were ruined overnight in {storm}',
];

export const TRADES = [
  'photography',
  'plastering',
  'hairdressing',
  'bookkeeping',
  'DJ',
  'dressmaking',
  'carpentry',
  'catering',
];

export const BUSINESS_ITEMS = [
  'a laptop',
  'a camera and lenses',
  'power tools',
  'a sewing machine',
  'a printer',
  'speakers and a mixing desk',
  'boxes of stock',
];

/** How an item is used: for business (excluded) or not (covered, even from a tradesperson). */
export const BUSINESS_USE = [
  '{item}, which the customer uses for a {trade} business',
  '{item} used on paid {trade} jobs',
  '{item} kept as stock for an online shop',
  "{item} bought through the customer's {trade} company for client work",
  '{item} that the customer hires out at weekends',
  '{item} used every day to earn a living in {trade}',
];

export const PERSONAL_USE = [
  "{item}, which are for the family's own use",
  '{item} (the customer works in {trade}, but these were never used for work)',
  '{item}, a personal present; the work kit is kept at the office',
  '{item} used only at home, although the customer is self-employed in {trade}',
  '{item}, household property and not business equipment',
];

export const BUSINESS_EVENTS = [
  'reports that {use} {was}',
  'says {use} {was}',
  'tells us {use} {was}',
  'reports the loss of {use}, which {was}',
];

export const BUSINESS_HOW: Record<'theft' | 'water' | 'accidental', string[]> = {
  theft: [
    'stolen when the back door was forced',
    'taken in a break-in through a smashed window',
    'stolen after burglars kicked in the side door',
  ],
  water: [
    'ruined by water from a burst pipe',
    'soaked when the washing machine hose split suddenly',
    'damaged by water when the tank split without warning',
  ],
  accidental: [
    'knocked off a table and broken',
    'damaged when a shelf collapsed',
    'dropped down the stairs during a move',
  ],
};

/** Absences, as a span or as dates. */
export const AWAY_SPAN = [
  'The family had been away for {away} before the incident.',
  'Nobody had been at the property for {away} (the customer was working abroad).',
  'The house had been empty for {away} while the customer stayed with relatives.',
  'The customer had been in hospital, so the home was unoccupied for {away}.',
];

export const AWAY_DATES = [
  'The customer was away from {left} and came back on {back}, the day it was discovered.',
  'The home was empty between {left} and {back}, when the customer returned to find the damage.',
  'The customer left for a long trip on {left}; nobody went in until {back}.',
];

export const PROOF_YES = [
  'receipts supplied',
  'bank statement and photos supplied',
  'original invoice supplied',
  'photos of the items and card statements provided',
  'the customer has sent the purchase receipts',
  'online order confirmations forwarded',
  'no receipts, but the card statement shows the purchases',
  'a valuation certificate and photographs were provided',
  'the boxes and serial numbers were photographed and sent in',
  'proof of ownership supplied',
  'no paper receipts, though the online account shows the orders',
  'receipts for everything, found in a drawer',
];

export const PROOF_NO = [
  'no receipts or photos are available',
  'the customer has no proof of purchase',
  'nothing to show ownership: no receipts, no photos, no statements',
  'the customer says the receipts were thrown away and has no photos',
  'no proof of ownership can be provided',
  'no paperwork at all for any of the items',
  'cannot provide receipts, photos or bank records',
  'the items were paid for in cash and there is no record of them',
  'no evidence of ownership was offered',
  'receipts not kept; no photographs exist',
  'the customer hoped to find receipts but has found none, nor any photos',
  'photos were promised but never arrived, and there are no receipts',
];

/** Dates that are not the incident, the report or the policy start. */
export const DATE_DISTRACTORS = [
  'The crime reference was issued on {d}.',
  'A loss adjuster visit is booked for {d}.',
  'The main item was bought on {d}.',
  'The customer changed address on the policy on {d}.',
  'A replacement quote is dated {d}.',
];

/** Amounts that are not contents values. */
export const MONEY_DISTRACTORS = [
  'The excess of {x} was explained to the customer.',
  'A builder has quoted {q} to repair the house itself, which is not part of this contents claim.',
  "The customer's last claim, settled in 2021, was for {q}.",
  'The customer pays {p} a month for the policy.',
];

export const OPENERS = [
  (name: string, town: string) => `${name} (${town})`,
  (name: string, town: string) => `Caller ${name} from ${town}`,
  (name: string, town: string) => `${name}, policyholder in ${town},`,
  (name: string, town: string) => `Our customer ${name} (${town} postcode)`,
  (name: string, town: string) => `${name} — ${town} —`,
  (name: string, _town: string) => `The policyholder, ${name},`,
];

// biome-ignore format: a long list of names
export const FIRST = ['Priya', 'Tom', 'Aisha', 'Gareth', 'Mei', 'Oluwaseun', 'Hannah', 'Rafael', 'Siobhan', 'Declan', 'Fatima', 'Lukas', 'Chloe', 'Imran', 'Beatriz', 'Callum', 'Noor', 'Eleanor', 'Kwame', 'Agnieszka', 'Jonah', 'Rosa', 'Dev', 'Martha'];

// biome-ignore format: a long list of names
export const LAST = ['Natarajan', 'Whitfield', 'Okafor', 'Llewellyn', 'Chen', 'Adeyemi', 'Brennan', 'Costa', 'Ní Bhriain', 'Murphy', 'Haddad', 'Becker', 'Thompson', 'Qureshi', 'Alves', 'MacLeod', 'Rahman', 'Fairbairn', 'Mensah', 'Kowalska', 'Pryce', 'Delgado', 'Varma', 'Holloway'];

export const TOWNS = [
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

export const FOLLOW_UP = [
  'Follow-up to {ref}: same household, same incident; these are further items the customer found damaged or missing afterwards.',
  'Second claim for the incident already logged as {ref} (same address, same night); see that claim for the circumstances.',
  'Linked to {ref}: the partner is claiming separately for their own belongings lost in the same event.',
  'Same loss as {ref}, claimed by the lodger at the same address for her own items.',
  'Further items from the event in {ref}; the circumstances are as described there.',
];

export const SAME_DATES = [
  'Dates as for {ref}.',
  'Incident, notification and policy dates are the same as in {ref}.',
  'Timeline: see {ref}.',
];
