import type { CaseSet, Generate, GeneratorCase, Rng } from '@reps/engine';
import {
  capitalise,
  MONTHS,
  numberWords,
  type ParaphraseTable,
  paraphrase,
  paraphraser,
  typo,
} from '@reps/engine/generator-kit';
import {
  BLOCKED,
  CANCEL_AFTER,
  COMBINED_FRAMES,
  COMPANIES,
  DISMISSED,
  FEATURES,
  FIRST,
  GENERIC_SUBJECTS,
  GREETINGS,
  IMPACT_JOINS,
  LAST,
  ONGOING,
  PARAPHRASES,
  PROBLEM_FRAMES,
  QUESTION,
  QUESTION_FRAMES,
  RULED_OUT,
  SIGNOFFS,
  type Team,
  TOPICS,
  WHO_ALL,
  WORKAROUND,
} from './data.js';

/**
 * A morning's support queue of Ledgerly (invoicing software with a hardware add-on): 16–22 tickets,
 * each with the team it belongs to and its priority.
 *
 * A ticket is composed, not picked: an issue (what the customer needs, in one of many frames), an
 * impact (how bad and how soon: who is blocked, whether there is a workaround, a deadline in days,
 * weeks or words), distractors (other teams' topics named and ruled out, a wrong guess at the team,
 * a misleading subject or web-form category), typos, and a layout (email, chat log, call transcript,
 * web form). The nouns are shared between teams on purpose (a card reader can be lost in transit,
 * charged twice or fail to pair; an invoice can be ours or the customer's own), so the team rests on
 * what is asked, and the brief's definitions decide it. P2 and P3 differ by the workaround and by a
 * deadline within or beyond seven days. A few tickets are follow-ups on an earlier ticket of the
 * queue and take its team and priority: their answer rests on that other ticket.
 *
 * Every pool a pattern could be learned from comes through `set.families`, so the hidden queues use
 * frames, phrasings and layouts that no public queue shows.
 */

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

type Fact = GeneratorCase['facts'][number];

const TEAMS: Team[] = ['billing', 'technical', 'account', 'shipping', 'security'];

/** The brief's definitions, word for word (brief.md, "Teams" and "Priorities"). */
export const TEAM_DEFINITIONS: Record<Team, string> = {
  billing:
    'billing handles money between Ledgerly and the customer: our subscription charges and card debits, the invoices and receipts we send the customer, refunds, prices, plans and discounts.',
  technical:
    'technical handles the product itself: bugs, error messages, outages, slow pages, syncs and integrations, problems with the documents customers create in Ledgerly for their own clients, hardware that does not work with the app, and feature ideas.',
  account:
    'account handles who can use the workspace: sign-in and password trouble for legitimate users, adding or removing users and seats, roles, renaming the workspace, changing the owner or the login email.',
  shipping:
    'shipping handles physical hardware orders on their way: deliveries that are late, lost, damaged or wrong, returns, delivery addresses, couriers and delivery times.',
  security:
    'security handles anything that suggests someone who should not be there: suspected breaches, unknown logins, leaked keys or passwords, changed bank details nobody made, access that former staff still have, phishing, and security or compliance questions.',
};
export const PRIORITY_DEFINITIONS: Record<Priority, string> = {
  P1: 'P1 means the customer cannot do business at all or money is being lost right now: an outage for all of their users, payments or payouts going astray while we speak.',
  P2: 'P2 means something important is broken or blocked for one customer, there is no workaround, and their deadline falls within the next seven days.',
  P3: 'P3 means a real problem or request that can wait: either the customer has a workaround, or the deadline is more than seven days away, or there is no deadline.',
  P4: 'P4 means questions, ideas, wishes and planning enquiries: nothing is broken and nothing is blocked.',
};

// ---------------------------------------------------------------------------------------------
// Names and fillers

const DEVICES = [
  'card reader',
  'receipt printer',
  'barcode scanner',
  'POS terminal',
  'cash drawer',
  'label printer',
];
const COURIERS = ['DPD', 'UPS', 'DHL', 'GLS', 'Royal Mail', 'FedEx', 'PostNL'];
const PLANS = ['Starter', 'Growth', 'Pro', 'Enterprise'];

function money(rng: Rng): string {
  const currency = rng.pick(['€', '£', '$']);
  const amount = rng.pick([49, 79, 129, 249, 399, 1180, 2450, 6300, 12900]) + rng.pick([0, 0.5, 0.99]);
  return `${currency}${amount.toFixed(2)}`;
}

type Slots = Record<string, () => string>;

function slots(rng: Rng, company: string): Slots {
  return {
    money: () => money(rng),
    date: () => `${rng.int(1, 28)} ${rng.pick(MONTHS)}`,
    month: () => rng.pick(MONTHS),
    time: () => `${rng.int(6, 7)}:${String(rng.int(0, 59)).padStart(2, '0')}`,
    ref: () => `${rng.pick(['INV', 'LG'])}-${rng.int(10000, 99999)}`,
    order: () => `ORD-${rng.int(10000, 99999)}`,
    n: () => String(rng.int(3, 40)),
    code: () => String(rng.int(100, 999)),
    plan: () => rng.pick(PLANS),
    feature: () => rng.pick(FEATURES),
    device: () => rng.pick(DEVICES),
    courier: () => rng.pick(COURIERS),
    company: () => company,
    person: () => `${rng.pick(FIRST)} ${rng.pick(LAST)}`,
    ip: () => `${rng.int(23, 212)}.${rng.int(0, 255)}.${rng.int(0, 255)}.${rng.int(1, 254)}`,
  };
}

function fill(template: string, values: Slots): string {
  return template.replace(/\{(\w+)\}/g, (_, key: string) => values[key]?.() ?? key);
}

// ---------------------------------------------------------------------------------------------
// Issues: what the customer needs. `ongoing` issues are P1 when they hit all of the customer's users
// or are still losing money now, and P2/P3 (by their impact) when they hit some users or are over;
// `problem` issues are P2 or P3 by their impact; `question` issues are P4.

const WHO_SOME = [
  '{k} of our {n} users',
  'everyone except {person}',
  'only {person}',
  'half of the team',
  'our two new starters',
  'the people in one of our {n} shops',
  'just the night shift',
  'all of us except the owner',
  '{k} out of {n} staff',
  '{m} of our {n} users',
]; // `{m}` is one short of `{n}`
/** Security and billing: the loss goes on now (P1) or is over (not P1). */
const WHEN_NOW = [
  'and it is still going on as I write',
  'and more keep appearing every few minutes',
  'and it has not stopped',
  'and it is happening right now, as we speak',
  'and there is a new one every time I refresh',
  'and it carries on even now',
];
const WHEN_OVER = [
  'but it stopped after we changed our password',
  'but that was a one-off on {date}',
  'but nothing has happened since {weekday}',
  'but our bank has blocked it since, so it is over',
  'though it has not happened again since {date}',
  'but that ended last night',
];

const PROBLEM: Record<Team, string[]> = {
  billing: [
    'you charged our card {money} twice on {date} for the {plan} plan',
    'the invoice {ref} you sent us for {month} still shows our old VAT number',
    'we cancelled the {device} rental in {month} but you are still billing us {money} a month for it',
    'we were charged the {plan} price although we moved down a plan on {date}',
    'the refund of {money} you promised on {date} has not reached our account',
    'your receipt {ref} has the wrong company name on it, it should read {company}',
    'we were billed for {n} seats but we only have three users',
    'the annual discount we agreed was not applied to invoice {ref}, we paid {money} too much',
    'two debits of {money} from Ledgerly appeared on our statement on {date} for one subscription',
    'you invoiced us for a {device} that we sent back in {month}',
  ],
  technical: [
    'since the update on {date}, {feature} fails for our account with "timeout while contacting provider"',
    '{feature} stopped working for us, every attempt ends with error E{code}',
    'the invoices we send to our own clients show the wrong VAT rate since {date}',
    'our {device} will not pair with the app any more, it says "device not recognised"',
    'the Xero connector duplicates every payment it imports since {date}',
    'our own invoices to clients come out as blank PDFs when we email them from Ledgerly',
    'the bank feed has not imported anything since {date}, the last line is from that day',
    'the reminder emails to our customers go out with a broken link to the invoice',
    "the client portal shows our clients someone else's logo on our quotes",
    'stock levels in {feature} no longer match what the {device} scans',
    'the mobile app crashes each time I attach a receipt photo to an expense',
    'our quotes in euros are converted with a rate from last year',
  ],
  account: [
    'our only admin, {person}, left on {date} and nobody else can manage users',
    'the password reset email never arrives, and I am the account owner for {company}',
    'I am locked out after too many attempts and the unlock link has expired',
    'we need {n} more seats on the {plan} plan for new starters',
    'please change the login email of {person} to our new domain',
    'we want the workspace renamed to {company} after the merger',
    'please move the ownership of the workspace from {person} to me',
    'my colleague {person} cannot sign in since her surname changed on our side',
    'please give {person} the accountant role so she can close the books',
    'two-step sign-in codes go to an old phone number that {person} no longer has',
    'please remove three users who left and give their seats to new colleagues',
  ],
  shipping: [
    'we ordered a {device} on {date} (order {order}) and {courier} says delivered, but nobody here received it',
    'order {order} has been stuck with {courier} for {n} days',
    'the parcel for order {order} contained a {device} instead of the printer we ordered',
    'the {device} from order {order} arrived with a cracked screen',
    'please change the delivery address of order {order} to our new warehouse',
    'we need a return label for the {device} from order {order}',
    'the {courier} tracking for order {order} has said "label created" since {date}',
    'only one of the {n} {device}s we ordered (order {order}) was in the box',
    'order {order} went to our old address although we updated it on {date}',
  ],
  security: [
    'a former employee, {person}, still shows as active and signed in on {date}',
    'we accidentally pushed our API key to a public repository on {date}, please check whether anyone used it',
    'our staff got a phishing email with your logo asking them to re-enter their Ledgerly password',
    'we got a sign-in alert from {ip}, which is none of us, though nothing seems changed yet',
    '{person}, who left us in {month}, still has a working API token',
    'someone tried to reset my password {n} times last night from an address we do not know',
    "a contractor's login was shared in a group chat that people outside the company can read",
    'the bank details on one of our invoice templates were edited on {date} and nobody here admits to it',
  ],
};

/**
 * Invoice issues whose team is decided by whose invoice it is: one Ledgerly sent the customer
 * (billing) or one the customer made in Ledgerly for a client of theirs (technical).
 */
const INVOICE_ISSUES = [
  '{inv} shows the wrong VAT rate',
  '{inv} has our old company address on it',
  '{inv} came out in dollars instead of euros',
  '{inv} lists {money} where it should say less',
  '{inv} is missing a line since {date}',
  '{inv} has a due date in the past',
  '{inv} shows a discount nobody agreed',
];
const YOUR_INVOICE = [
  'your invoice {ref} to us',
  'the invoice you sent us for {month}',
  'your receipt for our {plan} subscription',
  'the bill we got from Ledgerly for {month}',
  'the {month} invoice from you',
  "Ledgerly's own invoice for our seats",
];
const OUR_INVOICE = [
  'our invoice {ref} to a client',
  'every invoice we send our customers',
  'the quote we made in Ledgerly for {company}',
  'the invoice we created for our client in {month}',
  'our own {month} invoices to customers',
  'the credit note we issued to a customer',
];

/** A sentence anywhere in the ticket that cancels the issue about `{topic}`. */
const CANCEL_TOPIC = [
  'The bit about {topic} is sorted now, by the way.',
  'Forget what I wrote about {topic}, it is fine.',
  'As for {topic}: solved this morning, ignore it.',
  '{Topic} turned out to be nothing, so skip that.',
  'You can disregard {topic}, we fixed that ourselves.',
];
/** A closing sentence that says which of two issues above still matters (`{which}`). */
const CANCEL_ORDINAL = [
  'Of the two things above, only the {which} one still matters.',
  'Please only look at the {which} point, the other is solved.',
  'The {which} issue is the open one; forget the other.',
  'Sorry, two things in one message: the {which} is what I need help with, the other is done.',
];

// ---------------------------------------------------------------------------------------------
// Impact: how bad and how soon.

/** A deadline within seven days, in words. */
const NEAR = [
  'our month end is in {d} days',
  'the auditors come in {d} days',
  'we need it sorted by {weekday}, which is {d} days from now',
  'our VAT return is due {dw} days from today',
  'the new shop opens in {d} days',
  'payroll runs the day after tomorrow',
  'the deadline is tomorrow',
  'we have to file by the end of this week',
  'our bank wants the statement within {dw} days',
  'the quarter closes {dw} days from now',
  'the client visit is on {weekday}, in {d} days',
  'we go live {dw} days from now',
  'the inspection is at the end of this week',
  'we have to be ready within the week',
  "we need it in a week's time at the latest",
  'our accountant needs it before {weekday}, {d} days from now',
];
/** A deadline more than seven days away, in words. */
const FAR = [
  'our month end is in {far} days',
  'the auditors come in {fw} weeks',
  'the quarter closes {farw} days from now',
  'we need it by the {ordinal} of {month}, which is weeks away',
  'our VAT return is not due for another {fw} weeks',
  'the new shop opens in {fw} weeks',
  'the deadline is in about {fw} weeks',
  'we go live in {far} days',
  'our year end is a couple of months off',
  'the review is {fw} weeks away',
  'we need it in a fortnight',
  'the deadline is a week and a half from now',
  'our accountant wants it in ten days or so',
  'the audit is next quarter',
];
/** Deadlines in hours: within seven days when `{h}` ≤ 168. */
const HOURS = [
  'we have {h} hours left before the deadline',
  'the deadline is {h} hours from now',
  'we must file within {h} hours',
];
/** Two-step deadlines: `{a}` days after something that is `{b}` days away; near when a + b ≤ 7. */
const CHAINS = [
  'our {e1} is {a} days after our {e2}, and the {e2} is in {b} days',
  'the {e2} is {b} days from now and the {e1} follows {a} days later',
  'we need it for the {e1}, which comes {a} days after the {e2}, which is in {b} days',
  '{b} days until the {e2}, then another {a} until the {e1}, and we need it by the {e1}',
];
const EVENTS = [
  'VAT return',
  'audit',
  'board meeting',
  'shop opening',
  'payroll run',
  'quarter close',
  'stock take',
];
const NO_RUSH = [
  'there is no particular deadline',
  'no rush on this one',
  'whenever you get to it is fine',
  'nothing depends on it right now',
  'we are not in a hurry',
];
const STOPPED = [
  'our staff are standing around and customers are leaving',
  'we cannot take a single payment until this is fixed',
  'we are losing money by the minute',
  'the whole business has come to a halt',
  'every minute this goes on costs us real money',
  'nothing moves in the shop or the office',
];
/** Loss words said about something that is not happening (not P1). */
const NOT_STOPPED = [
  'It is not as if {stopped}.',
  'I would not say {stopped}, to be fair.',
  'Nobody could claim {stopped}.',
  'Thankfully it is not the case that {stopped}.',
];
/** Deadlines and blockers said about something else. */
const OTHER_IMPACT = [
  'When that happened last spring there was no way around it and we had {d} days to fix it, but that is history.',
  'Unrelated, but our office move is in {d} days, so replies may be slow.',
  '(Our old supplier took {far} days to reply to anything, so thanks for being quick.)',
  'I am on holiday from tomorrow, my colleague will answer instead.',
  'Our other software vendor says they cannot work around their own bug for {fw} weeks, so we appreciate you.',
  'Last year our VAT return was due in {d} days and nothing worked, so I am a bit nervous.',
];
const CURIOUS = [
  'just planning ahead',
  'no problem if it takes a while to answer',
  'only gathering information for now',
  'nothing is broken, we are just curious',
  'no urgency at all',
  'only asking for our planning',
];

const WEEKDAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday'];

function dayCount(rng: Rng, min: number, max: number, words: boolean): string {
  const n = rng.int(min, max);
  return words && n <= 12 ? numberWords(n) : String(n);
}

function impactSlots(rng: Rng): Slots {
  return {
    d: () => dayCount(rng, 2, 7, false),
    dw: () => dayCount(rng, 2, 7, true),
    far: () => dayCount(rng, 12, 45, false),
    farw: () => dayCount(rng, 9, 12, true),
    fw: () => dayCount(rng, 2, 6, rng.chance(0.5)),
    weekday: () => rng.pick(WEEKDAYS),
    ordinal: () => rng.pick(['3rd', '10th', '15th', '20th', '28th']),
    month: () => rng.pick(MONTHS),
  };
}

function joinClauses(rng: Rng, frames: string[], a: string, b: string): string {
  const [x, y] = rng.chance(0.5) ? [a, b] : [b, a];
  return rng
    .pick(frames)
    .replace('{A}', capitalise(x))
    .replace('{a}', x)
    .replace('{B}', capitalise(y))
    .replace('{b}', y);
}

// ---------------------------------------------------------------------------------------------
// Distractors: other teams named and ruled out, or a wrong guess at the team.

const TEAM_WORDS: Record<Team, string[]> = {
  billing: ['billing', 'accounts payable', 'your finance people', 'the billing team'],
  technical: ['tech support', 'your developers', 'the technical team', 'IT'],
  account: ['account management', 'the accounts team', 'user admin', 'customer accounts'],
  shipping: ['shipping', 'the warehouse', 'your logistics people', 'dispatch'],
  security: ['security', 'your security team', 'the fraud people', 'trust and safety'],
};
const WRONG_GUESS = [
  'I guess this is one for {team}?',
  'Maybe {team} can help with this.',
  'Could you pass this to {team}, I think it is theirs.',
  'Not sure if this is for {team} or someone else.',
  'Forwarding to {team} might be quickest.',
  'Our IT guy says this is a {team} thing.',
];
/** Words that sound urgent or relaxed, said about something else. */
const TONE_DECOYS = [
  'It is not an outage, the rest of the app works.',
  'Nobody is losing money over this.',
  'Urgent is maybe a strong word.',
  'I marked it urgent out of habit, sorry.',
  'This is the second time I am writing about this.',
  'Our account manager is on holiday so I am writing here.',
  'Sent from my phone, sorry for typos.',
  'PS: your new logo looks great.',
  'I already tried logging out and in again.',
  'Apologies if this is the wrong address.',
];

// ---------------------------------------------------------------------------------------------
// Subjects and layouts.

const SUBJECTS: Record<Team, string[]> = {
  billing: ['Charged twice', 'Invoice question', 'Wrong amount', 'Refund?', 'Our subscription', 'Pricing'],
  technical: ['Error in the app', 'Not working', 'Sync problem', 'Bug report', 'Feature idea', 'App issue'],
  account: ['Login help', 'Users and seats', 'Access for a colleague', 'Workspace owner', 'Password'],
  shipping: ['Our order', 'Delivery', 'Parcel', 'Hardware order', 'Return'],
  security: ['Security concern', 'Suspicious login', 'Compliance', 'Possible breach', 'API key'],
};

const FORM_CATEGORIES = [
  'Billing',
  'Technical problem',
  'My account',
  'Orders & delivery',
  'Security',
  'Other',
];

type Layout = (
  rng: Rng,
  main: string[],
  extras: string[],
  who: { sender: string; company: string },
) => string;

const LAYOUTS: { channel: string; render: Layout }[] = [
  {
    channel: 'email',
    render: (rng, main, extras, who) =>
      [
        rng.pick(GREETINGS),
        main.join(' '),
        ...extras,
        `${rng.pick(SIGNOFFS)},\n${who.sender}\n${who.company}`,
      ].join('\n\n'),
  },
  {
    channel: 'web form',
    render: (rng, main, extras, who) =>
      `Category: ${rng.pick(FORM_CATEGORIES)}\nName: ${who.sender}\nMessage: ${[main.join(' '), ...extras].join(' ')}`,
  },
  {
    channel: 'chat',
    render: (_rng, main, extras, who) => {
      const first = who.sender.split(' ')[0];
      const lines = [...main, ...extras].map((m) => `${first}: ${m}`);
      return [`Agent: Hi, how can I help?`, ...lines, 'Agent: Thanks, I will pass this on.'].join('\n');
    },
  },
  {
    channel: 'phone transcript',
    render: (rng, main, extras, who) =>
      `Caller ${who.sender} (${who.company}). ${rng.pick(['Summary of the call:', 'Caller said:', 'Notes:'])} ${[main.join(' '), ...extras].join(' ')}`,
  },
  {
    channel: 'email',
    render: (rng, main, extras, who) =>
      [
        `${rng.pick(['Hi', 'Hello'])} Ledgerly,`,
        ...main,
        ...extras,
        `— ${who.sender.split(' ')[0]}, ${who.company}`,
      ].join('\n'),
  },
  {
    channel: 'chat',
    render: (_rng, main, extras, who) =>
      [`[chat started by ${who.sender}, ${who.company}]`, ...[...main, ...extras].map((m) => `> ${m}`)].join(
        '\n',
      ),
  },
  {
    channel: 'email',
    render: (rng, main, extras, who) =>
      [`${who.sender} wrote:`, `${main.join(' ')} ${extras.join(' ')}`.trim(), rng.pick(SIGNOFFS)].join('\n'),
  },
  {
    channel: 'web form',
    render: (rng, main, extras, who) =>
      `Topic selected: ${rng.pick(FORM_CATEGORIES)} | Company: ${who.company} | Details: ${[...main, ...extras].join(' ')} | Contact: ${who.sender}`,
  },
  {
    channel: 'phone transcript',
    render: (_rng, main, extras, who) =>
      `Voicemail transcript from ${who.sender} at ${who.company}: "${[...main, ...extras].join(' ')}"`,
  },
];

/** Follow-up frames: `{ref}` names the earlier ticket. */
const FOLLOW_UPS = [
  'Following up on {ref}: still no reply, and nothing has changed since.',
  'Any news on {ref}? It is exactly as described there.',
  'Same problem as {ref}, just chasing.',
  'Writing again about {ref}. Please treat this as the same case.',
  'This is about {ref}, I forgot to add my direct number: 0{n}.',
  'Re {ref}: my manager asked me to chase this.',
  'Just checking you received {ref}. Nothing new to add.',
  'Could you link this to {ref}? It is the same thing.',
];
const FOLLOW_REFS = [
  (id: string) => `ticket ${id}`,
  (id: string) => `our ticket ${id} from earlier`,
  (_: string, time: string) => `the message I sent at ${time}`,
  (_: string, time: string) => `what we reported at ${time} this morning`,
  (_: string, __: string, sender: string) => `what my colleague ${sender} wrote earlier`,
  (_: string, __: string, sender: string) => `${sender}'s message from this morning`,
];

// ---------------------------------------------------------------------------------------------
// Paraphrase: words and phrases swapped for others that mean the same. The first of each row is
// the written form; the set chooses which of the others it may use.

// ---------------------------------------------------------------------------------------------

interface Pools {
  ongoing: Record<string, string[]>;
  whoAll: string[];
  whoSome: string[];
  whenNow: string[];
  whenOver: string[];
  problem: Record<Team, string[]>;
  invoiceIssues: string[];
  yourInvoice: string[];
  ourInvoice: string[];
  cancelTopic: string[];
  hours: string[];
  question: Record<Team, string[]>;
  problemFrames: string[];
  questionFrames: string[];
  combined: string[];
  cancelAfter: string[];
  cancelOrdinal: string[];
  dismissed: string[];
  near: string[];
  far: string[];
  chains: string[];
  blocked: string[];
  workaround: string[];
  noRush: string[];
  stopped: string[];
  notStopped: string[];
  otherImpact: string[];
  curious: string[];
  joins: string[];
  topics: Record<Team, string[]>;
  teamWords: Record<Team, string[]>;
  ruledOut: string[];
  wrongGuess: string[];
  decoys: string[];
  subjects: Record<Team, string[]>;
  layouts: typeof LAYOUTS;
  followUps: string[];
  followRefs: typeof FOLLOW_REFS;
  paraphrases: ParaphraseTable;
}

function perTeam<T>(set: CaseSet, label: string, all: Record<string, T[]>): Record<string, T[]> {
  const out: Record<string, T[]> = {};
  for (const [key, list] of Object.entries(all)) out[key] = set.families(`${label}:${key}`, list);
  return out;
}

function pools(set: CaseSet): Pools {
  return {
    ongoing: perTeam(set, 'ongoing', ONGOING),
    whoAll: set.families('who-all', WHO_ALL),
    whoSome: set.families('who-some', WHO_SOME),
    whenNow: set.families('when-now', WHEN_NOW),
    whenOver: set.families('when-over', WHEN_OVER),
    problem: perTeam(set, 'problem', PROBLEM) as Record<Team, string[]>,
    invoiceIssues: set.families('invoice-issues', INVOICE_ISSUES),
    yourInvoice: set.families('your-invoice', YOUR_INVOICE),
    ourInvoice: set.families('our-invoice', OUR_INVOICE),
    cancelTopic: set.families('cancel-topic', CANCEL_TOPIC),
    hours: set.families('hours', HOURS, { public: 1 }),
    question: perTeam(set, 'question', QUESTION) as Record<Team, string[]>,
    problemFrames: set.families('problem-frames', PROBLEM_FRAMES),
    questionFrames: set.families('question-frames', QUESTION_FRAMES),
    combined: set.families('combined', COMBINED_FRAMES),
    cancelAfter: set.families('cancel-after', CANCEL_AFTER),
    cancelOrdinal: set.families('cancel-ordinal', CANCEL_ORDINAL, { public: 1 }),
    dismissed: set.families('dismissed', DISMISSED),
    near: set.families('near', NEAR),
    far: set.families('far', FAR),
    chains: set.families('chains', CHAINS, { public: 1 }),
    blocked: set.families('blocked', BLOCKED),
    workaround: set.families('workaround', WORKAROUND),
    noRush: set.families('no-rush', NO_RUSH, { public: 2 }),
    stopped: set.families('stopped', STOPPED),
    notStopped: set.families('not-stopped', NOT_STOPPED, { public: 1 }),
    otherImpact: set.families('other-impact', OTHER_IMPACT),
    curious: set.families('curious', CURIOUS),
    joins: set.families('joins', IMPACT_JOINS),
    topics: perTeam(set, 'topics', TOPICS) as Record<Team, string[]>,
    teamWords: perTeam(set, 'team-words', TEAM_WORDS) as Record<Team, string[]>,
    ruledOut: set.families('ruled-out', RULED_OUT),
    wrongGuess: set.families('wrong-guess', WRONG_GUESS),
    decoys: set.families('decoys', TONE_DECOYS),
    subjects: perTeam(set, 'subjects', SUBJECTS) as Record<Team, string[]>,
    layouts: set.families('layouts', LAYOUTS),
    followUps: set.families('follow-ups', FOLLOW_UPS),
    followRefs: set.families('follow-refs', FOLLOW_REFS, { public: 2 }),
    paraphrases: paraphraser(set, PARAPHRASES),
  };
}

interface Drafted {
  team: Team;
  priority: Priority;
  /** The sentence that says what is wrong or asked, and the one that says how bad and how soon. */
  issue: string;
  impact: string;
  main: string[];
  extras: string[];
  subject: string;
}

function framed(frame: string, issue: string, other = ''): string {
  return frame.replace('{Issue}', capitalise(issue)).replace('{issue}', issue).replace('{other}', other);
}

/** A deadline and whether it falls within seven days. */
function deadline(rng: Rng, p: Pools, near: boolean): string {
  const timing = impactSlots(rng);
  if (rng.chance(0.15)) {
    const h = near ? rng.pick([20, 36, 48, 72, 96, 120, 150, 160]) : rng.pick([180, 200, 240, 300, 400]);
    return fill(rng.pick(p.hours), { h: () => String(h) });
  }
  if (rng.chance(0.3)) {
    // a + b days: each part alone looks near, the sum decides.
    const [a, b] = near ? [rng.int(1, 3), rng.int(1, 4)] : [rng.int(3, 7), rng.int(5, 7)];
    const [e1, e2] = rng.sample(EVENTS, 2);
    return fill(rng.pick(p.chains), {
      a: () => String(a),
      b: () => (rng.chance(0.4) ? numberWords(b) : String(b)),
      e1: () => e1!,
      e2: () => e2!,
    });
  }
  return fill(rng.pick(near ? p.near : p.far), timing);
}

function draft(rng: Rng, p: Pools, company: string): Drafted {
  const priority = rng.weighted<Priority>(['P1', 'P2', 'P3', 'P4'], [0.7, 1.2, 1.4, 1]);
  const values = slots(rng, company);
  const timing = impactSlots(rng);
  const ongoing = (team: 'technical' | 'security' | 'billing', all: boolean): string => {
    const template = rng.pick(p.ongoing[team]!);
    if (team === 'technical') {
      const n = rng.int(8, 40);
      const who = fill(rng.pick(all ? p.whoAll : p.whoSome), {
        ...values,
        k: () => String(rng.int(2, 5)),
        m: () => String(n - 1),
        n: () => String(n),
      });
      return fill(template, { ...values, who: () => who });
    }
    return `${fill(template, values)}, ${fill(rng.pick(all ? p.whenNow : p.whenOver), { ...values, ...timing })}`;
  };
  let team: Team;
  let core: string;
  if (priority === 'P1') {
    team = rng.weighted<Team>(['technical', 'security', 'billing'], [1.2, 1, 0.5]);
    core = ongoing(team as 'technical', true);
  } else if (priority === 'P4') {
    team = rng.pick(TEAMS);
    core = fill(rng.pick(p.question[team]), values);
  } else {
    team = rng.pick(TEAMS);
    if (rng.chance(0.2)) team = rng.pick<Team>(['billing', 'technical']);
    const invoice = () =>
      fill(rng.pick(p.invoiceIssues), {
        ...values,
        inv: () => fill(rng.pick(team === 'billing' ? p.yourInvoice : p.ourInvoice), values),
      });
    core =
      team in ONGOING && rng.chance(0.3)
        ? ongoing(team as 'technical', false)
        : (team === 'billing' || team === 'technical') && rng.chance(0.4)
          ? invoice()
          : fill(rng.pick(p.problem[team]), values);
  }
  const others = TEAMS.filter((t) => t !== team);
  const otherIssue = () => fill(rng.pick(p.problem[rng.pick(others)]), values);
  let issue: string;
  if (priority === 'P4') issue = framed(rng.pick(p.questionFrames), core);
  else if (rng.chance(0.4)) issue = framed(rng.pick(p.combined), core, otherIssue());
  else issue = framed(rng.pick(p.problemFrames), core);

  let impact = '';
  if (priority === 'P1') {
    if (rng.chance(0.6)) impact = `${capitalise(rng.pick(p.stopped))}.`;
  } else if (priority === 'P4') {
    if (rng.chance(0.75)) impact = `${capitalise(rng.pick(p.curious))}.`;
  } else {
    // P2: blocked and a deadline within seven days. P3: a workaround (whatever the deadline), or
    // blocked with a deadline beyond seven days or none.
    let a: string;
    let b: string;
    if (priority === 'P2') {
      a = rng.pick(p.blocked);
      b = deadline(rng, p, true);
    } else {
      const shape = rng.int(0, 2);
      a = shape === 0 ? rng.pick(p.workaround) : rng.pick(p.blocked);
      b = shape === 2 ? rng.pick(p.noRush) : deadline(rng, p, shape === 0 ? rng.chance(0.5) : false);
    }
    impact = joinClauses(rng, p.joins, a, b);
  }
  issue = paraphrase(rng, p.paraphrases, issue, 0.6);
  impact = paraphrase(rng, p.paraphrases, impact, 0.6);
  const typos = (text: string) => (rng.chance(0.3) ? typo(rng, typo(rng, text)) : typo(rng, text));
  if (rng.chance(0.45)) issue = typos(issue);
  if (impact && rng.chance(0.3)) impact = typos(impact);
  // Blocks of sentences that stay together; distractors go between blocks.
  const blocks: string[][] = [[issue]];
  const insert = (sentence: string) => blocks.splice(rng.int(0, blocks.length), 0, [sentence]);
  // Another team's issue, framed like a real one, then cancelled: by the next sentence, or by a
  // sentence right after both that says which of the two still matters.
  const otherTeam = rng.pick(others);
  const resolved = rng.chance(0.55)
    ? framed(rng.pick(p.problemFrames), fill(rng.pick(p.problem[otherTeam]), values))
    : '';
  const style = rng.int(0, 2);
  if (resolved && style === 2) {
    // Cancelled by its topic, from anywhere in the ticket.
    if (impact) blocks.push([impact]);
    blocks.splice(rng.int(0, blocks.length), 0, [resolved]);
    const topic = fill(rng.pick(p.topics[otherTeam]), values);
    blocks.splice(rng.int(0, blocks.length), 0, [
      rng.pick(p.cancelTopic).replace('{Topic}', capitalise(topic)).replace('{topic}', topic),
    ]);
  } else if (resolved && style === 1) {
    const first = rng.chance(0.5);
    const which = rng.pick(p.cancelOrdinal).replace('{which}', first ? 'first' : 'second');
    blocks[0] = first ? [issue, resolved, which] : [resolved, issue, which];
    if (impact) blocks.push([impact]);
  } else {
    if (impact) blocks.push([impact]);
    if (resolved) blocks.splice(rng.int(0, blocks.length), 0, [resolved, rng.pick(p.cancelAfter)]);
  }
  // Distractors: another team's issue dismissed, another team's topic ruled out, loss words or a
  // deadline said about something else.
  if (rng.chance(0.45))
    insert(framed(rng.pick(p.dismissed), '', otherIssue()).replace('{month}', values.month!()));
  if (rng.chance(0.3)) {
    const topic = fill(rng.pick(p.topics[rng.pick(others)]), values);
    insert(rng.pick(p.ruledOut).replace('{Topic}', capitalise(topic)).replace('{topic}', topic));
  }
  if (priority !== 'P1' && rng.chance(0.2))
    insert(rng.pick(p.notStopped).replace('{stopped}', rng.pick(STOPPED)));
  if (rng.chance(0.25)) insert(fill(rng.pick(p.otherImpact), timing));
  const main = blocks
    .flat()
    .map((m) => (m === issue || m === impact ? m : paraphrase(rng, p.paraphrases, m, 0.6)))
    .map((m) => (m !== issue && m !== impact && rng.chance(0.5) ? typos(m) : m));
  const extras: string[] = [];
  if (rng.chance(0.35))
    extras.push(rng.pick(p.wrongGuess).replace('{team}', rng.pick(p.teamWords[rng.pick(others)])));
  if (rng.chance(0.35)) extras.push(rng.pick(p.decoys));
  const subjectTeam = rng.chance(0.35) ? rng.pick(others) : team;
  const subject = rng.chance(0.2) ? rng.pick(GENERIC_SUBJECTS) : rng.pick(p.subjects[subjectTeam]);
  return { team, priority, issue, impact, main, extras: rng.shuffle(extras), subject };
}

export const generate: Generate<{ tickets: Ticket[] }, { routes: Route[] }> = (rng, index, set) => {
  const p = pools(set);
  const count = rng.int(16, 22);
  const tickets: Ticket[] = [];
  const routes: Route[] = [];
  const facts: Fact[] = [];
  const companies = rng.sample(COMPANIES, count);
  const originals: { ticket: Ticket; route: Route; issue: string; impact: string; sender: string }[] = [];
  const seen = new Set<string>();
  let idBase = 40000 + index * 37 + rng.int(0, 30);
  let minute = rng.int(0, 40);
  let c = 0;
  while (tickets.length < count) {
    idBase += rng.int(1, 9);
    minute += rng.int(1, 14);
    const id = `T-${idBase}`;
    const received = `${String(8 + Math.floor(minute / 60)).padStart(2, '0')}:${String(minute % 60).padStart(2, '0')}`;
    const layout = rng.pick(p.layouts);
    // A follow-up on an earlier ticket of the queue: same customer, same team and priority.
    if (originals.length >= 3 && rng.chance(0.16)) {
      const original = rng.pick(originals);
      originals.splice(originals.indexOf(original), 1);
      const refer = rng.pick(p.followRefs);
      const ref = refer(original.ticket.id, original.ticket.received, original.sender);
      // Someone else chases when the reference names the original's writer.
      const sender = ref.includes(original.sender) ? `${rng.pick(FIRST)} ${rng.pick(LAST)}` : original.sender;
      const line = fill(rng.pick(p.followUps), {
        ref: () => ref,
        n: () => String(rng.int(10000000, 99999999)),
      });
      const extras = rng.chance(0.4) ? [rng.pick(p.decoys)] : [];
      const body = layout.render(rng, [line], extras, { sender, company: original.ticket.customer });
      if (seen.has(body)) continue;
      seen.add(body);
      tickets.push({
        id,
        received,
        channel: layout.channel,
        customer: original.ticket.customer,
        subject: `Re: ${original.ticket.subject}`,
        body,
      });
      const { team, priority } = original.route;
      routes.push({ id, team, priority });
      facts.push({
        id,
        text: body,
        answers: { team, priority },
        evidence: {
          team: [original.issue, TEAM_DEFINITIONS[team]],
          priority: [
            original.issue,
            ...(original.impact.split(' ').length >= 6 ? [original.impact] : []),
            PRIORITY_DEFINITIONS[priority],
          ],
        },
      });
      continue;
    }
    const company = companies[c++ % companies.length]!;
    const sender = `${rng.pick(FIRST)} ${rng.pick(LAST)}`;
    const d = draft(rng, p, company);
    const body = layout.render(rng, d.main, d.extras, { sender, company });
    const key = d.main.join(' ');
    if (seen.has(key)) continue;
    seen.add(key);
    const ticket: Ticket = {
      id,
      received,
      channel: layout.channel,
      customer: company,
      subject: d.subject,
      body,
    };
    tickets.push(ticket);
    const route: Route = { id, team: d.team, priority: d.priority };
    routes.push(route);
    facts.push({
      id,
      text: body,
      answers: { team: d.team, priority: d.priority },
      evidence: { team: [TEAM_DEFINITIONS[d.team]], priority: [PRIORITY_DEFINITIONS[d.priority]] },
    });
    // The issue and the impact of this ticket: the texts a follow-up's answer rests on.
    originals.push({ ticket, route, issue: d.issue, impact: d.impact, sender });
  }
  return { input: { tickets }, expected: { routes }, facts };
};
