import type { CaseSet, Generate, GeneratorCase, Rng } from '@reps/engine';
import { digitWord, numberWords, round2 } from '@reps/engine/generator-kit';
import { ANALYSTS, COMPANIES, METRICS, type Metric, NAMES, PEOPLE } from './data.js';

/**
 * An earnings-call transcript of 14–19 speaker turns: operator, the investor-relations turn (the
 * safe-harbour statement and a recap of the guidance given last quarter), the CEO's review of the
 * quarter (past results, full of numbers), the CFO's outlook, analysts' questions (quoting the
 * Street's consensus) and management's answers. 3–6 turns give guidance for one metric each.
 *
 * What makes it more than pattern matching: the direction is often not said but follows from the
 * recap of last quarter's range (another turn); a reaffirmed range may not be restated at all; a
 * change may move one end only; the CFO may correct a figure in a later turn; figures come in other
 * units (revenue in millions, cash flow in billions), spoken ("four point two billion dollars") or as
 * a midpoint with a tolerance; and the call is full of numbers that are not guidance: past results,
 * consensus, segment outlooks, multi-year targets, metrics outside the six, guidance withheld.
 * Every sentence frame, name and layout comes in families; hidden cases use families no public
 * case shows.
 */

type Direction = 'raised' | 'maintained' | 'lowered' | 'initiated';

interface Guidance {
  metric: Metric;
  direction: Direction;
  low: number;
  high: number;
}

type Fact = GeneratorCase['facts'][number];

// ---------------------------------------------------------------------------------------------
// Numbers as people say them.

/** 4.35 → "four point three five". */
function decimalWords(x: number): string {
  const [int, frac] = x.toFixed(2).replace(/0+$/, '').replace(/\.$/, '').split('.');
  return `${numberWords(Number(int))}${frac ? ` point ${[...frac].map((d) => digitWord(Number(d))).join(' ')}` : ''}`;
}

/** -20 → "minus twenty": margins and cash flows can be negative. */
function signedWords(n: number): string {
  return n < 0 ? `minus ${numberWords(-n)}` : numberWords(n);
}

/** 20.5 → "twenty and a half", -20.5 → "minus twenty and a half". */
function halvesWords(x: number): string {
  const whole = Math.floor(Math.abs(x));
  return `${x < 0 ? 'minus ' : ''}${numberWords(whole)}${x % 1 ? ' and a half' : ''}`;
}

/** How each metric's figure is written: families of writers, each (value in the metric's unit). */
type Writer = (x: number) => string;

const WRITERS: Record<Metric, Writer[]> = {
  revenue: [
    (x) => `$${x.toFixed(2)} billion`,
    (x) => `$${x}bn`,
    (x) => `$${String(Math.round(x * 1000)).replace(/(\d)(\d{3})$/, '$1,$2')} million`,
    (x) => `${decimalWords(x)} billion dollars`,
    (x) => `USD ${x.toFixed(2)} billion`,
  ],
  eps: [
    (x) => `$${x.toFixed(2)}`,
    (x) => `$${x.toFixed(2)} per share`,
    (x) =>
      `${numberWords(Math.floor(x + 1e-9))} dollar${Math.floor(x + 1e-9) === 1 ? '' : 's'} and ${numberWords(Math.round((x % 1) * 100))} cents`,
    (x) => `${Math.round(x * 100)} cents a share`,
  ],
  gross_margin: [
    (x) => `${x}%`,
    (x) => `${x} percent`,
    (x) => `${halvesWords(x)} percent`,
    (x) => `${x.toFixed(1)} per cent`,
  ],
  operating_margin: [
    (x) => `${x}%`,
    (x) => `${x} percent`,
    (x) => `${halvesWords(x)} percent`,
    (x) => `${x.toFixed(1)} per cent`,
  ],
  free_cash_flow: [
    (x) => `$${x} million`,
    (x) => `$${(x / 1000).toFixed(x % 100 ? 3 : 2).replace(/0$/, '')} billion`,
    (x) => `${signedWords(x)} million dollars`,
    (x) => `$${x}m`,
  ],
  capex: [
    (x) => `$${x} million`,
    (x) => `$${(x / 1000).toFixed(x % 100 ? 3 : 2).replace(/0$/, '')} billion`,
    (x) => `${signedWords(x)} million dollars`,
    (x) => `$${x}m`,
  ],
};

/** How a range is said, given the writer. Some only fit some metrics (tolerances). */
type RangeStyle = (lo: number, hi: number, w: Writer, metric: Metric) => string | undefined;

const RANGE_STYLES: RangeStyle[] = [
  (lo, hi, w) => `${w(lo)} to ${w(hi)}`,
  (lo, hi, w) => `between ${w(lo)} and ${w(hi)}`,
  (lo, hi, w) => `a range of ${w(lo)} to ${w(hi)}`,
  (lo, hi, w) => `${w(lo)} at the low end and ${w(hi)} at the high end`,
  (lo, hi, w, m) => {
    const mid = round2((lo + hi) / 2);
    const half = round2((hi - lo) / 2);
    if (m === 'gross_margin' || m === 'operating_margin') {
      const bps = Math.round(half * 100);
      return bps > 0 && Number.isInteger(mid * 2)
        ? `${w(mid)}, plus or minus ${bps} basis points`
        : undefined;
    }
    if (m === 'free_cash_flow' || m === 'capex')
      return half > 0 ? `${w(mid)}, give or take $${half} million` : undefined;
    return undefined;
  },
  (lo, hi, w) => `no less than ${w(lo)} and no more than ${w(hi)}`,
  (lo, hi, _w, m) =>
    m === 'revenue'
      ? `$${lo.toFixed(2)}–${hi.toFixed(2)} billion`
      : m === 'eps'
        ? `${lo.toFixed(2)} to ${hi.toFixed(2)} dollars`
        : m === 'gross_margin' || m === 'operating_margin'
          ? `${lo}–${hi}%`
          : `$${lo}–${hi} million`,
  (lo, hi, w) => `somewhere from ${w(lo)} up to ${w(hi)}`,
];
const POINT_STYLES: Array<(x: string) => string> = [
  (x) => `about ${x}`,
  (x) => `roughly ${x}`,
  (x) => `approximately ${x}`,
  (x) => `in the neighbourhood of ${x}`,
  (x) => `close to ${x}`,
];

// ---------------------------------------------------------------------------------------------
// Names.

/** Metrics the six do not cover: guidance on them is not wanted. */
const OTHER_METRICS: Array<[string, Writer, [number, number]]> = [
  ['effective tax rate', (x) => `${x}%`, [17, 24]],
  ['diluted share count', (x) => `${x} million shares`, [180, 420]],
  ['interest expense', (x) => `$${x} million`, [40, 160]],
  ['depreciation and amortisation', (x) => `$${x} million`, [150, 600]],
  ['stock-based compensation', (x) => `$${x} million`, [60, 300]],
];
const SEGMENTS = ['Cloud', 'Industrial', 'Consumer', 'Healthcare', 'Services', 'International'];

function metricRange(rng: Rng, metric: Metric): [number, number] {
  switch (metric) {
    case 'revenue': {
      const low = round2(rng.int(120, 950) / 100);
      return [low, round2(low + rng.pick([0.05, 0.1, 0.15, 0.2]))];
    }
    case 'eps': {
      const low = round2(rng.int(80, 650) / 100);
      return [low, round2(low + rng.pick([0.05, 0.1, 0.15, 0.2]))];
    }
    case 'gross_margin': {
      const low = rng.int(56, 136) / 2;
      return [low, low + rng.pick([0.5, 1, 1.5, 2])];
    }
    case 'operating_margin': {
      const low = rng.int(12, 64) / 2;
      return [low, low + rng.pick([0.5, 1, 2])];
    }
    case 'free_cash_flow': {
      const low = rng.int(12, 190) * 10;
      return [low, low + rng.pick([20, 50, 100])];
    }
    default: {
      const low = rng.int(8, 120) * 10;
      return [low, low + rng.pick([20, 50, 100])];
    }
  }
}

/** A step away from a range, up or down, so that last quarter's range differs. */
function shifted(rng: Rng, metric: Metric, [lo, hi]: [number, number], up: boolean): [number, number] {
  const step =
    metric === 'revenue' || metric === 'eps'
      ? rng.pick([0.05, 0.1, 0.15])
      : metric === 'gross_margin' || metric === 'operating_margin'
        ? rng.pick([0.5, 1, 1.5])
        : rng.pick([20, 50, 100]);
  const s = up ? step : -step;
  return [round2(lo + s), round2(hi + s)];
}

// ---------------------------------------------------------------------------------------------
// Sentence frames. `now` is the new range as said, `was` last quarter's, `name` the metric's name,
// `period` the period.

interface Slots {
  name: string;
  now: string;
  was: string;
  period: string;
  low: string;
  high: string;
}
type Frame = (s: Slots) => string;

const EXPLICIT: Record<Direction, Frame[]> = {
  raised: [
    (s) =>
      `Given the strength we saw in the quarter, we are raising our ${s.period} ${s.name} outlook to ${s.now}, up from ${s.was} previously.`,
    (s) => `We now expect ${s.period} ${s.name} of ${s.now}, an increase from our prior range of ${s.was}.`,
    (s) => `We're lifting ${s.name} for ${s.period} to ${s.now}.`,
    (s) => `On ${s.name}, we are taking the ${s.period} range up to ${s.now} from ${s.was}.`,
    (s) => `Our ${s.period} ${s.name} guide moves higher, to ${s.now}.`,
    (s) => `We are nudging ${s.period} ${s.name} upward; the new range is ${s.now}.`,
    (s) => `${s.name} for ${s.period} is revised up to ${s.now}, versus ${s.was} before.`,
    (s) => `We are increasing our ${s.name} expectation for ${s.period} to ${s.now}.`,
    (s) => `We are not holding ${s.name} flat: for ${s.period} it goes to ${s.now}, from ${s.was}.`,
    (s) => `Far from cutting ${s.name}, we now expect ${s.now} for ${s.period}, above the ${s.was} we had.`,
    (s) => `From ${s.was} last quarter, we are taking ${s.period} ${s.name} up to ${s.now}.`,
    (s) => `Last quarter we said ${s.was} for ${s.name}; today we say ${s.now}, a step up.`,
  ],
  lowered: [
    (s) =>
      `Reflecting softer demand in Europe, we are lowering our ${s.period} ${s.name} guidance to ${s.now}, compared with ${s.was} before.`,
    (s) => `We now expect ${s.period} ${s.name} of ${s.now}, below the ${s.was} we guided to last quarter.`,
    (s) => `We are trimming ${s.name} for ${s.period} to ${s.now}.`,
    (s) => `On ${s.name}, we are taking the ${s.period} range down to ${s.now} from ${s.was}.`,
    (s) => `Our ${s.period} ${s.name} guide comes down, to ${s.now}.`,
    (s) => `Prudently, we are revising ${s.period} ${s.name} downward to ${s.now}.`,
    (s) => `${s.name} for ${s.period} is cut to ${s.now}, versus ${s.was} before.`,
    (s) => `We are reducing our ${s.name} expectation for ${s.period} to ${s.now}.`,
    (s) => `We can no longer stand by ${s.was} for ${s.name}; the ${s.period} range is now ${s.now}.`,
    (s) =>
      `Rather than raise ${s.name} as some hoped, we now expect ${s.now} for ${s.period}, under the ${s.was} we had.`,
    (s) => `From ${s.was} last quarter, we are bringing ${s.period} ${s.name} down to ${s.now}.`,
    (s) => `Last quarter we said ${s.was} for ${s.name}; today we say ${s.now}, a step down.`,
  ],
  maintained: [
    (s) =>
      `We are reaffirming our ${s.period} ${s.name} guidance of ${s.now}; nothing we saw this quarter changes that view.`,
    (s) => `Our ${s.period} ${s.name} outlook is unchanged at ${s.now}, and we remain comfortable with it.`,
    (s) => `We are reiterating ${s.name} for ${s.period} at ${s.now}.`,
    (s) => `On ${s.name}, we are holding the ${s.period} range at ${s.now}.`,
    (s) => `No change to ${s.period} ${s.name}: still ${s.now}.`,
    (s) => `We are sticking with ${s.now} for ${s.period} ${s.name}.`,
    (s) => `${s.name} for ${s.period} stays where it was, at ${s.now}.`,
    (s) => `We continue to expect ${s.period} ${s.name} of ${s.now}, as we said last quarter.`,
    (s) => `We are not raising ${s.name}, and we are not lowering it either: ${s.period} stays at ${s.now}.`,
    (s) => `Rather than cut ${s.name}, we are holding ${s.period} at ${s.now}.`,
  ],
  initiated: [
    (s) =>
      `For the first time we are also giving an outlook for ${s.name}: for ${s.period} we expect ${s.now}.`,
    (s) =>
      `Looking ahead to ${s.period}, we expect ${s.name} of ${s.now}, which we are guiding to for the first time today.`,
    (s) => `We are introducing ${s.period} ${s.name} guidance of ${s.now}.`,
    (s) => `New this quarter, a ${s.name} outlook: ${s.now} for ${s.period}.`,
    (s) => `We will start guiding ${s.name} today, and for ${s.period} we see ${s.now}.`,
    (s) => `As a first view of ${s.period}, we see ${s.name} at ${s.now}.`,
    (s) => `Initial ${s.period} guidance for ${s.name} is ${s.now}.`,
    (s) => `Our inaugural ${s.name} guide for ${s.period} is ${s.now}.`,
  ],
};

/** A range stated without a direction word: the direction follows from last quarter's range. */
const IMPLICIT: Frame[] = [
  (s) => `For ${s.period} we now see ${s.name} at ${s.now}.`,
  (s) => `Our ${s.period} ${s.name} guidance is now ${s.now}.`,
  (s) => `We expect ${s.period} ${s.name} of ${s.now}.`,
  (s) => `${s.name} for ${s.period}: ${s.now}.`,
  (s) => `Turning to ${s.name}, the ${s.period} range is ${s.now}.`,
  (s) => `We are guiding ${s.period} ${s.name} to ${s.now}.`,
  (s) => `Updated ${s.period} ${s.name} outlook: ${s.now}.`,
  (s) => `As for ${s.name}, think of ${s.now} for ${s.period}.`,
  (s) => `Where we said one range for ${s.name} before, for ${s.period} we now say ${s.now}.`,
  (s) => `${s.period} ${s.name}, in today's outlook: ${s.now}.`,
];

/** Reaffirmed without restating the range: the range is last quarter's (the recap). */
const UNCHANGED: Frame[] = [
  (s) => `On ${s.name}, no change to the ${s.period} range we gave last quarter.`,
  (s) => `Our ${s.period} ${s.name} outlook is unchanged from what we told you in the last call.`,
  (s) => `We are comfortable with the ${s.name} range we set for ${s.period} and are leaving it where it is.`,
  (s) => `There is nothing new on ${s.name}; the ${s.period} guide stands as given last quarter.`,
  (s) => `We reiterate our existing ${s.period} ${s.name} guidance.`,
  (s) => `${s.name} for ${s.period} remains as previously guided.`,
];

/** One end moves: `low`/`high` is the end that moves, said. */
const ONE_END: Array<{ end: 'low' | 'high'; up: boolean; frame: Frame }> = [
  {
    end: 'low',
    up: true,
    frame: (s) =>
      `We are raising the bottom of our ${s.period} ${s.name} range to ${s.low}; the top end is unchanged.`,
  },
  {
    end: 'high',
    up: false,
    frame: (s) =>
      `We are bringing down the top of the ${s.period} ${s.name} range to ${s.high} and keeping the low end.`,
  },
  {
    end: 'high',
    up: true,
    frame: (s) =>
      `On ${s.name}, the upper end of the ${s.period} range moves up to ${s.high}; the lower end stays.`,
  },
  {
    end: 'low',
    up: false,
    frame: (s) =>
      `We are lowering the floor of ${s.period} ${s.name} to ${s.low}, with the ceiling where it was.`,
  },
  {
    end: 'low',
    up: true,
    frame: (s) =>
      `The low end of ${s.period} ${s.name} goes up to ${s.low}; we are leaving the high end alone.`,
  },
  {
    end: 'high',
    up: false,
    frame: (s) =>
      `We are taking the high end of ${s.name} for ${s.period} down to ${s.high}, low end unchanged.`,
  },
];

/** A change said as a step from last quarter's range: `step` is the step, said. */
const DELTA: Record<'raised' | 'lowered', Array<(s: Slots & { step: string }) => string>> = {
  raised: [
    (s) => `We are raising ${s.period} ${s.name} by ${s.step} at both ends of the range.`,
    (s) => `${s.name} for ${s.period} goes up ${s.step}, top and bottom.`,
    (s) => `Add ${s.step} to both ends of our ${s.period} ${s.name} range.`,
    (s) => `We are moving the whole ${s.name} range for ${s.period} up by ${s.step}.`,
  ],
  lowered: [
    (s) => `We are taking ${s.step} off both ends of ${s.period} ${s.name}.`,
    (s) => `${s.name} for ${s.period} comes down by ${s.step} across the range.`,
    (s) => `Subtract ${s.step} from both ends of our ${s.period} ${s.name} range.`,
    (s) => `We are shifting the ${s.name} range for ${s.period} down by ${s.step}.`,
  ],
};

/** An answer that names its metric only through the analyst's question ("it", "that line"). */
const PRONOUN: Record<Direction | 'implicit', Frame[]> = {
  raised: [
    (s) => `We are raising it, to ${s.now}, from ${s.was}.`,
    (s) => `That goes up. For ${s.period} we now expect ${s.now}.`,
    (s) => `Good question. We are lifting that line to ${s.now} for ${s.period}.`,
  ],
  lowered: [
    (s) => `We are bringing it down, to ${s.now}, from ${s.was}.`,
    (s) => `That comes down. For ${s.period} we now expect ${s.now}.`,
    (s) => `Candidly, we are trimming that line to ${s.now} for ${s.period}.`,
  ],
  maintained: [
    (s) => `No change there: still ${s.now} for ${s.period}.`,
    (s) => `We are holding it at ${s.now}.`,
    (s) => `That one we are reaffirming, at ${s.now}.`,
  ],
  initiated: [
    (s) => `We are giving that for the first time today: ${s.now} for ${s.period}.`,
    (s) => `It is new in our outlook: we see ${s.now}.`,
    (s) => `We had not guided it before; for ${s.period} think of ${s.now}.`,
  ],
  implicit: [
    (s) => `For ${s.period} we now see it at ${s.now}.`,
    (s) => `The answer is ${s.now} for ${s.period}.`,
    (s) => `Our number for that is now ${s.now}.`,
  ],
};

/** Assumptions said around a range, with figures of their own (not guidance). */
const ASSUME_BEFORE: Array<(rng: Rng) => string> = [
  (rng) =>
    `Assuming a euro at ${(1 + rng.int(2, 15) / 100).toFixed(2)} and about $${rng.int(2, 9) * 10} million from the ${rng.pick(['Halvorsen', 'Brightpath', 'Corelane'])} acquisition, `,
  (rng) => `Including roughly ${rng.int(2, 9) * 10} basis points of currency headwind, `,
  (rng) => `With ${rng.int(2, 6)} fewer selling days and oil at $${rng.int(60, 95)} a barrel, `,
  (rng) => `Net of about $${rng.int(15, 90)} million of restructuring charges, `,
];
const ASSUME_AFTER: Array<(rng: Rng) => string> = [
  (rng) => ` That assumes a tax rate of ${rng.int(17, 24)}% and ${rng.int(180, 420)} million diluted shares.`,
  (rng) => ` This includes about $${rng.int(20, 95)} million of one-off costs.`,
  (rng) =>
    ` It excludes the ${rng.pick(['Halvorsen', 'Brightpath', 'Corelane'])} deal, worth about $${rng.int(20, 95)} million.`,
  (rng) => ` The midpoint implies growth of about ${rng.int(2, 14)}% on last year.`,
];

/** The CFO misspeaks and corrects the range at once. */
const SELF_CORRECT: Array<(wrong: string, right: string) => string> = [
  (w, r) => `${w}, sorry, ${r}`,
  (w, r) => `${w} – correction – ${r}`,
  (w, r) => `${w}, excuse me, I mean ${r}`,
  (w, r) => `${w}; let me restate that: ${r}`,
];

/** An analyst recalls last quarter's range in the question (the recap is then there, not in IR). */
const RECAP_QUESTIONS: Array<(s: Slots) => string> = [
  (s) => `Last quarter you guided ${s.name} to ${s.was} for ${s.period}. Where are you now?`,
  (s) => `Coming in, your ${s.period} ${s.name} outlook was ${s.was}. Has anything changed?`,
  (s) => `You told us ${s.was} for ${s.name} last time. How does that look today?`,
  (s) => `On ${s.name}: the prior range was ${s.was}. Any update?`,
];

const FILLERS = ['uh,', 'um,', 'you know,', 'I mean,', 'so,', 'frankly,'];

/** The recap of last quarter's guidance in the investor-relations turn: one clause per metric. */
const RECAP_CLAUSES: Frame[] = [
  (s) => `for ${s.name}, a ${s.period} range of ${s.was}`,
  (s) => `${s.period} ${s.name} guided to ${s.was} last quarter`,
  (s) => `${s.name} of ${s.was} for ${s.period} as our previous outlook`,
  (s) => `a prior ${s.name} range of ${s.was} for ${s.period}`,
  (s) => `${s.name} last guided at ${s.was} for ${s.period}`,
  (s) => `${s.period} ${s.name} previously expected at ${s.was}`,
];
const RECAP_INTROS = [
  'As a reminder, on our last call we guided to',
  'For reference, the outlook we gave last quarter was',
  'To recap where we left things last quarter, we guided to',
  'Our previous guidance, for your models, was',
  'As a refresher, the ranges we published last quarter were',
  'For context, coming into this call our outlook was',
];

/** The CFO corrects a figure of an earlier turn. */
const CORRECTIONS: Array<(s: Slots & { wrong: string }) => string> = [
  (s) =>
    `Before the next question, one correction to my earlier remarks: the ${s.name} range is ${s.now}, not ${s.wrong} as I said.`,
  (s) =>
    `Let me correct something I misspoke on: ${s.period} ${s.name} should be ${s.now}. I said ${s.wrong}, which was wrong.`,
  (s) =>
    `A quick clarification on ${s.name}: I read out ${s.wrong} earlier, but the correct figure is ${s.now}.`,
  (s) => `Sorry, I need to fix one number. ${s.name} for ${s.period} is ${s.now}, not ${s.wrong}.`,
  (s) =>
    `Correction on ${s.name}: the range in the release is ${s.now}; please disregard the ${s.wrong} I mentioned.`,
];

/** Turns that sound like guidance but are not (multi-year targets, segments, others, withheld). */
const NOT_GUIDANCE: Array<(rng: Rng, c: { name: string; spoken: string; year: number }) => string> = [
  (_r, c) =>
    `Longer term, by ${c.year + 3} we are targeting ${c.name} of ${c.spoken}; that is an aspiration, not guidance.`,
  (rng, c) => `For the ${rng.pick(SEGMENTS)} segment alone, we expect ${c.name} of ${c.spoken} this year.`,
  (_r, c) =>
    `We are not providing a ${c.name} outlook today, although the Street seems to model ${c.spoken}.`,
  (_r, c) =>
    `Our ${c.year + 2} investor-day ambition of ${c.spoken} for ${c.name} is unchanged, but it is a multi-year goal.`,
  (rng, c) => `In the ${rng.pick(SEGMENTS)} business, ${c.name} should land around ${c.spoken} for the year.`,
  (_r, c) =>
    `We won't guide ${c.name} this time; consensus of ${c.spoken} is the analysts' number, not ours.`,
  (_r, c) =>
    `If the euro stays where it is, ${c.name} could come in at ${c.spoken}, but that is a scenario, not our guidance.`,
  (_r, c) =>
    `In a downside case with a weaker consumer, ${c.name} would be ${c.spoken}; we do not expect that.`,
  (_r, c) =>
    `Should the Halvorsen deal close early, ${c.name} might reach ${c.spoken}, which is not in our outlook.`,
];

const QUESTIONS: Array<(s: { name: string; consensus: string }) => string> = [
  (s) =>
    `Thanks for taking my question. Could you say more about how you are thinking about ${s.name} for the rest of the year?`,
  (s) => `The Street is at ${s.consensus} for ${s.name}. How do you think about that?`,
  (s) => `Can you unpack the ${s.name} outlook? Consensus sits at ${s.consensus}.`,
  (s) => `Just on ${s.name}: is ${s.consensus} a reasonable number to have in our models?`,
  (s) => `A follow-up on ${s.name}, please. Some of us have ${s.consensus} pencilled in.`,
  (s) => `Could you walk us through the moving parts in ${s.name}?`,
];

interface Families {
  names: Record<Metric, string[]>;
  writers: Record<Metric, Writer[]>;
  ranges: RangeStyle[];
  points: Array<(x: string) => string>;
  explicit: Record<Direction, Frame[]>;
  implicit: Frame[];
  unchanged: Frame[];
  oneEnd: typeof ONE_END;
  recap: Frame[];
  recapIntros: string[];
  corrections: typeof CORRECTIONS;
  notGuidance: typeof NOT_GUIDANCE;
  questions: typeof QUESTIONS;
  periods: Array<(year: number, quarter: number) => string>;
  delta: typeof DELTA;
  pronoun: typeof PRONOUN;
  before: typeof ASSUME_BEFORE;
  after: typeof ASSUME_AFTER;
  selfCorrect: typeof SELF_CORRECT;
  recapQuestions: typeof RECAP_QUESTIONS;
  fillers: string[];
}

const PERIODS: Array<(year: number, quarter: number) => string> = [
  (y) => `full-year ${y}`,
  (y) => `fiscal ${y}`,
  () => 'the full year',
  (y) => `FY${String(y).slice(2)}`,
  (y) => `calendar ${y}`,
  () => 'this year',
];

function families(set: CaseSet): Families {
  const perMetric = <T>(label: string, all: Record<Metric, T[]>, pub: number, hid: number) =>
    Object.fromEntries(
      METRICS.map((m) => [
        m,
        set.families(`${label}:${m}`, all[m], { public: pub, hidden: Math.min(hid, all[m].length - pub) }),
      ]),
    ) as Record<Metric, T[]>;
  return {
    names: perMetric('names', NAMES, 2, 3),
    writers: perMetric('writers', WRITERS, 1, 2),
    ranges: set.families('ranges', RANGE_STYLES, { public: 2, hidden: 4 }),
    points: set.families('points', POINT_STYLES, { public: 2, hidden: 2 }),
    explicit: Object.fromEntries(
      (['raised', 'lowered', 'maintained', 'initiated'] as Direction[]).map((d) => [
        d,
        set.families(`explicit:${d}`, EXPLICIT[d], { public: 3, hidden: 5 }),
      ]),
    ) as Record<Direction, Frame[]>,
    implicit: set.families('implicit', IMPLICIT, { public: 3, hidden: 4 }),
    unchanged: set.families('unchanged', UNCHANGED, { public: 2, hidden: 3 }),
    oneEnd: set.families('oneEnd', ONE_END, { public: 2, hidden: 3 }),
    recap: set.families('recap', RECAP_CLAUSES, { public: 2, hidden: 3 }),
    recapIntros: set.families('recapIntros', RECAP_INTROS, { public: 2, hidden: 3 }),
    corrections: set.families('corrections', CORRECTIONS, { public: 2, hidden: 2 }),
    notGuidance: set.families('notGuidance', NOT_GUIDANCE, { public: 2, hidden: 5 }),
    questions: set.families('questions', QUESTIONS, { public: 2, hidden: 3 }),
    periods: set.families('periods', PERIODS, { public: 2, hidden: 3 }),
    delta: {
      raised: set.families('delta:raised', DELTA.raised, { public: 1, hidden: 2 }),
      lowered: set.families('delta:lowered', DELTA.lowered, { public: 1, hidden: 2 }),
    },
    pronoun: Object.fromEntries(
      (['raised', 'lowered', 'maintained', 'initiated', 'implicit'] as const).map((d) => [
        d,
        set.families(`pronoun:${d}`, PRONOUN[d], { public: 1, hidden: 2 }),
      ]),
    ) as typeof PRONOUN,
    before: set.families('before', ASSUME_BEFORE, { public: 1, hidden: 2 }),
    after: set.families('after', ASSUME_AFTER, { public: 1, hidden: 2 }),
    selfCorrect: set.families('selfCorrect', SELF_CORRECT, { public: 1, hidden: 2 }),
    recapQuestions: set.families('recapQuestions', RECAP_QUESTIONS, { public: 1, hidden: 2 }),
    fillers: set.families('fillers', FILLERS, { public: 2, hidden: 3 }),
  };
}

/** The paragraph of brief.md that says what is not guidance (evidence for the distractors). */
const BRIEF_NOT_GUIDANCE =
  "Multi-year targets and ambitions, a segment's or a business unit's own outlook, metrics outside the six";

type Kind = 'explicit' | 'implicit' | 'unchanged' | 'one_end' | 'delta';

export const generate: Generate<
  { company: string; call: string; transcript: string },
  { guidance: Guidance[] }
> = (rng, _index, set) => {
  const fam = families(set);
  const [company, ticker] = rng.pick(COMPANIES);
  const year = rng.pick([2024, 2025]);
  const quarter = rng.int(1, 3);
  const [ceo, cfo] = rng.sample(PEOPLE, 2);
  const analysts = rng.sample(ANALYSTS, 4);
  const guided = rng.sample([...METRICS], rng.int(3, 6));
  const period = rng.pick(fam.periods)(year, quarter);

  interface Plan {
    g: Guidance;
    kind: Kind;
    prior?: [number, number];
    end?: (typeof ONE_END)[number];
    name: string;
    writer: Writer;
    /** Answered in the Q&A: the metric only in the question; last quarter's range in the question. */
    pronoun?: boolean;
    recapInQuestion?: boolean;
  }
  const plans: Plan[] = guided.map((metric) => {
    const direction = rng.weighted(
      ['raised', 'maintained', 'lowered', 'initiated'] as Direction[],
      [3, 3, 3, 1],
    );
    let [low, high] = metricRange(rng, metric);
    const name = rng.pick(fam.names[metric]);
    const writer = rng.pick(fam.writers[metric]);
    if (direction === 'initiated') {
      if (rng.chance(0.2)) high = low;
      return { g: { metric, direction, low, high }, kind: 'explicit', name, writer };
    }
    if (direction === 'maintained') {
      const kind: Kind = rng.chance(0.4) ? 'unchanged' : rng.chance(0.3) ? 'implicit' : 'explicit';
      return { g: { metric, direction, low, high }, kind, prior: [low, high], name, writer };
    }
    const up = direction === 'raised';
    const r = rng.next();
    if (r < 0.25) {
      // One end moves; the other stays where last quarter's range had it.
      const options = fam.oneEnd.filter((o) => o.up === up);
      if (options.length) {
        const end = rng.pick(options);
        const moved = shifted(rng, metric, [low, high], !up);
        const prior: [number, number] = end.end === 'low' ? [moved[0], high] : [low, moved[1]];
        if (prior[0] <= prior[1])
          return { g: { metric, direction, low, high }, kind: 'one_end', prior, end, name, writer };
      }
    }
    const prior = shifted(rng, metric, [low, high], !up);
    return {
      g: { metric, direction, low, high },
      kind: r < 0.45 ? 'implicit' : r < 0.65 ? 'delta' : 'explicit',
      prior,
      name,
      writer,
    };
  });

  const range = (p: Plan, lo: number, hi: number): string => {
    if (lo === hi) return rng.pick(fam.points)(p.writer(lo));
    for (let k = 0; k < 6; k++) {
      const s = rng.pick(fam.ranges)(lo, hi, p.writer, p.g.metric);
      if (s) return s;
    }
    return `${p.writer(lo)} to ${p.writer(hi)}`;
  };

  // The investor-relations turn: safe harbour, then the recap of last quarter's ranges.
  const prepared = plans.slice(0, Math.max(2, plans.length - 2));
  const answered = plans.slice(prepared.length);
  for (const p of answered) {
    p.pronoun = p.kind !== 'delta' && p.kind !== 'one_end' && p.kind !== 'unchanged' && rng.chance(0.5);
    p.recapInQuestion = p.prior !== undefined && rng.chance(0.4);
  }
  const recapSpans = new Map<Metric, string>();
  const recapped = plans.filter((p) => p.prior && !p.recapInQuestion);
  // Metrics guided last quarter but not this time do not appear; some unguided ones do, as noise.
  const recapClauses = recapped.map((p) => {
    const clause = rng.pick(fam.recap)({
      name: p.name,
      now: '',
      was: range(p, p.prior![0], p.prior![1]),
      period,
      low: '',
      high: '',
    });
    recapSpans.set(p.g.metric, clause);
    return clause;
  });
  const turns: {
    speaker: string;
    text: string;
    answers: Record<string, unknown>;
    evidence?: Record<string, string[]>;
  }[] = [];
  const notGuidance = { is_guidance: false };
  turns.push({
    speaker: 'Operator',
    text: `Good day and welcome to the ${company} ${['first', 'second', 'third'][quarter - 1]} quarter ${year} earnings conference call. All participants are in listen-only mode.`,
    answers: notGuidance,
  });
  const ir = `${rng.pick(['Jo Harlow', 'Ben Ferris', 'Nadia Costa', 'Yusuf Demir'])} – Investor Relations`;
  turns.push({
    speaker: ir,
    text:
      `Today's remarks include forward-looking statements about our outlook, which are subject to risks and uncertainties described in our filings. ` +
      (recapClauses.length
        ? `${rng.pick(fam.recapIntros)} ${rng.shuffle(recapClauses).join('; ')}.`
        : 'This is the first call at which we give an outlook.'),
    answers: notGuidance,
  });
  const pastRevenue = round2(rng.int(30, 250) / 100);
  turns.push({
    speaker: `${ceo} – CEO`,
    text: rng.pick([
      `We delivered a solid quarter. Revenue grew ${rng.int(3, 19)}% year over year to $${pastRevenue.toFixed(2)} billion, and we added ${rng.int(40, 400)} new enterprise customers.`,
      `Quarterly revenue came in at $${pastRevenue.toFixed(2)} billion, up ${rng.int(2, 15)}%, with record bookings in North America and a book-to-bill of ${rng.float(1.0, 1.3).toFixed(2)}.`,
      `Sales for the quarter were ${decimalWords(pastRevenue)} billion dollars, ${rng.int(2, 12)} percent above last year, and adjusted EPS was $${(rng.int(40, 190) / 100).toFixed(2)}.`,
    ]),
    answers: notGuidance,
  });
  turns.push({
    speaker: `${cfo} – CFO`,
    text: `Gross margin for the quarter was ${rng.int(30, 65)}.${rng.int(0, 9)}%, ${rng.pick(['up', 'down'])} ${rng.int(10, 180)} basis points, and operating expenses were $${rng.int(120, 900)} million. Free cash flow in the quarter was $${rng.int(40, 600)} million and we repurchased $${rng.int(50, 400)} million of shares.`,
    answers: notGuidance,
  });

  const stepWords = (metric: Metric, step: number): string => {
    switch (metric) {
      case 'revenue':
        return rng.chance(0.5) ? `$${Math.round(step * 1000)} million` : `$${step} billion`;
      case 'eps':
        return rng.chance(0.5) ? `${Math.round(step * 100)} cents` : `$${step.toFixed(2)}`;
      case 'gross_margin':
      case 'operating_margin':
        return rng.chance(0.5)
          ? `${Math.round(step * 100)} basis points`
          : step === 0.5
            ? 'half a point'
            : step === 1
              ? 'a full point'
              : `${step} points`;
      default:
        return `$${step} million`;
    }
  };
  const filled = (text: string): string => {
    if (!rng.chance(0.35)) return text;
    const words = text.split(' ');
    for (let k = rng.int(1, 2); k > 0; k--) {
      const at = rng.int(1, Math.max(1, words.length - 2));
      words.splice(at, 0, rng.chance(0.3) ? words[at - 1]! : rng.pick(fam.fillers));
    }
    return words.join(' ');
  };
  const guidanceTurn = (
    p: Plan,
    question?: string,
  ): { text: string; evidence?: Record<string, string[]> } => {
    const recap = recapSpans.get(p.g.metric);
    const now = (lo: number, hi: number) => {
      const right = range(p, lo, hi);
      if (!rng.chance(0.12)) return right;
      const wrong = shifted(rng, p.g.metric, [lo, hi], rng.chance(0.5));
      return rng.pick(fam.selfCorrect)(range(p, wrong[0], wrong[1]), right);
    };
    const slots: Slots = {
      name: p.name,
      now: now(p.g.low, p.g.high),
      was: p.prior ? range(p, p.prior[0], p.prior[1]) : '',
      period,
      low: p.writer(p.g.low),
      high: p.writer(p.g.high),
    };
    let text: string;
    const evidence: Record<string, string[]> = {};
    if (p.pronoun && question) {
      text = rng.pick(fam.pronoun[p.kind === 'implicit' ? 'implicit' : p.g.direction])(slots);
      evidence.metric = [question];
      if (p.kind === 'implicit') evidence.direction = [recap!];
    } else
      switch (p.kind) {
        case 'unchanged':
          text = rng.pick(fam.unchanged)(slots);
          evidence.low = [recap!];
          evidence.high = [recap!];
          break;
        case 'one_end':
          text = p.end!.frame(slots);
          evidence[p.end!.end === 'low' ? 'high' : 'low'] = [recap!];
          break;
        case 'delta': {
          const step = round2(Math.abs(p.g.low - p.prior![0]));
          text = rng.pick(fam.delta[p.g.direction as 'raised' | 'lowered'])({
            ...slots,
            step: stepWords(p.g.metric, step),
          });
          evidence.low = [recap!];
          evidence.high = [recap!];
          break;
        }
        case 'implicit':
          text = rng.pick(fam.implicit)(slots);
          evidence.direction = [recap!];
          break;
        default:
          text = rng.pick(fam.explicit[p.g.direction])(slots);
      }
    // Assumptions with figures of their own, before or after the range.
    if (rng.chance(0.35)) {
      const lead = rng.pick(fam.before)(rng);
      text = lead + (/^[A-Z][a-z]/.test(text) ? text[0]!.toLowerCase() + text.slice(1) : text);
    } else if (rng.chance(0.3)) text += rng.pick(fam.after)(rng);
    return { text: filled(text), ...(Object.keys(evidence).length ? { evidence } : {}) };
  };

  const guidanceAt = new Map<Metric, number>();
  const pushGuidance = (p: Plan, question?: string) => {
    const { text, evidence } = guidanceTurn(p, question);
    guidanceAt.set(p.g.metric, turns.length);
    turns.push({
      speaker: `${cfo} – CFO`,
      text,
      answers: { is_guidance: true, ...p.g },
      ...(evidence ? { evidence } : {}),
    });
  };
  const unguided = METRICS.filter((m) => !guided.includes(m));
  const withheld = [NOT_GUIDANCE[2], NOT_GUIDANCE[5]];
  const distractor = (): { text: string; evidence: Record<string, string[]> } => {
    // Guidance withheld only for a metric that is not guided; the others may name a guided one.
    const frames = fam.notGuidance.filter((f) => unguided.length || !withheld.includes(f));
    const frame = rng.pick(frames.length ? frames : [NOT_GUIDANCE[0]!]);
    const name =
      withheld.includes(frame) || (unguided.length && rng.chance(0.4))
        ? rng.pick(unguided.length ? unguided : [...METRICS])
        : rng.pick(guided);
    const [lo, hi] = metricRange(rng, name);
    const w = rng.pick(fam.writers[name]);
    if (rng.chance(0.25)) {
      const [other, ow, [a, b]] = rng.pick(OTHER_METRICS);
      const v = rng.int(a, b);
      return {
        text: `We expect ${other} of ${ow(v)} to ${ow(v + rng.int(1, 3))} for ${period}.`,
        evidence: { is_guidance: [BRIEF_NOT_GUIDANCE] },
      };
    }
    return {
      text: frame(rng, {
        name: rng.pick(fam.names[name]),
        spoken: `${w(lo)} to ${w(hi)}`,
        year,
      }),
      evidence: { is_guidance: [BRIEF_NOT_GUIDANCE] },
    };
  };
  const distractorAt = rng.int(0, prepared.length);
  prepared.forEach((p, i) => {
    if (i === distractorAt) turns.push({ speaker: `${cfo} – CFO`, text: '', answers: notGuidance, ...{} });
    pushGuidance(p);
  });
  if (distractorAt === prepared.length)
    turns.push({ speaker: `${cfo} – CFO`, text: '', answers: notGuidance });
  // Fill the distractor turn in place (it was reserved to keep the order).
  for (const t of turns)
    if (t.text === '') {
      const d = distractor();
      t.text = d.text;
      t.evidence = d.evidence;
    }

  turns.push({
    speaker: 'Operator',
    text: `We will now begin the question-and-answer session. Our first question comes from ${analysts[0]![0]} with ${analysts[0]![1]}.`,
    answers: notGuidance,
  });
  const consensusOf = (p: Plan) => {
    const [lo] = metricRange(rng, p.g.metric);
    return p.writer(lo);
  };
  answered.forEach((p, i) => {
    const [name, bank] = analysts[i % analysts.length]!;
    const asked = rng.pick(fam.names[p.g.metric]);
    const question = p.recapInQuestion
      ? rng.pick(fam.recapQuestions)({
          name: asked,
          now: '',
          was: range(p, p.prior![0], p.prior![1]),
          period,
          low: '',
          high: '',
        })
      : rng.pick(fam.questions)({ name: asked, consensus: consensusOf(p) });
    if (p.recapInQuestion) recapSpans.set(p.g.metric, question);
    turns.push({ speaker: `${name} – ${bank}`, text: question, answers: notGuidance });
    pushGuidance(p, question);
  });
  // A question answered with something that is not guidance.
  const [qn, qb] = analysts[3]!;
  const dm = rng.pick([...METRICS]);
  turns.push({
    speaker: `${qn} – ${qb}`,
    text: rng.pick(fam.questions)({
      name: rng.pick(fam.names[dm]),
      consensus: fam.writers[dm][0]!(metricRange(rng, dm)[0]),
    }),
    answers: notGuidance,
  });
  {
    const d = distractor();
    turns.push({ speaker: `${ceo} – CEO`, text: d.text, answers: notGuidance, evidence: d.evidence });
  }
  // A correction of an earlier figure (the earlier turn keeps its metric and direction; its range
  // is the corrected one, which rests on the correction).
  const correctable = plans.filter((p) => p.kind === 'explicit' || p.kind === 'implicit');
  if (correctable.length && rng.chance(0.3)) {
    const p = rng.pick(correctable);
    const at = guidanceAt.get(p.g.metric)!;
    const wrongRange = shifted(rng, p.g.metric, [p.g.low, p.g.high], rng.chance(0.5));
    const said = turns[at]!;
    // Rewrite the earlier turn with the misspoken range; the correction gives the right one.
    const wrongPlan = { ...p, g: { ...p.g, low: wrongRange[0], high: wrongRange[1] } };
    const again = guidanceTurn(wrongPlan);
    said.text = again.text;
    const slots: Slots & { wrong: string } = {
      name: p.name,
      now: range(p, p.g.low, p.g.high),
      was: '',
      period,
      low: '',
      high: '',
      wrong: range(p, wrongRange[0], wrongRange[1]),
    };
    const correction = rng.pick(fam.corrections)(slots);
    said.evidence = { ...(again.evidence ?? {}), low: [correction], high: [correction] };
    turns.push({
      speaker: `${cfo} – CFO`,
      text: correction,
      answers: { is_guidance: true, ...p.g },
      evidence: { direction: [said.text] },
    });
  }
  turns.push({
    speaker: `${ceo} – CEO`,
    text: rng.pick([
      `Hiring is normalising and attrition fell to ${rng.int(8, 15)}%. We are not changing our long-term targets today.`,
      `We have seen very little pushback on pricing. Retention is above ${rng.int(90, 98)}%.`,
    ]),
    answers: notGuidance,
  });
  turns.push({
    speaker: 'Operator',
    text: `That concludes today's call. Thank you for participating, you may now disconnect.`,
    answers: notGuidance,
  });

  const paragraphs = turns.map((t) => `${t.speaker}: ${t.text}`);
  const facts: Fact[] = turns.map((t, i) => ({
    id: `turn-${i + 1}`,
    text: paragraphs[i]!,
    answers: t.answers,
    ...(t.evidence ? { evidence: t.evidence } : {}),
  }));
  return {
    input: {
      company: `${company} (${ticker})`,
      call: `Q${quarter} ${year} earnings call`,
      transcript: paragraphs.join('\n\n'),
    },
    expected: { guidance: plans.map((p) => p.g) },
    facts,
  };
};
