import type { Generate } from '@reps/engine';

/**
 * An analyst's research pack: short profiles of companies and people (from a fictional market),
 * and a few questions none of which one profile answers on its own. A question chains two or three
 * facts across profiles ("the founder of the company that acquired X") or compares two of them.
 */

interface Doc {
  id: string;
  title: string;
  text: string;
}
interface Question {
  qid: string;
  question: string;
}
interface Input {
  documents: Doc[];
  questions: Question[];
}
interface Answer {
  qid: string;
  answer: string;
  citations: string[];
}
interface Expected {
  answers: Answer[];
}

const COMPANY_NAMES = [
  'Halvorsen Maritime',
  'Brightline Tools',
  'Ostrava Group',
  'Quillfeather Labs',
  'Corvid Analytics',
  'Marlowe & Finch',
  'Tessellate Robotics',
  'Juniper Freight',
  'Solvay Ridge Energy',
  'Pemberton Biotech',
  'Kestrel Avionics',
  'Arden Textiles',
  'Nimbus Aerial',
  'Vantor Payments',
  'Greywell Foods',
  'Lumora Health',
];
const FIRST = [
  'Mirela',
  'Anders',
  'Chidi',
  'Rosalind',
  'Tomasz',
  'Ines',
  'Haruto',
  'Delphine',
  'Kwabena',
  'Saskia',
  'Emeka',
  'Ottilie',
  'Rustam',
  'Freya',
  'Matteo',
  'Yusra',
];
const LAST = [
  'Vance',
  'Lindgren',
  'Okonkwo',
  'Achterberg',
  'Wiśniewski',
  'Carvalho',
  'Sato',
  'Marchetti',
  'Boateng',
  'De Vries',
  'Eze',
  'Lund',
  'Karimov',
  'Halloran',
  'Bianchi',
  'Nasser',
];
const CITIES = [
  'Tartu',
  'Bergen',
  'Enugu',
  'Ghent',
  'Kraków',
  'Porto',
  'Sapporo',
  'Lyon',
  'Kumasi',
  'Utrecht',
  'Aarhus',
  'Tbilisi',
  'Cork',
  'Bologna',
  'Izmir',
  'Valparaíso',
];
const PRODUCTS = [
  'the Nimbus X4 survey drone',
  'the Ferro torque wrench',
  'the Halcyon payments terminal',
  'the Skiff cargo tracker',
  'the Lumen glucose monitor',
  'the Arbor route planner',
  'the Tern autopilot',
  'the Weft smart loom',
];
const UNIVERSITIES = [
  'the University of Tartu',
  'Delft University of Technology',
  'ETH Zurich',
  'the University of Bologna',
  'Trinity College Dublin',
  'Kyoto University',
  'the University of Ghana',
  'Jagiellonian University',
];

interface Company {
  name: string;
  founded: number;
  hq: string;
  founder: number;
  ceo: number;
  product: string;
  acquiredBy: number | null;
  acquiredIn: number;
}
interface Person {
  name: string;
  born: string;
  birthYear: number;
  studied: string;
}

export const generate: Generate<Input, Expected> = (rng) => {
  const nCompanies = 6;
  const companyNames = rng.sample(COMPANY_NAMES, nCompanies);
  const people: Person[] = rng.sample(FIRST, 8).map((f, i) => ({
    name: `${f} ${LAST[(FIRST.indexOf(f) + i * 3 + rng.int(0, 15)) % LAST.length]}`,
    born: '',
    birthYear: rng.int(1955, 1988),
    studied: rng.pick(UNIVERSITIES),
  }));
  const cities = rng.sample(CITIES, 14);
  people.forEach((p, i) => {
    p.born = cities[i]!;
  });
  const products = rng.sample(PRODUCTS, nCompanies);
  const years = rng.sample(
    Array.from({ length: 40 }, (_, i) => 1972 + i),
    nCompanies,
  );
  const companies: Company[] = companyNames.map((name, i) => ({
    name,
    founded: years[i]!,
    hq: cities[8 + i]!,
    founder: i,
    ceo: (i + 3) % 8,
    product: products[i]!,
    acquiredBy: null,
    acquiredIn: 0,
  }));
  // Two acquisitions: company 1 by company 0, company 3 by company 2 (after both were founded).
  for (const [target, buyer] of [
    [1, 0],
    [3, 2],
  ] as const) {
    companies[target]!.acquiredBy = buyer;
    companies[target]!.acquiredIn =
      Math.max(companies[target]!.founded, companies[buyer]!.founded) + rng.int(3, 9);
  }

  const docs: Doc[] = [];
  const docOfCompany: string[] = [];
  const docOfPerson: string[] = [];
  const order = rng.shuffle([
    ...companies.map((_, i) => ({ kind: 'c', i })),
    ...people.map((_, i) => ({ kind: 'p', i })),
  ]);
  order.forEach((entry, n) => {
    const id = `D${n + 1}`;
    if (entry.kind === 'c') {
      const c = companies[entry.i]!;
      const parts = [
        `${c.name} was founded in ${c.founded} by ${people[c.founder]!.name} and is headquartered in ${c.hq}.`,
        `Its best-known product is ${c.product}.`,
        `The current chief executive is ${people[c.ceo]!.name}.`,
      ];
      if (c.acquiredBy !== null)
        parts.push(`In ${c.acquiredIn} it was acquired by ${companies[c.acquiredBy]!.name}.`);
      docs.push({ id, title: c.name, text: [parts[0]!, ...rng.shuffle(parts.slice(1))].join(' ') });
      docOfCompany[entry.i] = id;
    } else {
      const p = people[entry.i]!;
      const parts = [
        `${p.name} was born in ${p.born} in ${p.birthYear}.`,
        `${p.name.split(' ')[0]} studied at ${p.studied}.`,
        rng.pick([
          'They are known for a blunt management style.',
          'They sit on two charity boards.',
          'They rarely give interviews.',
        ]),
      ];
      docs.push({ id, title: p.name, text: parts.join(' ') });
      docOfPerson[entry.i] = id;
    }
  });

  const templates: Array<() => { question: string; answer: string; cites: string[] }> = [
    () => {
      const t = rng.pick([1, 3]);
      const buyer = companies[t]!.acquiredBy!;
      return {
        question: `In which city was the founder of the company that acquired ${companies[t]!.name} born?`,
        answer: people[companies[buyer]!.founder]!.born,
        cites: [docOfCompany[t]!, docOfCompany[buyer]!, docOfPerson[companies[buyer]!.founder]!],
      };
    },
    () => {
      const c = rng.int(0, nCompanies - 1);
      const product = companies[c]!.product.replace(/^the /, '');
      return {
        question: `Where did the chief executive of the company behind the ${product} study?`,
        answer: people[companies[c]!.ceo]!.studied.replace(/^the /, ''),
        cites: [docOfCompany[c]!, docOfPerson[companies[c]!.ceo]!],
      };
    },
    () => {
      const [a, b] = rng.sample([0, 1, 2, 3, 4, 5], 2) as [number, number];
      const older = companies[a]!.founded < companies[b]!.founded ? a : b;
      return {
        question: `Which was founded first, the company that makes ${companies[a]!.product.replace(/^the /, 'the ')} or ${companies[b]!.name}?`,
        answer: companies[older]!.name,
        cites: [docOfCompany[a]!, docOfCompany[b]!],
      };
    },
    () => {
      const t = rng.pick([1, 3]);
      const buyer = companies[t]!.acquiredBy!;
      return {
        question: `Who runs the company that bought ${companies[t]!.name}?`,
        answer: people[companies[buyer]!.ceo]!.name,
        cites: [docOfCompany[t]!, docOfCompany[buyer]!],
      };
    },
    () => {
      const c = rng.int(0, nCompanies - 1);
      return {
        question: `In what year was the founder of ${companies[c]!.name} born?`,
        answer: String(people[companies[c]!.founder]!.birthYear),
        cites: [docOfCompany[c]!, docOfPerson[companies[c]!.founder]!],
      };
    },
    () => {
      const c = rng.int(0, nCompanies - 1);
      return {
        question: `Which city is the company led by ${people[companies[c]!.ceo]!.name} based in?`,
        answer: companies[c]!.hq,
        cites: [docOfCompany[c]!],
      };
    },
  ];
  const count = rng.int(3, 5);
  const chosen = rng.sample(templates.slice(0, 5), count - 1);
  if (rng.chance(0.5)) chosen.push(templates[5]!);
  else chosen.push(rng.pick(templates.slice(0, 5)));
  const questions: Question[] = [];
  const answers: Answer[] = [];
  const seen = new Set<string>();
  for (const make of chosen) {
    let q = make();
    for (let i = 0; i < 10 && seen.has(q.question); i++) q = make();
    if (seen.has(q.question)) continue;
    seen.add(q.question);
    const qid = `Q${questions.length + 1}`;
    questions.push({ qid, question: q.question });
    answers.push({ qid, answer: q.answer, citations: [...new Set(q.cites)].sort() });
  }
  const relevant = new Map<string, string[]>();
  for (const a of answers) for (const d of a.citations) relevant.set(d, [...(relevant.get(d) ?? []), a.qid]);
  const facts = [
    ...questions.map((q, i) => ({
      id: q.qid,
      text: q.question,
      answers: { answer: answers[i]!.answer, citations: answers[i]!.citations },
    })),
    ...docs.map((d) => ({ id: d.id, text: d.text, answers: { relevant_to: relevant.get(d.id) ?? [] } })),
  ];
  return { input: { documents: docs, questions }, expected: { answers }, facts };
};
