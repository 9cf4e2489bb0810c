import type { Generate, Rng } from '@reps/engine';

/**
 * An earnings-call transcript of 12–18 speaker turns: operator, safe-harbour boilerplate, the CEO's
 * review of the quarter (past results, full of numbers), the CFO's outlook, analysts' questions and
 * management's answers. 3–6 turns give guidance for one metric each: raised, maintained, lowered
 * or initiated, with a range (or a point, which is a range of one value).
 */

const METRICS = ['revenue', 'eps', 'gross_margin', 'operating_margin', 'free_cash_flow', 'capex'] as const;
type Metric = (typeof METRICS)[number];
type Direction = 'raised' | 'maintained' | 'lowered' | 'initiated';

interface Guidance {
  metric: Metric;
  direction: Direction;
  low: number;
  high: number;
}

interface MetricStyle {
  names: string[];
  /** Typical low end and spread, and how the value is written. */
  range: (rng: Rng) => [number, number];
  write: (x: number) => string;
}

const decimals = (x: number, d: number) => x.toFixed(d);

const STYLES: Record<Metric, MetricStyle> = {
  revenue: {
    names: ['revenue', 'total revenue', 'net sales'],
    range: (rng) => {
      const low = Math.round(rng.float(1.2, 9.5) * 100) / 100;
      return [low, Math.round((low + rng.pick([0.05, 0.1, 0.15, 0.2])) * 100) / 100];
    },
    write: (x) => `$${decimals(x, 2)} billion`,
  },
  eps: {
    names: ['adjusted EPS', 'earnings per share', 'non-GAAP EPS'],
    range: (rng) => {
      const low = Math.round(rng.float(0.8, 6.5) * 100) / 100;
      return [low, Math.round((low + rng.pick([0.05, 0.1, 0.15, 0.2])) * 100) / 100];
    },
    write: (x) => `$${decimals(x, 2)}`,
  },
  gross_margin: {
    names: ['gross margin', 'adjusted gross margin'],
    range: (rng) => {
      const low = Math.round(rng.float(28, 68) * 2) / 2;
      return [low, low + rng.pick([0.5, 1, 1.5])];
    },
    write: (x) => `${x}%`,
  },
  operating_margin: {
    names: ['operating margin', 'adjusted operating margin', 'EBIT margin'],
    range: (rng) => {
      const low = Math.round(rng.float(6, 32) * 2) / 2;
      return [low, low + rng.pick([0.5, 1, 2])];
    },
    write: (x) => `${x}%`,
  },
  free_cash_flow: {
    names: ['free cash flow', 'FCF'],
    range: (rng) => {
      const low = rng.int(12, 190) * 10;
      return [low, low + rng.pick([25, 50, 100])];
    },
    write: (x) => `$${x} million`,
  },
  capex: {
    names: ['capital expenditures', 'capex', 'capital spending'],
    range: (rng) => {
      const low = rng.int(8, 120) * 10;
      return [low, low + rng.pick([20, 50, 100])];
    },
    write: (x) => `$${x} million`,
  },
};

const COMPANIES = [
  ['Northbeam Semiconductor', 'NBSC'],
  ['Calloway Brands', 'CLWY'],
  ['Veridian Health Systems', 'VHS'],
  ['Ardent Logistics', 'ARDL'],
  ['Kestrel Software', 'KSTR'],
  ['Solace Foods', 'SLF'],
  ['Tidewater Energy Services', 'TWES'],
  ['Pinnacle Medical Devices', 'PMD'],
  ['Aurora Retail Group', 'ARG'],
];
const PEOPLE = [
  'Dana Whitfield',
  'Marcus Oyelaran',
  'Priya Venkataraman',
  'Tom Ashby',
  'Elena Sokolova',
  'Gareth Lim',
];
const ANALYSTS = [
  ['Rachel Kim', 'Morgan Stanley'],
  ['Hugo Brandt', 'Goldman Sachs'],
  ['Aisha Rahman', 'JPMorgan'],
  ['Connor Walsh', 'Bernstein'],
  ['Mei Tanaka', 'UBS'],
  ['Luis Ortega', 'Barclays'],
  ['Sam Patel', 'Jefferies'],
];

function span(style: MetricStyle, low: number, high: number): string {
  return low === high ? `about ${style.write(low)}` : `${style.write(low)} to ${style.write(high)}`;
}

function guidanceText(rng: Rng, g: Guidance, period: string, prior: [number, number]): string {
  const style = STYLES[g.metric];
  const name = rng.pick(style.names);
  const now = span(style, g.low, g.high);
  const before = span(style, prior[0], prior[1]);
  switch (g.direction) {
    case 'raised':
      return rng.pick([
        `Given the strength we saw in the quarter, we are raising our ${period} ${name} outlook to ${now}, up from ${before} previously.`,
        `We now expect ${period} ${name} of ${now}, an increase from our prior range of ${before}, reflecting better pricing and mix.`,
      ]);
    case 'lowered':
      return rng.pick([
        `Reflecting softer demand in Europe, we are lowering our ${period} ${name} guidance to ${now}, compared with ${before} before.`,
        `We now expect ${period} ${name} of ${now}, below the ${before} we guided to last quarter, mainly because of input costs.`,
      ]);
    case 'maintained':
      return rng.pick([
        `We are reaffirming our ${period} ${name} guidance of ${now}; nothing we saw this quarter changes that view.`,
        `Our ${period} ${name} outlook is unchanged at ${now}, and we remain comfortable with it.`,
      ]);
    default:
      return rng.pick([
        `For the first time we are also giving an outlook for ${name}: for ${period} we expect ${now}.`,
        `Looking ahead to ${period}, we expect ${name} in the range of ${now}, which we are guiding to for the first time today.`,
      ]);
  }
}

export const generate: Generate<
  { company: string; call: string; transcript: string },
  { guidance: Guidance[] }
> = (rng) => {
  const [company, ticker] = rng.pick(COMPANIES);
  const year = rng.pick([2024, 2025]);
  const quarter = rng.int(1, 3);
  const [ceo, cfo] = rng.sample(PEOPLE, 2);
  const analysts = rng.sample(ANALYSTS, 3);
  const guided = rng.sample([...METRICS], rng.int(3, 6));
  const guidance: Guidance[] = guided.map((metric) => {
    const [low, high] = rng.chance(0.2)
      ? ((x) => [x[0], x[0]])(STYLES[metric].range(rng))
      : STYLES[metric].range(rng);
    return {
      metric,
      direction: rng.weighted(['raised', 'maintained', 'lowered', 'initiated'] as Direction[], [3, 3, 2, 1]),
      low,
      high,
    };
  });
  const turns: { speaker: string; text: string; guidance?: Guidance }[] = [];
  turns.push({
    speaker: 'Operator',
    text: `Good day and welcome to the ${company} ${['first', 'second', 'third'][quarter - 1]} quarter ${year} earnings conference call. All participants are in listen-only mode.`,
  });
  turns.push({
    speaker: `${rng.pick(['Jo Harlow', 'Ben Ferris', 'Nadia Costa'])} – Investor Relations`,
    text: `Today's remarks include forward-looking statements about our outlook, which are subject to risks and uncertainties described in our filings. Actual results may differ materially.`,
  });
  const pastRevenue = Math.round(rng.float(0.3, 2.5) * 100) / 100;
  turns.push({
    speaker: `${ceo} – CEO`,
    text: rng.pick([
      `We delivered a solid quarter. Revenue grew ${rng.int(3, 19)}% year over year to $${pastRevenue.toFixed(2)} billion, and we added ${rng.int(40, 400)} new enterprise customers.`,
      `Quarterly revenue came in at $${pastRevenue.toFixed(2)} billion, up ${rng.int(2, 15)}%, with record bookings in North America and a book-to-bill of ${rng.float(1.0, 1.3).toFixed(2)}.`,
    ]),
  });
  turns.push({
    speaker: `${ceo} – CEO`,
    text: rng.pick([
      `Strategically, we completed the integration of the ${rng.pick(['Halvorsen', 'Brightpath', 'Corelane'])} acquisition and opened ${rng.int(2, 9)} new distribution centres.`,
      `Our innovation pipeline has never been stronger: we launched ${rng.int(3, 12)} products in the quarter and our net promoter score rose to ${rng.int(40, 70)}.`,
    ]),
  });
  turns.push({
    speaker: `${cfo} – CFO`,
    text: `Gross margin for the quarter was ${rng.int(30, 65)}.${rng.int(0, 9)}%, ${rng.pick(['up', 'down'])} ${rng.int(10, 180)} basis points, and operating expenses were $${rng.int(120, 900)} million. We repurchased $${rng.int(50, 400)} million of shares.`,
  });
  const period = rng.pick([`full-year ${year}`, `fiscal ${year}`, `the full year`]);
  const prepared = guidance.slice(0, Math.max(2, guidance.length - 2));
  const answered = guidance.slice(prepared.length);
  for (const g of prepared) {
    const [pl, ph] = STYLES[g.metric].range(rng);
    turns.push({
      speaker: `${cfo} – CFO`,
      text: guidanceText(rng, g, g.direction === 'initiated' ? `Q${quarter + 1}` : period, [pl, ph]),
      guidance: g,
    });
  }
  turns.push({
    speaker: 'Operator',
    text: `We will now begin the question-and-answer session. Our first question comes from ${analysts[0]![0]} with ${analysts[0]![1]}.`,
  });
  const qa: { speaker: string; text: string; guidance?: Guidance }[] = [];
  for (const [i, g] of answered.entries()) {
    const [name, bank] = analysts[i % analysts.length]!;
    qa.push({
      speaker: `${name} – ${bank}`,
      text: `Thanks for taking my question. Could you say more about how you are thinking about ${rng.pick(STYLES[g.metric].names)} for the rest of the year?`,
    });
    const [pl, ph] = STYLES[g.metric].range(rng);
    qa.push({
      speaker: `${cfo} – CFO`,
      text: guidanceText(rng, g, g.direction === 'initiated' ? `Q${quarter + 1}` : period, [pl, ph]),
      guidance: g,
    });
  }
  qa.push({
    speaker: `${analysts[2]![0]} – ${analysts[2]![1]}`,
    text: rng.pick([
      'On pricing, are you seeing any pushback from customers after the increases in the spring?',
      'Can you talk about hiring plans and whether wage inflation is easing?',
    ]),
  });
  qa.push({
    speaker: `${ceo} – CEO`,
    text: rng.pick([
      `We have seen very little pushback. Retention is above ${rng.int(90, 98)}% and we expect pricing to remain a tailwind, though we will not comment on next year yet.`,
      `Hiring is normalising and attrition fell to ${rng.int(8, 15)}%. We are not changing our long-term targets today.`,
    ]),
  });
  turns.push(...qa);
  turns.push({
    speaker: 'Operator',
    text: `That concludes today's call. Thank you for participating, you may now disconnect.`,
  });
  const paragraphs = turns.map((t) => `${t.speaker}: ${t.text}`);
  const facts = turns.map((t, i) => ({
    id: `turn-${i + 1}`,
    text: paragraphs[i]!,
    answers: t.guidance
      ? {
          is_guidance: true,
          metric: t.guidance.metric,
          direction: t.guidance.direction,
          low: t.guidance.low,
          high: t.guidance.high,
        }
      : { is_guidance: false },
  }));
  return {
    input: {
      company: `${company} (${ticker})`,
      call: `Q${quarter} ${year} earnings call`,
      transcript: paragraphs.join('\n\n'),
    },
    expected: { guidance },
    facts,
  };
};
