import type { Generate, Rng } from '@reps/engine';

/**
 * A morning's support queue of a B2B SaaS company (invoicing software with a hardware add-on):
 * 16–22 tickets, each with the team it belongs to and its priority. Ticket bodies come from
 * per-(team, priority) situations filled with names, amounts, ids and dates, wrapped in a
 * greeting, a sign-off and sometimes a quoted earlier message or a typo-ridden line.
 */

type Team = 'billing' | 'technical' | 'account' | 'shipping' | 'security';
type Priority = 'P1' | 'P2' | 'P3' | 'P4';

interface Ticket {
  id: string;
  received: string;
  channel: string;
  customer: string;
  subject: string;
  body: string;
}

interface Route {
  id: string;
  team: Team;
  priority: Priority;
}

interface Situation {
  team: Team;
  priority: Priority;
  subjects: string[];
  bodies: string[];
}

const FIRST = [
  'Maria',
  'Tom',
  'Aisha',
  'Jonas',
  'Priya',
  'Luca',
  'Hannah',
  'Kenji',
  'Sofia',
  'Daniel',
  'Fatima',
  'Oliver',
  'Chloe',
  'Mateo',
  'Ingrid',
  'Samuel',
  'Yara',
  'Pieter',
  'Grace',
  'Ravi',
  'Elena',
  'Marcus',
];
const LAST = [
  'Schneider',
  'Okafor',
  'Lindqvist',
  'Moreau',
  'Patel',
  'Rossi',
  'Nakamura',
  'García',
  'Byrne',
  'Kowalski',
  'Haddad',
  'van Dijk',
  'Ferreira',
  'Andersen',
  'Novak',
  'Brennan',
  'Dubois',
  'Ivanova',
];
const COMPANIES = [
  'Brightwater Dental',
  'Keller & Sons Joinery',
  'Northwind Logistics',
  'Halcyon Studio',
  'Pinecrest Vets',
  'Atlas Freight GmbH',
  'Greenleaf Grocers',
  'Orbit Physio',
  'Copperline Electrical',
  'Sundial Bakery',
  'Meridian Legal LLP',
  'Bluefin Marine',
  'Tallis Architects',
  'Quarry Hill Farm',
  'Nordic Bikes AB',
  'Lumen Opticians',
  'Redwood Accounting',
  'Saffron Kitchen',
  'Vantage Print Co',
  'Harbour Dental Care',
];
const FEATURES = [
  'recurring invoices',
  'the bank feed',
  'PDF export',
  'the expense scanner',
  'multi-currency quotes',
  'the payment link',
  'the client portal',
  'the VAT report',
  'stock sync',
  'the payroll export',
];
const DEVICES = ['card reader', 'receipt printer', 'barcode scanner', 'POS terminal', 'cash drawer'];
const COURIERS = ['DPD', 'UPS', 'DHL', 'GLS', 'Royal Mail', 'FedEx'];
const PLANS = ['Starter', 'Growth', 'Pro', 'Enterprise'];
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

const SITUATIONS: Situation[] = [
  // billing
  {
    team: 'billing',
    priority: 'P2',
    subjects: ['Charged twice this month', 'Double charge on our card', 'Duplicate payment taken'],
    bodies: [
      'Our card was charged {money} twice on {date} for the {plan} plan. That money was meant for payroll this week, please refund the duplicate as soon as possible. Transaction refs {ref} and {ref2}.',
      'We see two debits of {money} from you on {date}. Only one subscription exists on our side ({plan}). We need the second one reversed before our supplier run on Friday.',
    ],
  },
  {
    team: 'billing',
    priority: 'P3',
    subjects: ['Invoice shows wrong VAT number', 'Need a corrected invoice', 'Company address on invoice'],
    bodies: [
      'The invoice {ref} for {month} still shows our old VAT number. Our accountant needs a corrected copy before the quarter closes at the end of next month.',
      'Could you reissue invoice {ref}? The billing address should read {company}, not our previous trading name. No rush, but we need it for the audit in {month}.',
    ],
  },
  {
    team: 'billing',
    priority: 'P4',
    subjects: ['Annual billing discount?', 'Question about pricing', 'Switching to yearly payments'],
    bodies: [
      'We are on monthly {plan} and wondered whether paying yearly gives a discount. Just a question for our budget planning, nothing urgent.',
      'Out of curiosity, what would the {plan} plan cost for {n} users if we paid once a year? We might switch in {month}.',
    ],
  },
  // technical
  {
    team: 'technical',
    priority: 'P1',
    subjects: ['NOTHING LOADS', 'App down for all our staff', 'Cannot issue any invoices - urgent'],
    bodies: [
      'Since {time} none of our {n} users can log in, the app just spins and shows error 503. We have customers waiting at the counter and cannot take payments at all.',
      'The whole platform is down for us: every page gives a server error since {time}. Our {n} sales staff are stuck and it is our busiest day of the year.',
    ],
  },
  {
    team: 'technical',
    priority: 'P2',
    subjects: ['Bank feed stopped syncing', 'Export broken since update', 'Sync failing every night'],
    bodies: [
      'Since the update on {date}, {feature} fails for our account with "timeout while contacting provider". We can work around it by hand for now, but month end is in {n} days.',
      '{feature} has stopped working for us. Every attempt ends with error code E{code}. Other parts of the app are fine, but our bookkeeper depends on this daily.',
    ],
  },
  {
    team: 'technical',
    priority: 'P3',
    subjects: ['Small display glitch', 'Column widths reset', 'Report layout odd in Firefox'],
    bodies: [
      'When I open {feature} in Firefox the columns overlap a little. It still works and I can read everything if I zoom out, just a bit annoying.',
      'Minor thing: {feature} forgets my sort order every time I come back to it. Not blocking anything, would be nice to have it fixed at some point.',
    ],
  },
  {
    team: 'technical',
    priority: 'P4',
    subjects: ['Feature idea', 'Dark mode?', 'Suggestion for the dashboard'],
    bodies: [
      'Would you consider adding a dark mode? Our team works late shifts and would love it. Just a suggestion, thanks for a great product.',
      'It would be lovely if {feature} could also group entries by project. Only an idea for your roadmap, we are happy with the current setup.',
    ],
  },
  // account
  {
    team: 'account',
    priority: 'P2',
    subjects: ['Locked out of admin account', 'Owner left, need access', 'Cannot reset my password'],
    bodies: [
      'Our only admin, {person}, left the company on {date} and nobody else can manage users. We need ownership moved to me today, our new hires cannot start without accounts.',
      "The password reset email never arrives and I am the account owner for {company}. I have been locked out for two days and cannot approve this week's invoices.",
    ],
  },
  {
    team: 'account',
    priority: 'P3',
    subjects: ['Add two more seats', 'Change of account email', 'Rename our workspace'],
    bodies: [
      'Please change the login email for {person} to the new domain we moved to. The old address still works until {month}, so sometime before then is fine.',
      'We would like to rename our workspace to "{company}" after the merger, and add {n} more seats on the {plan} plan from next month.',
    ],
  },
  {
    team: 'account',
    priority: 'P4',
    subjects: ['How do I export my data?', 'Where is the user list?', 'Question about roles'],
    bodies: [
      'Where can I see which users have the accountant role? I could not find it in settings. Just curious, no problem if it takes a while.',
      'Is there a way to download a list of all our users and their last login? Only for our records, whenever you have time.',
    ],
  },
  // shipping
  {
    team: 'shipping',
    priority: 'P2',
    subjects: ['Card reader never arrived', 'Hardware order missing', 'Terminal lost in transit'],
    bodies: [
      'We ordered a {device} on {date} (order {ref}) and {courier} says it was delivered, but nobody here received it. We open the new shop on Monday and cannot take card payments without it.',
      'Our {device} order {ref} has been stuck with {courier} for {n} days. The shop opening is this weekend, please send a replacement by express.',
    ],
  },
  {
    team: 'shipping',
    priority: 'P3',
    subjects: ['Wrong item in parcel', 'Return label needed', 'Delivery address change'],
    bodies: [
      'The parcel for order {ref} contained a {device} instead of the {device2} we ordered. Can you send a return label and the right item? We still have our old one working meanwhile.',
      'Please update the delivery address for order {ref} to our warehouse. It has not shipped yet according to the tracking page, so hopefully there is time.',
    ],
  },
  {
    team: 'shipping',
    priority: 'P4',
    subjects: ['Do you ship to Norway?', 'Delivery times question', 'Bulk hardware order'],
    bodies: [
      'Do you deliver {device}s to Norway and how long does it usually take? We are only planning for next year.',
      'If we ordered {n} {device}s at once, would they come in one parcel with {courier}? Just gathering information for now.',
    ],
  },
  // security
  {
    team: 'security',
    priority: 'P1',
    subjects: ['Someone else logged into our account', 'Suspicious payouts!!', 'Possible breach'],
    bodies: [
      'We got login alerts from an IP in a country we have never been to, and {n} payouts totalling {money} were sent to an unknown bank account at {time}. Please freeze our account immediately.',
      'An invoice template in our account was changed overnight to show a different IBAN, and two clients already paid {money} to it. None of our staff made that change.',
    ],
  },
  {
    team: 'security',
    priority: 'P2',
    subjects: ['Phishing email using your logo', 'Leaked API key', 'Former employee still has access'],
    bodies: [
      'A former employee, {person}, still appears as active in our user list and logged in on {date}. Please revoke the session and tell us what they accessed.',
      'We accidentally pushed our API key to a public repository on {date}. We have rotated it, but please check whether it was used by anyone else.',
    ],
  },
  {
    team: 'security',
    priority: 'P3',
    subjects: ['Security questionnaire', 'Do you support SSO?', 'Data retention question'],
    bodies: [
      'Our insurer asks us to fill in a security questionnaire about our software vendors. Could you send your latest ISO 27001 certificate and pen test summary before {month}?',
      'We are reviewing our vendors for GDPR. How long do you keep deleted invoices and where is the data hosted? Our review is due in {month}.',
    ],
  },
];

const GREETINGS = ['Hi,', 'Hello team,', 'Dear support,', 'Hey there,', 'Good morning,', 'Hi support,', ''];
const SIGNOFFS = ['Thanks', 'Best regards', 'Cheers', 'Kind regards', 'Many thanks', 'Thank you'];
const CHANNELS = ['email', 'web form', 'chat', 'email', 'phone transcript'];
const NOISE = [
  'Sent from my phone, sorry for typos.',
  'PS: your new logo looks great.',
  'I already tried logging out and in again.',
  'This is the second time I am writing about this.',
  'Our account manager is on holiday so I am writing here.',
  'Apologies if this is the wrong address for this.',
];

function money(rng: Rng): string {
  const currency = rng.pick(['€', '£', '$']);
  const amount = rng.pick([49, 79, 129, 249, 399, 1180, 2450, 6300, 12900]) + rng.pick([0, 0.5, 0.99]);
  return `${currency}${amount.toFixed(2)}`;
}

function fill(rng: Rng, template: string): string {
  const values: Record<string, () => string> = {
    money: () => money(rng),
    date: () => `${rng.int(1, 28)} ${rng.pick(MONTHS)}`,
    month: () => rng.pick(MONTHS),
    time: () => `${rng.int(6, 11)}:${String(rng.int(0, 59)).padStart(2, '0')} this morning`,
    ref: () => `${rng.pick(['INV', 'ORD', 'TX'])}-${rng.int(10000, 99999)}`,
    ref2: () => `TX-${rng.int(10000, 99999)}`,
    n: () => String(rng.int(2, 40)),
    code: () => String(rng.int(100, 999)),
    plan: () => rng.pick(PLANS),
    feature: () => rng.pick(FEATURES),
    device: () => rng.pick(DEVICES),
    device2: () => rng.pick(DEVICES),
    courier: () => rng.pick(COURIERS),
    company: () => rng.pick(COMPANIES),
    person: () => `${rng.pick(FIRST)} ${rng.pick(LAST)}`,
  };
  const filled = template.replace(/\{(\w+)\}/g, (_, key: string) => values[key]?.() ?? key);
  return filled.charAt(0).toUpperCase() + filled.slice(1);
}

// Routine work dominates a real queue; outages and breaches are rare.
const WEIGHTS: Record<Priority, number> = { P1: 0.5, P2: 1.2, P3: 1.4, P4: 1 };

export const generate: Generate<{ tickets: Ticket[] }, { routes: Route[] }> = (rng, index) => {
  const count = rng.int(16, 22);
  const tickets: Ticket[] = [];
  const routes: Route[] = [];
  const facts: { id: string; text: string; answers: Record<string, unknown> }[] = [];
  const seen = new Set<string>();
  let idBase = 40000 + index * 37 + rng.int(0, 30);
  let minute = rng.int(0, 40);
  while (tickets.length < count) {
    const situation = rng.weighted(
      SITUATIONS,
      SITUATIONS.map((s) => WEIGHTS[s.priority]),
    );
    const sender = `${rng.pick(FIRST)} ${rng.pick(LAST)}`;
    const company = rng.pick(COMPANIES);
    const core = fill(rng, rng.pick(situation.bodies));
    const parts = [rng.pick(GREETINGS), core];
    if (rng.chance(0.3)) parts.push(rng.pick(NOISE));
    parts.push(`${rng.pick(SIGNOFFS)},\n${sender}\n${company}`);
    const body = parts.filter(Boolean).join('\n\n');
    if (seen.has(core)) continue;
    seen.add(core);
    idBase += rng.int(1, 9);
    minute += rng.int(1, 14);
    const id = `T-${idBase}`;
    tickets.push({
      id,
      received: `${String(8 + Math.floor(minute / 60)).padStart(2, '0')}:${String(minute % 60).padStart(2, '0')}`,
      channel: rng.pick(CHANNELS),
      customer: company,
      subject: rng.pick(situation.subjects),
      body,
    });
    routes.push({ id, team: situation.team, priority: situation.priority });
    facts.push({ id, text: body, answers: { team: situation.team, priority: situation.priority } });
  }
  return { input: { tickets }, expected: { routes }, facts };
};
