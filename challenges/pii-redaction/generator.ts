import type { Generate, Rng } from '@reps/engine';

/**
 * A support chat between a customer and an agent of a broadband provider. The customer gives
 * personal data as the agent verifies them (one item per turn, as agents ask for one thing at a
 * time); the chat also holds order numbers, ticket references, the agent's name and the company's
 * own phone number and address, which are not the customer's personal data.
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

const FIRST = [
  'Dana',
  'Marcus',
  'Olivia',
  'Kofi',
  'Yasmin',
  'Patrick',
  'Ingrid',
  'Samir',
  'Lucy',
  'Ewan',
  'Zara',
  'Hugo',
  'Niamh',
  'Tariq',
  'Grace',
  'Milan',
];
const LAST = [
  'Whitfield',
  'Osei',
  'Fernandes',
  'Gallagher',
  'Lindqvist',
  'Chaudhry',
  'Pemberton',
  'Novak',
  'Ashworth',
  'Mbeki',
  'Doyle',
  'Sato',
  'Kaur',
  'Reilly',
  'Baptiste',
  'Horvat',
];
const AGENTS = ['Sam', 'Jess', 'Ravi', 'Megan', 'Leo', 'Ana'];
const STREETS = [
  'Larch Close',
  'Mill Lane',
  'Victoria Road',
  'Priory Walk',
  'Station Street',
  'Hawthorn Drive',
  'Kingsway',
  'Orchard Rise',
];
const TOWNS: Array<[string, string]> = [
  ['Harrogate', 'HG2 7QP'],
  ['Stockport', 'SK4 2LW'],
  ['Truro', 'TR1 3HD'],
  ['Dundee', 'DD3 9RT'],
  ['Luton', 'LU2 8NB'],
  ['Bangor', 'LL57 2PZ'],
  ['Colchester', 'CO4 5XA'],
  ['Lincoln', 'LN6 0QE'],
];
const DOMAINS = ['gmail.com', 'outlook.com', 'yahoo.co.uk', 'btinternet.com', 'icloud.com', 'proton.me'];
const COMPANIES: Array<[name: string, phone: string, address: string]> = [
  ['Brightwave Broadband', '0800 048 7731', 'Brightwave House, 2 Dock Street, Leeds LS10 1JF'],
  ['Northline Fibre', '0333 210 4455', 'Northline Fibre, PO Box 771, Bristol BS1 9ZZ'],
  ['Kestrel Connect', '0800 612 0900', 'Kestrel Connect, 40 Albion Place, Glasgow G1 1QX'],
];
const ISSUES = [
  'my broadband keeps dropping out every evening',
  'I was charged twice for last month',
  'the router you sent me will not power on',
  'I want to move my contract to my new flat',
  'the engineer did not turn up on Tuesday',
  'my speeds are far below what I am paying for',
];

function digits(rng: Rng, n: number): string {
  let out = '';
  for (let i = 0; i < n; i++) out += String(rng.int(0, 9));
  return out;
}

interface Turn {
  text: string;
  entity: Entity | null;
}

export const generate: Generate<Input, Expected> = (rng) => {
  const [company, supportPhone, companyAddress] = rng.pick(COMPANIES);
  const agent = rng.pick(AGENTS);
  const first = rng.pick(FIRST);
  const last = rng.pick(LAST);
  const fullName = `${first} ${last}`;
  const [town, postcode] = rng.pick(TOWNS);
  const address = `${rng.int(2, 180)} ${rng.pick(STREETS)}, ${town} ${postcode}`;
  const email = rng.pick([
    `${first.toLowerCase()}.${last.toLowerCase()}${rng.int(1, 99)}@${rng.pick(DOMAINS)}`,
    `${first.toLowerCase()[0]}${last.toLowerCase()}@${rng.pick(DOMAINS)}`,
    `${last.toLowerCase()}.${first.toLowerCase()}@${rng.pick(DOMAINS)}`,
  ]);
  const phone = rng.pick([
    `07${digits(rng, 3)} ${digits(rng, 6)}`,
    `+44 7${digits(rng, 3)} ${digits(rng, 3)} ${digits(rng, 3)}`,
    `0${rng.int(113, 199)} ${digits(rng, 3)} ${digits(rng, 4)}`,
  ]);
  const account = rng.pick([
    `ACC-${digits(rng, 8)}`,
    `BW${digits(rng, 9)}`,
    `${digits(rng, 4)}-${digits(rng, 4)}-${digits(rng, 2)}`,
  ]);
  const order = `order ${rng.pick(['#', 'no. ', ''])}${rng.pick(['WX', 'OR', 'SO'])}-${digits(rng, 5)}`;
  const ticket = `ticket ${rng.pick(['INC', 'TCK'])}${digits(rng, 6)}`;
  const issue = rng.pick(ISSUES);
  const otherPerson = `${rng.pick(FIRST.filter((f) => f !== first))} ${last}`;

  const turns: Turn[] = [];
  const agentSays = (text: string) => turns.push({ text: `Agent (${agent}): ${text}`, entity: null });
  const customer = (text: string, entity: Entity | null = null) =>
    turns.push({ text: `Customer: ${text}`, entity });

  agentSays(`Hello, you're chatting with ${agent} at ${company}. How can I help today?`);
  customer(`Hi ${agent}, ${issue} and I would like it sorted please.`);
  agentSays(
    rng.pick([
      "I'm sorry to hear that. Can I take your full name to find the account?",
      'Sorry about that. Could I start with your full name, please?',
    ]),
  );
  customer(
    rng.pick([
      `Sure, it's ${fullName}.`,
      `My name is ${fullName}.`,
      `${fullName}, the account is in my name.`,
    ]),
    { type: 'name', text: fullName },
  );
  const checks = rng.shuffle(['email', 'phone', 'address', 'account'] as const).slice(0, rng.int(2, 4));
  for (const check of checks) {
    if (check === 'email') {
      agentSays('Thanks. What email address do we have on file for you?');
      customer(
        rng.pick([
          `It should be ${email} I think.`,
          `That's ${email}.`,
          `Use ${email}, that's the one I check.`,
        ]),
        { type: 'email', text: email },
      );
    } else if (check === 'phone') {
      agentSays('And the best mobile number to reach you on?');
      customer(
        rng.pick([
          `You can call me on ${phone} after five.`,
          `It's ${phone}.`,
          `${phone}, but it goes to voicemail a lot.`,
        ]),
        { type: 'phone', text: phone },
      );
    } else if (check === 'address') {
      agentSays('Can you confirm the installation address?');
      customer(
        rng.pick([
          `It's ${address}.`,
          `The address is ${address}, ground floor flat.`,
          `We're at ${address}.`,
        ]),
        { type: 'address', text: address },
      );
    } else {
      agentSays('Do you have your account number to hand?');
      customer(
        rng.pick([
          `Yes, it's ${account}.`,
          `Account number ${account}, it's on the bill.`,
          `I have it here: ${account}.`,
        ]),
        { type: 'account_id', text: account },
      );
    }
  }
  agentSays(
    rng.pick([
      `Thank you, I've found it. I can see ${order} for the replacement router.`,
      `Thanks, that's verified. I can see the ${order} from last month.`,
    ]),
  );
  customer(
    rng.pick([
      `Yes, that's the one, it arrived broken.`,
      `Right, and nothing has changed since then.`,
      `OK, I didn't realise that was still open.`,
    ]),
  );
  if (rng.chance(0.5)) {
    customer(`My partner ${otherPerson} usually deals with the bills, can you add them to the account?`, {
      type: 'name',
      text: otherPerson,
    });
    agentSays('They will need to call us themselves to be added, for data protection reasons.');
  }
  agentSays(`I've raised ${ticket} for this. If it happens again you can call us free on ${supportPhone}.`);
  if (rng.chance(0.4)) agentSays(`Written complaints go to ${companyAddress}.`);
  customer(
    rng.pick(['Great, thanks for your help.', 'OK, thank you, bye.', 'Thanks, that is all for today.']),
  );
  agentSays(`You're welcome, ${first}. Have a good day.`);
  // The agent's sign-off uses the first name: that is personal data too.
  turns[turns.length - 1]!.entity = { type: 'name', text: first };

  const transcript = turns.map((t) => t.text).join('\n');
  const entities = turns.flatMap((t) => (t.entity ? [t.entity] : []));
  const facts = turns.map((t, i) => ({
    id: `turn-${i + 1}`,
    text: t.text,
    answers: t.entity ? { pii_type: t.entity.type, pii_text: t.entity.text } : { pii_type: 'none' },
  }));
  return { input: { company, transcript }, expected: { entities }, facts };
};
