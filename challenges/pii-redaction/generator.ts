import type { CaseSet, Generate, Rng } from '@reps/engine';
import { dropLetter, swapLetters, type TypoOptions, typo } from '@reps/engine/generator-kit';
import {
  ANSWER,
  ASK,
  COMPANIES,
  DOMAINS,
  FIRST,
  LAST,
  LAST_PARTS,
  MENTIONS,
  PRIVATE_DEEDS,
  PRIVATE_ROLES,
  STAFF_ROLES,
  STAFF_ROLES_THEIRS,
  STREET_KINDS,
  STREET_WORDS,
  SYLLABLES,
  TOWNS,
  WHO_PRIVATE,
} from './data.js';

/**
 * A support chat between a customer and an agent of a broadband provider. The customer gives
 * personal data as the agent verifies them; the chat also holds order numbers, ticket references,
 * serial numbers, the agent's and other staff's names and the company's own phone numbers and
 * addresses, which are not the customer's personal data.
 *
 * Everything a regex or a nearest neighbour could learn from comes in families (name pools, street
 * and town pools, email/phone/address/account formats, question and answer frames, openers and
 * tails, line layouts, clarification phrasings), and the case set chooses which families it draws
 * from: public cases show a third of each, hidden cases others that no public case shows.
 *
 * Several turns are ambiguous on their own and settled by the next message: a name the customer
 * mentions is a private person (personal data) or a member of staff (not), a number the customer
 * asks about is their own or the company's, a reference they read out is their account number or an
 * order reference. Such turns carry the next message as evidence, and turns whose answer rests on a
 * definition of the brief carry that paragraph.
 */

type PiiType = 'name' | 'email' | 'phone' | 'address' | 'account_id';
interface Entity {
  type: PiiType;
  text: string;
}
interface Input {
  company: string;
  transcript: string;
}
interface Expected {
  entities: Entity[];
}

// The brief's definitions (brief.md, "What counts as personal data here"), exactly as written there.
const DEF_PRIVATE =
  'The names of private people the customer mentions (family, a partner, a flatmate, a neighbour, a\nprivate landlord) are personal data, whoever they are to the customer.';
const DEF_READBACK =
  'Personal data read back by the agent is personal data too, and so is every later mention of it by\neither side, in full or in part.';
const DEF_STAFF =
  'Names of our own staff and contractors (the agent, their colleagues, engineers, shop and store\nstaff) are not personal data, even when the customer mentions them.';
const DEF_COMPANY =
  'Our own phone numbers, postal addresses and web addresses are not personal data, even when the\ncustomer repeats them back to the agent.';
const DEF_REFS =
  'Order numbers, ticket references, engineer job numbers and router serial numbers are not personal\ndata, however much they look like an account number.';

const TITLES = ['Mr', 'Mrs', 'Ms', 'Miss', 'Dr', 'Mx'];

const HOUSE_NAMES = [
  'Rose Cottage',
  'The Old Forge',
  'Hill View',
  'Ty Gwyn',
  'Larkfield House',
  'The Laurels',
];

const DIGIT_WORDS = ['oh', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine'];

function digits(rng: Rng, n: number): string {
  let out = '';
  for (let i = 0; i < n; i++) out += String(rng.int(0, 9));
  return out;
}
function letters(rng: Rng, n: number): string {
  let out = '';
  for (let i = 0; i < n; i++) out += 'ABCDEFGHJKLMNPRSTUVWXYZ'[rng.int(0, 22)];
  return out;
}

type Shape = (rng: Rng) => string;
/** Account-number shapes; order and job references in a chat share the account's shape. */
const REF_SHAPES: Shape[] = [
  (r) => `ACC-${digits(r, 8)}`,
  (r) => `${letters(r, 2)}${digits(r, 9)}`,
  (r) => `${digits(r, 4)}-${digits(r, 4)}-${digits(r, 2)}`,
  (r) => `${letters(r, 3)} ${digits(r, 4)} ${digits(r, 4)}`,
  (r) => `${letters(r, 2)}/${digits(r, 5)}/${digits(r, 1)}`,
  (r) => `${digits(r, 3)} ${digits(r, 3)} ${digits(r, 3)}`,
  (r) => `${letters(r, 1)}${digits(r, 2)}-${letters(r, 3)}-${digits(r, 4)}`,
  (r) => `${digits(r, 10)}`,
  (r) => `${letters(r, 2)}-${digits(r, 3)}-${digits(r, 3)}-${letters(r, 1)}`,
];

interface Person {
  first: string;
  last: string;
}

type EmailForm = (p: { f: string; l: string; d: string; n: number }) => string;
const EMAIL_FORMS: EmailForm[] = [
  ({ f, l, d }) => `${f}.${l}@${d}`,
  ({ f, l, d }) => `${f[0]}${l}@${d}`,
  ({ f, l, d, n }) => `${l}.${f}${n}@${d}`,
  ({ f, l, d, n }) => `${f}_${l}${n}@${d}`,
  ({ f, l, d }) => `${f} dot ${l} at ${d.replace(/\./g, ' dot ')}`,
  ({ f, l, d }) => `${f}.${l} [at] ${d}`,
  ({ f, l, d, n }) => `${f}${l[0]}${n} at ${d}`,
  ({ f, l, d }) => `${l} underscore ${f} at ${d.replace(/\./g, ' dot ')}`,
  ({ f, l, d, n }) => `${f.toUpperCase()}.${l.toUpperCase()}${n}@${d.toUpperCase()}`,
  ({ f, l, d }) => `${f}-${l} (at) ${d}`,
  ({ f, l, d, n }) => `${f}${n}${l}@${d}`,
];

type PhoneForm = (r: Rng) => string;
const spell = (ds: string, r: Rng) =>
  ds
    .split('')
    .map((c) => (c === '0' && r.chance(0.5) ? 'zero' : DIGIT_WORDS[Number(c)]))
    .join(' ');
const PHONE_FORMS: PhoneForm[] = [
  (r) => `07${digits(r, 3)} ${digits(r, 6)}`,
  (r) => `+44 7${digits(r, 3)} ${digits(r, 3)} ${digits(r, 3)}`,
  (r) => `0${r.int(113, 199)} ${digits(r, 3)} ${digits(r, 4)}`,
  (r) => `07${digits(r, 3)}-${digits(r, 3)}-${digits(r, 3)}`,
  (r) => `(0${r.int(113, 199)}) ${digits(r, 3)} ${digits(r, 4)}`,
  (r) => `07${digits(r, 9)}`,
  (r) => spell(`07${digits(r, 9)}`, r),
  (r) => `0044 7${digits(r, 3)} ${digits(r, 6)}`,
  (r) => `07${digits(r, 3)}.${digits(r, 3)}.${digits(r, 3)}`,
  (r) => `oh seven ${digits(r, 3)} ${digits(r, 6)}`,
  (r) => `+447${digits(r, 9)}`,
];

interface Addr {
  no: number;
  street: string;
  town: string;
  pc: string;
}
type AddressForm = (a: Addr, r: Rng) => string;
const ADDRESS_FORMS: AddressForm[] = [
  (a) => `${a.no} ${a.street}, ${a.town} ${a.pc}`,
  (a, r) => `Flat ${r.int(1, 12)}, ${a.no} ${a.street}, ${a.town}, ${a.pc}`,
  (a) => `${a.no} ${a.street}, ${a.town}, ${a.pc}`,
  (a) => `${a.no} ${a.street} ${a.town} ${a.pc}`.toLowerCase(),
  (a, r) => `${r.pick(HOUSE_NAMES)}, ${a.street}, ${a.town} ${a.pc}`,
  (a, r) => `${a.no}${r.pick(['a', 'b'])} ${a.street}, ${a.town}`,
  (a, r) => `flat ${r.int(1, 9)}${r.pick(['a', 'b', 'c'])} ${a.no} ${a.street} ${a.pc}`.toLowerCase(),
  (a) => `${a.no}, ${a.street}, ${a.town.toUpperCase()}, ${a.pc}`,
  (a, r) => `Apartment ${r.int(1, 40)}, ${a.street}, ${a.pc}`,
];

/** The agent repeats a datum back: personal data again. */
const READBACK = [
  "So that's {x}, lovely.",
  'Just to confirm, {x}?',
  'Thanks, I have {x} on file.',
  'Perfect, {x} matches what I can see.',
  "Great, I've noted {x}.",
  'OK, {x} it is.',
  "I'll update it to {x} now.",
];
const POSTCODE_SPLIT = [
  { ask: 'And the postcode?', answer: ['{x}', "postcode's {x}", 'its {x}', 'The postcode is {x}.'] },
  { ask: 'Lovely, and the postcode with that?', answer: ['{x} I think', 'oh, {x}', '{x} sorry'] },
  { ask: "Thanks. What's the postcode?", answer: ['{x}', 'it is {x}', 'Postcode {x}.'] },
];

const ISSUES = [
  'my broadband keeps dropping out every evening',
  'I was charged twice for last month',
  'the router you sent me will not power on',
  'I want to move my contract to my new flat',
  'the engineer did not turn up on Tuesday',
  'my speeds are far below what I am paying for',
  'the wifi light has been flashing orange since the storm',
  'my bill went up by twelve pounds without any warning',
  'the landline has a crackle on it and the internet drops with it',
  'I cancelled last month and you are still taking payments',
  'the new hub keeps restarting itself overnight',
  'I never got the welcome pack or the login details',
];
const OPENERS = [
  "Hello, you're chatting with {agent} at {company}. How can I help today?",
  'Hi, {agent} here from {company} support. What can I do for you?',
  'Good afternoon, this is {agent} at {company}. How can I help?',
  "Welcome to {company} chat, my name's {agent}. What's the problem today?",
  'Hi there, thanks for waiting. {agent} from {company}, how can I help?',
  "{company}, {agent} speaking. What's brought you to chat today?",
];
const ISSUE_FRAMES = [
  'Hi {agent}, {issue} and I would like it sorted please.',
  'hi, {issue}. can you help',
  'Hello {agent}. Basically {issue}, it is really annoying.',
  'Morning. {issue} and nobody has fixed it yet.',
  'Hi {agent}, thanks. So {issue}...',
  'hello {agent} - {issue}, third time i have been in touch',
];
const FILLERS_AGENT = [
  'Let me just check that for you, one moment.',
  'Bear with me while I look at the line tests.',
  "Thanks for your patience, the system's a bit slow today.",
  'I can see a fault was logged on the exchange last week.',
  'Let me have a look at the history on the account.',
  'One moment while I run a quick test on the line.',
];
const FILLERS_CUSTOMER = [
  'ok thanks',
  'Sure, no rush.',
  'Right, and nothing has changed since then.',
  "OK, I didn't realise that was still open.",
  'Fine, as long as it gets sorted this week.',
  'yeah that was the day it started',
  'I work from home so it really matters.',
];
const CLOSINGS_CUSTOMER = [
  'Great, thanks for your help.',
  'OK, thank you, bye.',
  'Thanks, that is all for today.',
  'cheers, bye',
  'Brilliant, appreciate it.',
  'thank you so much',
];
const SIGNOFFS: Array<{ text: string; uses: 'first' | 'last' }> = [
  { text: "You're welcome, {x}. Have a good day.", uses: 'first' },
  { text: 'Thanks for chatting, {x}, take care.', uses: 'first' },
  { text: 'No problem at all, {t} {x}. Goodbye.', uses: 'last' },
  { text: 'All sorted then, {x}. Bye for now.', uses: 'first' },
  { text: 'Thank you {t} {x}, enjoy the rest of your day.', uses: 'last' },
  { text: 'Take care {x}, speak soon.', uses: 'first' },
];
/** Agent lines with references that are not personal data (order, ticket, serial, job). */
const REF_LINES = [
  "Thank you, I've found it. I can see order {o} for the replacement router.",
  "Thanks, that's verified. I can see the order {o} from last month.",
  'Your engineer job number is {o}, quote it if they call.',
  'The hub on the account has serial {o}, is that the one you have?',
  'I have reopened order {o} against the fault.',
  'The replacement went out under despatch reference {o}.',
];
const TICKET_LINES = [
  "I've raised ticket {t} for this. If it happens again you can call us free on {p}.",
  'Your reference for today is {t}. Our support line is {p} if you need us.',
  'I have logged {t}; the team can be reached on {p} too.',
  'Case {t} is open now. You can also phone {p}, it is free from mobiles.',
];
const COMPANY_ADDRESS_LINES = [
  'Written complaints go to {a}.',
  'If you prefer to post it back, the returns address is {a}.',
  'Our registered office is {a}, for the paperwork.',
];
const COMPANY_WEB_LINES = [
  'You can track it at {w} with the ticket number.',
  'The status page at {w} shows any outages near you.',
];
// Who a mentioned person is, said by the customer: a core (a role, an employer, something they do),
// often after a negated statement of the other kind, so that no single keyword settles it.
const PRIVATE_CORES = ["{p}'s {prole}", '{p} works for {elsewhere}', '{p} {pdeed}', '{p} is {prole}'];
const STAFF_CORES = ["{p}'s {srole}", '{p} works for {you}', '{p} {sdeed}', '{p} is {srole}'];
const NOT_STAFF = [
  "{p} doesn't work for you",
  "{p}'s not one of your engineers",
  "{p} isn't from your company",
  '{p} never worked for you lot',
  "{p}'s nothing to do with your shop",
];
const NOT_PRIVATE = [
  "{p} doesn't live here",
  "{p}'s not family",
  "{p} isn't {prole}",
  "{p}'s not on the account",
  '{p} never lived with me',
];
const JOINS = [' ', ' - ', ', ', ' no ', ' '];
const ELSEWHERE = [
  'the council',
  'the hospital',
  'a bank in town',
  'the school up the road',
  'a building firm',
  'the post office',
];
const YOU = ['you', 'you lot', 'your company', 'your contractor', 'your repairs team', 'your lot'];
const STAFF_DEEDS = [
  'fitted the new hub for you',
  'tested the line at the cabinet for you',
  'answered my last call to you',
  'booked the visit on your system',
  'came out in one of your vans',
  'did the install for your company',
  'runs your shop on the high street',
  'rang me from your office',
];
const CLARIFY_OPENERS = ['', 'oh ', 'Sorry, ', 'no no ', 'ah ', 'To be clear, ', 'well '];
const CLARIFY_TAILS = [
  ' if that helps',
  ' just so you know',
  ' by the way',
  ' if it matters',
  ' as it happens',
];
const WHO_STAFF_AGENT = [
  "Ah, that's {role}, I'll pass on the message to them.",
  "I see, that's {role}. I'll check their notes on the job.",
  "That'll be {role}; I can see their visit on the system.",
  'Right, {role}. They logged the visit against your account here.',
  "That's not anyone on your account, it's {role}, I can see their notes.",
  "Not your neighbour or a family member, no, that's {role} from our side.",
  "That isn't a household member, it's {role}; they were on the job.",
];
const WHO_STAFF_CUSTOMER = [
  'he was {role2} that came out to the house',
  'Sorry, I mean {role2}, the one who came round last week.',
  '{role2}, she rang me last week about the appointment.',
  'No, not {private}, I mean {role2} who came round.',
  'not {private} - {role2}, the one who did the install',
];
// A number the customer asks about; the next message says whose it is.
const NUMBER_ASKS = [
  'Is {x} the number I should use?',
  'I have {x} written on a post-it, is that right?',
  'Should I ring {x} if it happens again?',
  'What about {x}, is that still current?',
];
const NUMBER_THEIRS = [
  "Yes, that's the mobile we have on your account, so we'll call you on it.",
  "That's your contact number on file, yes, we'll text you there.",
  'Yes, that matches the customer number we hold for you personally.',
  "That's not one of our lines, it's the mobile on your account, so yes.",
  "It isn't our helpline, that's your own number on file, so keep it.",
];
const NUMBER_OURS = [
  "Yes, that's our billing line, open until 8pm on weekdays.",
  "That's our fault line, yes, it's free to call from any phone.",
  'Yes, that is our customer services number, the lines are quieter mornings.',
  "That isn't the mobile on your account, it's our billing line, open until 8pm.",
  "That's not your own number on file, it's our support line, free from mobiles.",
];
// A reference the customer reads out; the agent's reply says what it is.
const REF_ASKS = [
  'The number on the letter is {x}, does that help?',
  "I've got {x} written down here.",
  'There is a reference {x} on the email I got.',
  'would {x} be any use? its on the paperwork',
];
const REF_IS_ACCOUNT = [
  "That's your account number, perfect, that brings it straight up.",
  'Great, that account number matches, thank you for that.',
  'Yes, that is the account reference, I have you now.',
  "That's not an order number, it's your account number, so that's perfect.",
  "It isn't the despatch reference, it's the account itself, thank you.",
];
const REF_IS_ORDER = [
  "That's the order reference rather than your account number, but I can work with it.",
  'That one is an engineer job number, not the account, but it still helps me.',
  "That's the despatch reference for the router, thanks, I can see the parcel.",
  "That's not your account number, it's the order reference, but I can work with it.",
  "It isn't the account itself, that one's an engineer job number, still useful.",
];
/** The customer reads out a reference and says it is not the account number. */
const CUSTOMER_ORDER_LINES = [
  'the order number on the box is {x}, not the account number',
  "I have a reference {x} but that's the order, not my account",
  "There's {x} on the delivery note, no account number though.",
  'not sure of my account number, the parcel said {x}',
];

const LAYOUTS: Array<(speaker: string, i: number, start: number) => string> = [
  (s) => `${s}: `,
  (s, i, start) => {
    const m = start + i;
    return `[${String(9 + Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}] ${s}: `;
  },
  (s, i, start) => {
    const m = start + i * 2;
    return `${String(13 + Math.floor(m / 60))}:${String(m % 60).padStart(2, '0')} ${s}: `;
  },
];

function fill(frame: string, values: Record<string, string>): string {
  return frame.replace(/\{(\w+)\}/g, (_, k: string) => values[k] ?? '');
}

/** A letter swapped or dropped in a word of a frame (never in the datum, which is inserted after). */
const SLIP: TypoOptions = { margin: 2, edits: [swapLetters, dropLetter] };

interface Turn {
  speaker: 'agent' | 'customer';
  text: string;
  entity: Entity | null;
  /** Spans (brief paragraphs, or other turns by index) the type rests on. */
  brief?: string[];
  /** Index offset of a turn the type rests on (1 = the next turn). */
  next?: boolean;
}

export const generate: Generate<Input, Expected> = (rng, _index, set: CaseSet) => {
  const fam = <T>(label: string, all: readonly T[], options?: { public?: number; hidden?: number }) =>
    set.families(label, all, options);
  const firsts = fam('first-names', FIRST);
  const lasts = fam('last-names', LAST);
  const lastParts = fam('last-name-parts', LAST_PARTS, { public: 1, hidden: 1 });
  const streetWords = fam('street-words', STREET_WORDS);
  const streetKinds = fam('street-kinds', STREET_KINDS);
  const towns = fam('towns', TOWNS);
  const domains = fam('domains', DOMAINS);
  const emailForms = fam('email-forms', EMAIL_FORMS);
  const phoneForms = fam('phone-forms', PHONE_FORMS);
  const addressForms = fam('address-forms', ADDRESS_FORMS);
  const refShapes = fam('ref-shapes', REF_SHAPES);
  const companies = fam('companies', COMPANIES, { public: 2 });
  const layouts = fam('layouts', LAYOUTS, { public: 1, hidden: 2 });
  const asks = {
    name: fam('ask-name', ASK.name),
    email: fam('ask-email', ASK.email),
    phone: fam('ask-phone', ASK.phone),
    address: fam('ask-address', ASK.address),
    account: fam('ask-account', ASK.account),
  };
  const answers = {
    name: fam('answer-name', ANSWER.name),
    email: fam('answer-email', ANSWER.email),
    phone: fam('answer-phone', ANSWER.phone),
    address: fam('answer-address', ANSWER.address),
    account: fam('answer-account', ANSWER.account),
  };
  const readbacks = fam('readback', READBACK);
  const postcodeSplits = fam('postcode-split', POSTCODE_SPLIT, { public: 1 });
  const openers = fam('openers', OPENERS);
  const issueFrames = fam('issue-frames', ISSUE_FRAMES);
  const issues = fam('issues', ISSUES);
  const signoffs = fam('signoffs', SIGNOFFS);
  const refLines = fam('ref-lines', REF_LINES);
  const ticketLines = fam('ticket-lines', TICKET_LINES);
  const mentions = fam('mentions', MENTIONS);
  const whoPrivate = fam('who-private', WHO_PRIVATE);
  const whoStaffAgent = fam('who-staff-agent', WHO_STAFF_AGENT);
  const whoStaffCustomer = fam('who-staff-customer', WHO_STAFF_CUSTOMER, { public: 1 });
  const privateRoles = fam('private-roles', PRIVATE_ROLES);
  const staffRoles = fam('staff-roles', STAFF_ROLES);
  const numberAsks = fam('number-asks', NUMBER_ASKS);
  const numberTheirs = fam('number-theirs', NUMBER_THEIRS);
  const numberOurs = fam('number-ours', NUMBER_OURS);
  const refAsks = fam('ref-asks', REF_ASKS);
  const refIsAccount = fam('ref-is-account', REF_IS_ACCOUNT);
  const refIsOrder = fam('ref-is-order', REF_IS_ORDER);
  const customerOrderLines = fam('customer-order-lines', CUSTOMER_ORDER_LINES);
  const privateCores = fam('private-cores', PRIVATE_CORES, { public: 2 });
  const staffCores = fam('staff-cores', STAFF_CORES, { public: 2 });
  const notStaff = fam('not-staff', NOT_STAFF);
  const notPrivate = fam('not-private', NOT_PRIVATE);
  const joins = fam('joins', JOINS);
  const elsewhere = fam('elsewhere', ELSEWHERE);
  const you = fam('you', YOU);
  const privateDeeds = fam('private-deeds', PRIVATE_DEEDS);
  const staffDeeds = fam('staff-deeds', STAFF_DEEDS);
  const staffTheirs = fam('staff-roles-theirs', STAFF_ROLES_THEIRS);
  const clarifyOpeners = fam('clarify-openers', CLARIFY_OPENERS);
  const clarifyTails = fam('clarify-tails', CLARIFY_TAILS);
  const nameStyles = fam('name-styles', ['pool', 'made-first', 'made-last', 'made-both'] as const, {
    public: 1,
    hidden: 2,
  });

  const surname = (): string => {
    if (rng.chance(0.3)) {
      const [a, b] = rng.pick(lastParts);
      return rng.pick(a) + rng.pick(b);
    }
    return rng.pick(lasts);
  };
  const made = (which: 0 | 1) => rng.pick(SYLLABLES[which]![0]) + rng.pick(SYLLABLES[which]![1]);
  const person = (avoid: string[] = []): Person => {
    const style = rng.pick([...nameStyles, 'pool']);
    const madeFirst = style === 'made-first' || style === 'made-both';
    let first = madeFirst ? made(0) : rng.pick(firsts);
    for (let i = 0; i < 8 && avoid.includes(first); i++) first = madeFirst ? made(0) : rng.pick(firsts);
    return { first, last: style === 'made-last' || style === 'made-both' ? made(1) : surname() };
  };

  const [company, supportPhone, companyAddress, web] = rng.pick(companies);
  const agent = rng.chance(0.5) ? made(0) : rng.pick(firsts);
  const customerP = person([agent]);
  const lowerCaseName = rng.chance(0.3);
  const show = (s: string) => (lowerCaseName ? s.toLowerCase() : s);
  const fullName = show(`${customerP.first} ${customerP.last}`);
  const title = rng.pick(TITLES);
  const nameText = rng.chance(0.2) ? `${title} ${fullName}` : fullName;

  const town = rng.pick(towns);
  const addr: Addr = {
    no: rng.int(2, 180),
    street: `${rng.pick(streetWords)} ${rng.pick(streetKinds)}`,
    town: town[0],
    pc: `${town[1]} ${rng.int(0, 9)}${letters(rng, 2)}`,
  };
  const email = rng.pick(emailForms)({
    f: customerP.first.toLowerCase(),
    l: customerP.last.toLowerCase().replace(/'/g, ''),
    d: rng.pick(domains),
    n: rng.int(1, 99),
  });
  const phone = rng.pick(phoneForms)(rng);
  const refShape = rng.pick(refShapes);
  const account = refShape(rng);
  const typoRate = rng.pick([0, 0.15, 0.3]);

  const turns: Turn[] = [];
  const say = (speaker: Turn['speaker'], text: string, extra: Partial<Turn> = {}) => {
    const t = speaker === 'customer' && rng.chance(typoRate) ? typo(rng, text, SLIP) : text;
    turns.push({ speaker, text: t, entity: null, ...extra });
  };
  /** A frame with the datum: typos only in the frame. */
  const sayWith = (speaker: Turn['speaker'], frame: string, datum: string, extra: Partial<Turn> = {}) => {
    const f = speaker === 'customer' && rng.chance(typoRate) ? typo(rng, frame, SLIP) : frame;
    turns.push({ speaker, text: f.replace('{x}', datum), entity: null, ...extra });
  };

  say('agent', fill(rng.pick(openers), { agent, company }), { brief: [DEF_STAFF] });
  const issueFrame = rng.pick(issueFrames);
  say(
    'customer',
    fill(issueFrame, { agent, issue: rng.pick(issues) }),
    issueFrame.includes('{agent}') ? { brief: [DEF_STAFF] } : {},
  );
  say('agent', rng.pick(asks.name));
  sayWith('customer', rng.pick(answers.name), nameText, { entity: { type: 'name', text: nameText } });

  type Check = 'email' | 'phone' | 'address' | 'account' | 'ref' | 'number' | 'mention' | 'filler' | 'order';
  const pool: Check[] = rng
    .shuffle(['email', 'phone', 'address', 'account'] as Check[])
    .slice(0, rng.int(2, 4));
  const extras: Check[] = rng.shuffle([
    'ref',
    'ref',
    'number',
    'mention',
    'mention',
    'mention',
    'order',
    'filler',
  ] as Check[]);
  const plan = rng.shuffle([...pool, ...extras.slice(0, rng.int(3, 5))]);
  const others: string[] = [agent, customerP.first];
  const readbackOf = (type: PiiType, text: string) => {
    if (rng.chance(0.35))
      sayWith('agent', rng.pick(readbacks), text, { entity: { type, text }, brief: [DEF_READBACK] });
  };

  for (const check of plan) {
    if (check === 'email') {
      say('agent', rng.pick(asks.email));
      sayWith('customer', rng.pick(answers.email), email, { entity: { type: 'email', text: email } });
      readbackOf('email', email);
    } else if (check === 'phone') {
      say('agent', rng.pick(asks.phone));
      sayWith('customer', rng.pick(answers.phone), phone, { entity: { type: 'phone', text: phone } });
      readbackOf('phone', phone);
    } else if (check === 'address') {
      say('agent', rng.pick(asks.address));
      const full = rng.pick(addressForms)(addr, rng);
      if (rng.chance(0.3)) {
        // The first line now, the postcode when asked.
        const firstLine = `${addr.no} ${addr.street}`;
        sayWith('customer', rng.pick(answers.address), firstLine, {
          entity: { type: 'address', text: firstLine },
        });
        const split = rng.pick(postcodeSplits);
        say('agent', split.ask);
        sayWith('customer', rng.pick(split.answer), addr.pc, { entity: { type: 'address', text: addr.pc } });
      } else {
        sayWith('customer', rng.pick(answers.address), full, { entity: { type: 'address', text: full } });
        readbackOf('address', full);
      }
    } else if (check === 'account') {
      say('agent', rng.pick(asks.account));
      sayWith('customer', rng.pick(answers.account), account, {
        entity: { type: 'account_id', text: account },
      });
    } else if (check === 'ref') {
      // A reference read out: the account number or an order/job reference of the same shape.
      const isAccount = rng.chance(0.5);
      const ref = isAccount ? account : refShape(rng);
      sayWith('customer', rng.pick(refAsks), ref, {
        entity: isAccount ? { type: 'account_id', text: ref } : null,
        next: true,
        brief: isAccount ? undefined : [DEF_REFS],
      });
      say('agent', rng.pick(isAccount ? refIsAccount : refIsOrder));
    } else if (check === 'order') {
      sayWith('customer', rng.pick(customerOrderLines), refShape(rng), { brief: [DEF_REFS] });
    } else if (check === 'number') {
      const theirs = rng.chance(0.5);
      const num = theirs ? phone : supportPhone;
      sayWith('customer', rng.pick(numberAsks), num, {
        entity: theirs ? { type: 'phone', text: num } : null,
        next: true,
        brief: theirs ? undefined : [DEF_COMPANY],
      });
      say('agent', rng.pick(theirs ? numberTheirs : numberOurs));
    } else if (check === 'mention') {
      const isPrivate = rng.chance(0.5);
      const p = person(others);
      others.push(p.first);
      const mentioned = rng.pick([p.first, `${p.first} ${p.last}`, `${p.first} ${p.last}`]);
      sayWith('customer', rng.pick(mentions), mentioned, {
        entity: isPrivate ? { type: 'name', text: mentioned } : null,
        next: true,
        brief: [isPrivate ? DEF_PRIVATE : DEF_STAFF],
      });
      const staffAsCustomer = (role: string) =>
        role.replace(/\bour\b/g, 'your').replace(/^my team leader here$/, 'your team leader');
      const composed = (priv: boolean): string => {
        const pron = rng.pick(['she', 'he']);
        const values = {
          p: pron,
          prole: rng.pick(privateRoles).replace(/,.*$/, ''),
          srole: rng.pick(staffTheirs),
          elsewhere: rng.pick(elsewhere),
          you: rng.pick([...you, company]),
          pdeed: rng.pick(privateDeeds),
          sdeed: rng.pick(staffDeeds),
        };
        const core = fill(rng.pick(priv ? privateCores : staffCores), values);
        const neg = rng.chance(0.6)
          ? fill(rng.pick(priv ? notStaff : notPrivate), values) + rng.pick(joins)
          : '';
        let text = rng.pick(clarifyOpeners) + neg + core;
        while (text.split(/\s+/).length < 8) text += rng.pick(clarifyTails);
        return text;
      };
      if (isPrivate)
        say(
          'customer',
          rng.chance(0.7)
            ? composed(true)
            : fill(rng.pick(whoPrivate), {
                role: rng.pick(privateRoles),
                staff: staffAsCustomer(rng.pick(staffRoles)),
              }),
        );
      else if (rng.chance(0.6)) say('customer', composed(false));
      // biome-ignore lint/suspicious/noDuplicateElseIf: each rng.chance() is a new draw, not the same condition
      else if (rng.chance(0.6)) say('agent', fill(rng.pick(whoStaffAgent), { role: rng.pick(staffRoles) }));
      else {
        const role = rng.pick(staffRoles);
        say(
          'customer',
          fill(rng.pick(whoStaffCustomer), {
            role2: staffAsCustomer(role),
            private: rng.pick(privateRoles).replace(/,.*$/, ''),
          }),
        );
      }
    } else {
      if (rng.chance(0.5)) say('agent', rng.pick(FILLERS_AGENT));
      else say('customer', rng.pick(FILLERS_CUSTOMER));
    }
  }
  const order = refShape(rng);
  say('agent', fill(rng.pick(refLines), { o: order }), { brief: [DEF_REFS] });
  say('customer', rng.pick(FILLERS_CUSTOMER));
  const ticket = `${rng.pick(['INC', 'TCK', 'CS'])}${digits(rng, 6)}`;
  say('agent', fill(rng.pick(ticketLines), { t: ticket, p: supportPhone }), { brief: [DEF_COMPANY] });
  if (rng.chance(0.5))
    say('agent', fill(rng.pick(COMPANY_ADDRESS_LINES), { a: companyAddress }), { brief: [DEF_COMPANY] });
  if (rng.chance(0.4)) say('agent', fill(rng.pick(COMPANY_WEB_LINES), { w: web }), { brief: [DEF_COMPANY] });
  say('customer', rng.pick(CLOSINGS_CUSTOMER));
  const signoff = rng.pick(signoffs);
  const part = show(signoff.uses === 'first' ? customerP.first : customerP.last);
  sayWith('agent', signoff.text.replace('{t}', title), part, {
    entity: { type: 'name', text: part },
    brief: [DEF_READBACK],
  });

  const layout = rng.pick(layouts);
  const start = rng.int(0, 50);
  const lines = turns.map(
    (t, i) => layout(t.speaker === 'agent' ? `Agent (${agent})` : 'Customer', i, start) + t.text,
  );
  const transcript = lines.join('\n');
  const entities = turns.flatMap((t) => (t.entity ? [t.entity] : []));
  const facts = turns.map((t, i) => {
    const evidence: string[] = [...(t.brief ?? [])];
    if (t.next && lines[i + 1]) evidence.push(lines[i + 1]!);
    return {
      id: `turn-${i + 1}`,
      text: lines[i]!,
      answers: t.entity ? { pii_type: t.entity.type, pii_text: t.entity.text } : { pii_type: 'none' },
      ...(evidence.length ? { evidence: { pii_type: evidence } } : {}),
    };
  });
  return { input: { company, transcript }, expected: { entities }, facts };
};
