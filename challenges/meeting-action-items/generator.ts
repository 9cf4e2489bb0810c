import type { CaseSet, Generate, Rng } from '@reps/engine';
import { capitalise, MONTHS, ordinalSuffix, SLIPS, slipTypo, WEEKDAYS } from '@reps/engine/generator-kit';
import { ACCEPT, CONDITIONS, HEDGE, OPENERS, PEOPLE, SMALL_TALK, TASKS } from './data.js';

/**
 * A transcript of a weekly team meeting, split into agenda items the way meeting tools chapter
 * their transcripts. Each agenda item discusses one possible piece of work: some end with someone
 * committing to it (often with a deadline said relative to the meeting date or to an event in the
 * header's key dates), some are only floated, parked, declined, hedged, taken back or left waiting
 * on something unsettled; some are handed from one person to another. A final "Any other business"
 * item may revisit earlier ones: a new owner, a moved deadline, work called off.
 *
 * Every line comes from a family of phrasings and the set chooses the families, so hidden cases
 * use request, acceptance, hedge, deadline and revisit wordings no public case shows. The facts
 * give each aspect its evidence: the brief's definition of an action item for every verdict, the
 * brief's date rules for relative deadlines (and the key-dates line for events, the other item's
 * line for "same deadline as"), and the revisiting line for owners and dates changed later.
 */

interface Input {
  meeting_date: string;
  attendees: string[];
  transcript: string;
}
interface ActionItem {
  owner: string;
  task: string;
  due: string | null;
}
interface Expected {
  action_items: ActionItem[];
}

const MONTH_DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** Day 0 is Monday 2 January 2023; meetings fall in 2023 and deadlines within a few weeks of them. */
function civil(day: number): { y: number; m: number; d: number } {
  let y = 2023;
  let d = day + 1; // 2 January is day 0
  for (;;) {
    const leap = y % 4 === 0;
    const lengths = MONTH_DAYS.map((n, i) => (i === 1 && leap ? 29 : n));
    let m = 0;
    while (m < 12 && d >= lengths[m]!) {
      d -= lengths[m]!;
      m++;
    }
    if (m < 12) return { y, m, d: d + 1 };
    y++;
  }
}
function iso(day: number): string {
  const { y, m, d } = civil(day);
  return `${y}-${String(m + 1).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}
function weekday(day: number): number {
  return ((day % 7) + 7) % 7; // 0 = Monday
}
function longDate(day: number): string {
  const { y, m, d } = civil(day);
  return `${WEEKDAYS[weekday(day)]} ${d} ${MONTHS[m]} ${y}`;
}

function first(name: string): string {
  return name.split(' ')[0]!;
}

/** The brief's definition of an action item: what every "agreed" verdict rests on. */
const DEFINITION =
  'Only work that someone **committed to** is an action item: "I\'ll do it", "Yes, leave it with me", "I can take that". Ideas that were only floated, parked, declined, left for the next meeting or made to wait on something nobody has settled are not, even when a name and a date were mentioned. Work promised once something happens ("once legal signs off") is a commitment only when the meeting says elsewhere that it has happened. A yes taken back later in the meeting ("actually, scratch that") is not a commitment, and neither is work called off under any other business; a yes with a changed date ("not by Friday, but I can do Monday") is one. An answer given as "same answer as I gave on the budget" is whatever that person answered there.';
/** The brief's rules for relative deadlines: what a relative "due" rests on. */
const DATE_RULES =
  'Deadlines are worked out from the meeting date as follows. A weekday ("by Friday", "by end of play Thursday") is that day of the meeting\'s week, and "before the weekend" is its Friday; "by next Tuesday" is the Tuesday of the following week and "the end of next week" that week\'s Friday; "tomorrow" is the day after the meeting; "within two weeks", "in ten days" or "a week from today" count that many days from the meeting; "by month end" is the last day of the meeting\'s month; "by the 20th" is the 20th of the meeting\'s month; a named event ("before the board meeting", "ahead of the launch") is the date the key dates give it, and "by two days before the launch" or "by the day after the audit" counts from that date; "same deadline as the budget item" is that item\'s deadline; a deadline corrected as it is said ("by Friday, sorry, I mean Thursday") is the corrected one; and a deadline moved later in the meeting is the new one.';

type F = (s: Record<string, string>) => string;

const HEADER: F[] = [
  (s) => `Weekly operations meeting, ${s.date}. Chair: ${s.chair}.`,
  (s) => `Ops weekly, ${s.date}, chaired by ${s.chair}.`,
  (s) => `Operations sync (auto-transcribed), ${s.date}. In the chair: ${s.chair}.`,
  (s) => `Team meeting notes for ${s.date}; ${s.chair} in the chair.`,
];
const KEY_DATES: Array<(events: string[]) => string> = [
  (e) => `Key dates: ${e.join('; ')}.`,
  (e) => `Coming up: ${e.join(', ')}.`,
  (e) => `Diary for the next weeks: ${e.join('; ')}.`,
  (e) => `Dates to keep in mind: ${e.join(' / ')}.`,
];
const EVENTS: Array<[name: string, said: string[]]> = [
  ['board meeting', ['before the board meeting', 'ahead of the board meeting']],
  ['product launch', ['before the launch', 'ahead of the product launch']],
  ['quarterly audit', ['before the audit starts', 'ahead of the quarterly audit']],
  ['client visit', ['before the client visit', 'in time for the client visit']],
  ['all-hands', ['before the all-hands', 'ahead of the all-hands']],
  ['office move', ['before the office move', 'ahead of the move']],
];

const REQUEST: F[] = [
  (s) => `${s.F}, could you ${s.task} ${s.due}?`,
  (s) => `${s.F}, can you ${s.task} ${s.due}?`,
  (s) => `${s.F}, are you OK to ${s.task} ${s.due}?`,
  (s) => `Would you be able to ${s.task} ${s.due}, ${s.F}?`,
  (s) => `${s.F}, any chance you could ${s.task} ${s.due}?`,
  (s) => `Can I ask you to ${s.task} ${s.due}, ${s.F}?`,
  (s) => `${s.F}, how would you feel about taking this on: ${s.task} ${s.due}?`,
  (s) => `I'd like someone to ${s.task} ${s.due}. ${s.F}, is that you?`,
  (s) => `${s.F}, this one has your name on it if you want it: ${s.task} ${s.due}.`,
];
const REFUSE = [
  "I'm on leave next week, sorry.",
  "I'm fully booked with the audit, I can't.",
  "No, I'm not able to take that on.",
  "I'd have to say no, my plate is full.",
  "Not me, I'm afraid, I'm out until the end of the month.",
  "Sorry, that's not something I can do.",
];
const QUALIFIED_YES: F[] = [
  (s) => `Not ${s.bad}, but I can do it ${s.due}.`,
  (s) => `${s.Bad} is too tight. ${s.Due} I can do, I'll take it.`,
  (s) => `I can't make it ${s.bad}. I'll do it ${s.due} instead.`,
  (s) => `Yes, though ${s.due} rather than ${s.bad}.`,
  (s) => `OK, but realistically ${s.due}, not ${s.bad}. Yes, I'll do it.`,
  (s) => `Happy to, just not ${s.bad}. Put me down for ${s.due}.`,
];
const VOLUNTEER: F[] = [
  (s) => `I'll ${s.task} ${s.due}.`,
  (s) => `Let me ${s.task} ${s.due}.`,
  (s) => `I can ${s.task} ${s.due}, I'll own that.`,
  (s) => `Put me down to ${s.task} ${s.due}.`,
  (s) => `I'll take care of it: ${s.task}, ${s.due}.`,
  (s) => `Leave it with me, I'll ${s.task} ${s.due}.`,
];
const THANKS = [
  'Great, thanks.',
  'Perfect, thank you.',
  'Lovely, that works.',
  'Brilliant.',
  'Thanks, noted.',
  "Good, that's settled.",
];
const NEED: F[] = [
  (s) => `Someone needs to ${s.task}.`,
  (s) => `We still need somebody to ${s.task}.`,
  (s) => `Who can ${s.task}?`,
  (s) => `This needs an owner: ${s.task}.`,
  (s) => `Is anyone free to ${s.task}?`,
  (s) => `Somebody has to ${s.task}, it keeps slipping.`,
];
const TAKE: F[] = [
  (s) => `I can take that. I'll have it done ${s.due}.`,
  (s) => `I'll do it, ${s.due}.`,
  (s) => `Me. ${s.Due} at the latest.`,
  (s) => `Go on then, I'll have it done ${s.due}.`,
  (s) => `That can be mine. Done ${s.due}.`,
  (s) => `I'll pick that up and finish it ${s.due}.`,
];
const CONFIRM: F[] = [
  (s) => `Thanks ${s.F}, it's yours.`,
  (s) => `Great, ${s.F} has it.`,
  (s) => `${s.F}'s on it then.`,
  (s) => `Noted: ${s.F} owns this one.`,
];
const NO_DATE: F[] = [
  (s) => `I'll ${s.task}, but I can't promise a date.`,
  (s) => `I'll ${s.task} when I get a moment.`,
  (s) => `Let me ${s.task}. No date yet, though.`,
  (s) => `I'll ${s.task}; don't hold me to a day.`,
  (s) => `I'll do it: ${s.task}. Timing open.`,
];
const NO_DATE_OK = [
  'That is fine, no deadline on that one.',
  'OK, whenever you get to it.',
  'No rush on that.',
  'Fine, no date needed.',
];
const FLOAT: F[] = [
  (s) => `Should we ${s.task}?`,
  (s) => `Is it worth trying to ${s.task}?`,
  (s) => `I wonder if we ought to ${s.task}.`,
  (s) => `Do we want to ${s.task} at some point?`,
  (s) => `Someone mentioned we could ${s.task}.`,
];
const PARK = [
  "Not this quarter, there's no budget. Let's park it.",
  "Let's park that until the reorg is settled.",
  'Good idea, but not now.',
  "Let's put a pin in it.",
  "Park it, please, we've got enough on.",
  'That can wait until the new year.',
];
const SUGGEST: F[] = [
  (s) => `${s.A} suggested we ${s.task} ${s.due}.`,
  (s) => `There was an idea from ${s.A} to ${s.task} ${s.due}.`,
  (s) => `${s.A}, you floated that we ${s.task} ${s.due}?`,
  (s) => `Last week ${s.A} proposed to ${s.task} ${s.due}.`,
];
const DECLINE = [
  "Having thought about it, I don't think it's worth it.",
  "I'd rather we didn't, it's not a priority.",
  "On reflection, no. It doesn't pay for itself.",
  "I've gone off the idea, honestly.",
  "I don't want to do it after all.",
];
const CHAIR_NO = [
  'Agreed, we will not do that.',
  "Fine, we'll drop it.",
  "OK, it's off the list.",
  'Right, not doing it then.',
];
const MAYBE: F[] = [
  (s) => `Maybe ${s.A} could ${s.task} ${s.due}?`,
  (s) => `Could ${s.A} ${s.task} ${s.due}, perhaps?`,
  (s) => `What if ${s.A} were to ${s.task} ${s.due}?`,
  (s) => `I'd suggest ${s.A} should ${s.task} ${s.due}.`,
];
const REVISIT = [
  "Let's revisit it next meeting.",
  "We'll come back to it next week.",
  'Hold that thought until next time.',
  "Let's leave it open for now.",
];
const RETRACT: F[] = [
  (s) => `Actually, scratch that. ${s.reason}, so I can't.`,
  (s) => `Hang on, I've just remembered: ${s.reason}. I can't do it.`,
  (s) => `Sorry, I spoke too soon: ${s.reason}. Take my name off it.`,
  (s) => `Wait, no. ${s.reason}; I'll have to pass.`,
];
const REASONS = [
  "I'm away that whole week",
  'the vendor contract says they have to do it',
  "legal haven't cleared it",
  "I'm covering for Sam until the 30th",
];
const RETRACT_OK = [
  'OK, leave it for now.',
  'Fine, it stays open.',
  "Right, no owner then. We'll see next week.",
];
const WAIT_ON: F[] = [
  (s) => `I'll ${s.task} ${s.due} ${s.cond}.`,
  (s) => `Happy to ${s.task} ${s.due}, ${s.cond}.`,
  (s) => `${s.Cond}, I'll ${s.task} ${s.due}.`,
  (s) => `Put me down to ${s.task} ${s.due}, but only ${s.cond}.`,
];
const WAIT_ON_ACK = ['Noted.', 'OK, thanks.', 'Right.', 'Understood.'];
const HANDOFF: Array<(s: Record<string, string>) => Array<[string, string]>> = [
  (s) => [
    [s.a, `I can ${s.task} ${s.due}.`],
    [s.c, `Let me do it instead, ${s.Fa}, I know the people involved.`],
    [s.chair, `Fine, ${s.Fc} then.`],
  ],
  (s) => [
    [s.a, `I'll ${s.task} ${s.due}.`],
    [s.c, `You're swamped, ${s.Fa}. I'll take it, same timing.`],
    [s.a, 'Thanks, appreciated.'],
  ],
  (s) => [
    [s.a, `I could ${s.task} ${s.due}.`],
    [s.chair, `Actually ${s.Fc} has more context. ${s.Fc}, would you, same deadline?`],
    [s.c, 'Yes, no problem.'],
  ],
  (s) => [
    [s.chair, `${s.Fa}, could you ${s.task} ${s.due}?`],
    [s.a, `I'd pass it to ${s.Fc}, honestly.`],
    [s.c, `Fine by me, I'll do it on that timing.`],
  ],
];
const AOB_REASSIGN: F[] = [
  (s) => `Going back to ${s.topic}: ${s.Fa} can't do it after all, so ${s.Fc} will take it over.`,
  (s) => `One change on the ${s.topic} item: ${s.Fc} is taking that over from ${s.Fa}.`,
  (s) => `About ${s.topic}, ${s.Fa} and ${s.Fc} have swapped, so ${s.Fc} owns it now.`,
  (s) => `Quick one on ${s.topic}: hand that to ${s.Fc}, please, ${s.Fa} is off sick.`,
];
const AOB_REASSIGN_OK = ['Yes, that is fine by me.', "Sure, I'll pick it up.", 'No problem, it is mine now.'];
const AOB_MOVE: F[] = [
  (s) => `On ${s.topic}: ${s.Fa} needs more time, so let's say ${s.due} instead.`,
  (s) => `The ${s.topic} item can move, make it ${s.due}.`,
  (s) => `Going back to ${s.topic}, the new deadline is ${s.due}.`,
  (s) => `For ${s.topic} we have agreed to push the date to ${s.due}.`,
];
const AOB_CANCEL: F[] = [
  (s) => `One update on ${s.topic}: the client has pulled out, so that work is off.`,
  (s) => `${s.Topic} is cancelled, the supplier has gone under, so nobody needs to do it.`,
  (s) => `Scrap the ${s.topic} item, please, it was overtaken by events.`,
  (s) => `Going back to ${s.topic}: we're not doing that any more, finance said no.`,
];
const AOB_NOTHING = ['Nothing else from me.', 'All good on my side.', 'Nothing further.'];
const SAME_AS: F[] = [
  (s) => `Same answer as I gave on ${s.topic}.`,
  (s) => `Same as for ${s.topic}, then.`,
  (s) => `Ditto what I said about ${s.topic}.`,
  (s) => `My answer is the one I gave on ${s.topic}.`,
];
const AOB_CONFIRM: F[] = [
  (s) => `Going back to ${s.topic}: I've checked my diary, I'll do it ${s.due} after all.`,
  (s) => `On ${s.topic}, I've sorted my workload, so count me in, ${s.due}.`,
  (s) => `About ${s.topic}: legal came back, so yes, I'll take it, ${s.due}.`,
];
const ROLES_LINE: Array<(pairs: string[]) => string> = [
  (p) => `Roles: ${p.join(', ')}.`,
  (p) => `Who's who: ${p.join('; ')}.`,
  (p) => `Team leads present: ${p.join(', ')}.`,
];
const TEAMS = ['finance', 'facilities', 'IT', 'HR', 'sales', 'marketing'];
const RELAYED: F[] = [
  (s) => `I spoke to ${s.team} before the meeting: they'll ${s.task} ${s.due}.`,
  (s) => `${s.Team} have confirmed by email that they will ${s.task} ${s.due}.`,
  (s) => `For the record, ${s.team} agreed last week to ${s.task} ${s.due}.`,
];
const CORRECTION: Array<(bad: string, good: string) => string> = [
  (b, d) => `${b}, sorry, I mean ${d}`,
  (b, d) => `${b}, no, make that ${d}`,
  (b, d) => `${d}, not ${b} as I first said`,
];
/** Work raised without an owner, before someone is asked to confirm. */
const PENDING: F[] = [
  (s) => `${capitalise(s.task)} still needs doing ${s.due}.`,
  (s) => `We have to ${s.task} ${s.due}, one way or another.`,
  (s) => `The ask from the client is that we ${s.task} ${s.due}.`,
  (s) => `Reminder: somebody should ${s.task} ${s.due}.`,
];
/** Replies that say neither yes nor no. */
const AMBIGUOUS = [
  "Hmm, it's a fair bit of work.",
  'I did something similar last year.',
  "Well, I know the people involved, but I'm busy.",
  "It's not hard, just fiddly.",
  "I've got a lot on, but we'll see.",
];
const CONFIRM_YES: F[] = [
  (s) => `So you'll take it, ${s.F}, ${s.due}?`,
  (s) => `${s.F}, that's yours then, ${s.due}?`,
  (s) => `Can I put you down for it, ${s.F}, ${s.due}?`,
  (s) => `So it's with you, ${s.F}, done ${s.due}?`,
];
const CONFIRM_NO: F[] = [
  (s) => `So that's a no from you for now, ${s.F}?`,
  (s) => `${s.F}, you're not taking it on, then?`,
  (s) => `So we leave it without an owner for now, ${s.F}?`,
  (s) => `So you'd rather stay out of it, ${s.F}?`,
];
const AFFIRM = ['Right.', 'Correct.', 'Yes.', 'Exactly.', "That's right.", 'Yep, that is it.'];
const CHAIR_MOVES: F[] = [
  (s) => `Actually, let's give that to ${s.Fc} instead, ${s.Fa} has enough on.`,
  (s) => `Hold on, ${s.Fa}, you're on the audit. ${s.Fc}, can you take it on the same terms?`,
  (s) => `I'd rather ${s.Fc} did this one, ${s.Fa}, same deadline.`,
  (s) => `${s.Fa}, thanks, but ${s.Fc} should own it. Same date.`,
];
/** Questions a bare "No." answers: a commitment after the first kind, none after the second. */
const OBJECTION_Q: F[] = [
  (s) => `Any objection to you taking it, ${s.F}, ${s.due}?`,
  (s) => `${s.F}, is there any reason you can't do it ${s.due}?`,
  (s) => `Would you mind owning it, ${s.F}, ${s.due}?`,
  (s) => `${s.F}, anything stopping you doing it ${s.due}?`,
];
const ANY_WAY_Q: F[] = [
  (s) => `${s.F}, is there any way you could take it ${s.due}?`,
  (s) => `Do you have room for it, ${s.F}, ${s.due}?`,
  (s) => `${s.F}, could you squeeze it in ${s.due}?`,
  (s) => `Is it something you can take on, ${s.F}, ${s.due}?`,
];
const DENY_SHORT = ['No.', 'No, none.', 'Not really, no.', 'Nope.', 'No, sorry.', 'Honestly, no.'];
const SETS_DATE: F[] = [
  (s) => `Thanks. Let's say ${s.due}, then.`,
  (s) => `Great. Pencil it in for ${s.due}.`,
  (s) => `Good, and the deadline is ${s.due}.`,
  (s) => `Lovely, ${s.due} please.`,
];
/** Asides with a date that is not the deadline. */
const OLD_DATE: F[] = [
  (s) => `For context, the vendor promised this ${s.due} last time and missed it.`,
  (s) => `The old plan was to have it ${s.due}, but that plan is gone.`,
  (s) => `Finance originally wanted it ${s.due}, which was never realistic.`,
  (s) => `Last quarter we said ${s.due} and nobody picked it up.`,
  (s) => `Someone from sales asked for it ${s.due}, ignore that.`,
  (s) => `The contractor quoted ${s.due} for their part, separately.`,
];
/** Two pieces of work under one agenda item, settled in one exchange. */
const PAIR_INTRO: F[] = [
  (s) => `Two things under this one: ${s.task1}, and ${s.task2}.`,
  (s) => `We need to decide on two bits of work: ${s.task1}; and ${s.task2}.`,
  (s) => `This covers both ${s.task1} and ${s.task2}.`,
];
type PairPlay = (s: Record<string, string>) => {
  lines: Array<[string, string]>;
  owners: [string | null, string | null];
};
const PAIR_PLAYS: PairPlay[] = [
  (s) => ({
    lines: [
      [s.a, `I'll take the ${s.r1} one, ${s.d1}. The ${s.r2} one can wait, let's park it.`],
      [s.chair, 'Fine.'],
    ],
    owners: [s.a, null],
  }),
  (s) => ({
    lines: [
      [s.a, `The ${s.r1} one isn't worth doing. The ${s.r2} one I'll do, ${s.d2}.`],
      [s.chair, 'Agreed.'],
    ],
    owners: [null, s.a],
  }),
  (s) => ({
    lines: [
      [s.a, `I can do the ${s.r1} one ${s.d1}.`],
      [s.b, `And the ${s.r2} one is mine, ${s.d2}.`],
      [s.chair, 'Great, thanks both.'],
    ],
    owners: [s.a, s.b],
  }),
  (s) => ({
    lines: [
      [s.chair, `${s.Fa}, could you do both, the ${s.r1} one ${s.d1} and the ${s.r2} one ${s.d2}?`],
      [s.a, `The ${s.r1} one, yes. The ${s.r2} one, no, I'm out of time.`],
      [s.chair, `OK, the ${s.r2} one stays open.`],
    ],
    owners: [s.a, null],
  }),
  (s) => ({
    lines: [
      [s.b, 'Neither of those is urgent, honestly.'],
      [s.chair, 'Agreed, park both.'],
    ],
    owners: [null, null],
  }),
  (s) => ({
    lines: [
      [s.a, `Put me down for the ${s.r2} one, ${s.d2}. Not the ${s.r1} one, though.`],
      [s.b, `Nor me for the ${s.r1} one. Let's leave it.`],
    ],
    owners: [null, s.a],
  }),
  (s) => ({
    lines: [
      [s.chair, `${s.Fb}, the ${s.r1} one ${s.d1}? And ${s.Fa}, the ${s.r2} one ${s.d2}?`],
      [s.b, 'Fine.'],
      [s.a, "Sorry, I can't."],
    ],
    owners: [s.b, null],
  }),
];
const XREF: F[] = [
  (s) => `by the same deadline as the ${s.topic} item`,
  (s) => `on the same timetable as the ${s.topic} work`,
  (s) => `by whatever date we gave ${s.topic}`,
  (s) => `in line with the ${s.topic} deadline`,
];

/** A deadline said in the meeting: the words, the date they mean, and what the date rests on. */
interface Due {
  words: string;
  day: number;
  rests: 'self' | 'rules' | 'event';
}
type DueMaker = (
  rng: Rng,
  meeting: number,
  events: Array<{ name: string; said: string[]; day: number }>,
) => Due | null;

const DUE_KINDS: DueMaker[] = [
  (rng, m) => {
    const target = rng.pick([3, 4]);
    return { words: `by ${WEEKDAYS[target]}`, day: m + (target - weekday(m)), rests: 'rules' };
  },
  (_rng, m) => ({ words: 'by the end of next week', day: m + (4 - weekday(m)) + 7, rests: 'rules' }),
  (_rng, m) => ({ words: 'by tomorrow', day: m + 1, rests: 'rules' }),
  (rng, m) => {
    const day = m + rng.int(5, 20);
    const { m: mo, d } = civil(day);
    return { words: `by the ${d}${ordinalSuffix(d)} of ${MONTHS[mo]}`, day, rests: 'self' };
  },
  (_rng, m) => ({ words: 'within two weeks', day: m + 14, rests: 'rules' }),
  (_rng, m) => ({ words: `by next ${WEEKDAYS[1]}`, day: m + (7 - weekday(m)) + 1, rests: 'rules' }),
  (rng, m) => {
    const day = m + rng.int(3, 12);
    const { m: mo, d } = civil(day);
    return { words: `before ${d} ${MONTHS[mo]}`, day, rests: 'self' };
  },
  (rng, m) => {
    const target = rng.pick([3, 4]);
    return { words: `by end of play ${WEEKDAYS[target]}`, day: m + (target - weekday(m)), rests: 'rules' };
  },
  (_rng, m) => ({ words: 'before the weekend', day: m + (4 - weekday(m)), rests: 'rules' }),
  (rng, m) => {
    const n = rng.pick([10, 12]);
    return { words: `in ${n === 10 ? 'ten' : 'twelve'} days`, day: m + n, rests: 'rules' };
  },
  (_rng, m) => ({ words: 'a week from today', day: m + 7, rests: 'rules' }),
  (_rng, m) => {
    const { m: mo, d } = civil(m);
    const last = MONTH_DAYS[mo]!;
    if (last - d < 3) return null;
    return { words: 'by month end', day: m + (last - d), rests: 'rules' };
  },
  (rng, m) => {
    const { d } = civil(m);
    const target = rng.int(d + 3, d + 14);
    const { m: mo2, d: d2 } = civil(m + (target - d));
    if (mo2 !== civil(m).m || d2 !== target) return null;
    return { words: `by the ${target}${ordinalSuffix(target)}`, day: m + (target - d), rests: 'rules' };
  },
  (rng, _m, events) => {
    if (events.length === 0) return null;
    const e = rng.pick(events);
    return { words: rng.pick(e.said), day: e.day, rests: 'event' };
  },
  (rng, m) => {
    const day = m + rng.int(4, 18);
    const { m: mo, d } = civil(day);
    return { words: `by ${MONTHS[mo]} ${d}${ordinalSuffix(d)}`, day, rests: 'self' };
  },
  (rng, m, events) => {
    const ok = events.filter((e) => e.day - 2 > m);
    if (ok.length === 0) return null;
    const e = rng.pick(ok);
    const n = rng.int(1, 2);
    return {
      words: `by ${n === 1 ? 'the day' : 'two days'} before the ${e.name}`,
      day: e.day - n,
      rests: 'event',
    };
  },
  (rng, _m, events) => {
    if (events.length === 0) return null;
    const e = rng.pick(events);
    return { words: `by the day after the ${e.name}`, day: e.day + 1, rests: 'event' };
  },
];

interface Item {
  owner: string;
  task: string;
  due: string | null;
}
interface Section {
  topic: string;
  task: string;
  lines: string[];
  item: Item | null;
  /** The line that says the deadline, for a later cross-reference. */
  dueLine?: string;
  dueWords?: string;
  dueDay?: number | null;
  evidence: Record<string, string[]>;
  owner?: string;
  outcome?: string;
  /** An agenda item that discusses two pieces of work: each has its own verdict. */
  pair?: Array<{ task: string; item: Item | null; evidence: Record<string, string[]> }>;
}

export const generate: Generate<Input, Expected> = (rng, _index, set: CaseSet) => {
  const fam = <T>(label: string, all: readonly T[]) => set.families(label, all);
  const W = {
    header: fam('header', HEADER),
    keyDates: fam('key-dates', KEY_DATES),
    smallTalk: fam('small-talk', SMALL_TALK),
    request: fam('request', REQUEST),
    accept: fam('accept', ACCEPT),
    refuse: fam('refuse', REFUSE),
    hedge: fam('hedge', HEDGE),
    qualified: fam('qualified-yes', QUALIFIED_YES),
    volunteer: fam('volunteer', VOLUNTEER),
    thanks: fam('thanks', THANKS),
    need: fam('need', NEED),
    take: fam('take', TAKE),
    confirm: fam('confirm', CONFIRM),
    noDate: fam('no-date', NO_DATE),
    noDateOk: fam('no-date-ok', NO_DATE_OK),
    float: fam('float', FLOAT),
    park: fam('park', PARK),
    suggest: fam('suggest', SUGGEST),
    decline: fam('decline', DECLINE),
    chairNo: fam('chair-no', CHAIR_NO),
    maybe: fam('maybe', MAYBE),
    revisit: fam('revisit', REVISIT),
    retract: fam('retract', RETRACT),
    reasons: fam('reasons', REASONS),
    retractOk: fam('retract-ok', RETRACT_OK),
    openers: fam('openers', OPENERS),
    waitOn: fam('wait-on', WAIT_ON),
    waitOnAck: fam('wait-on-ack', WAIT_ON_ACK),
    handoff: fam('handoff', HANDOFF),
    aobReassign: fam('aob-reassign', AOB_REASSIGN),
    aobReassignOk: fam('aob-reassign-ok', AOB_REASSIGN_OK),
    aobMove: fam('aob-move', AOB_MOVE),
    aobCancel: fam('aob-cancel', AOB_CANCEL),
    aobNothing: fam('aob-nothing', AOB_NOTHING),
    xref: fam('xref', XREF),
    sameAs: fam('same-as', SAME_AS),
    pending: fam('pending', PENDING),
    ambiguous: fam('ambiguous', AMBIGUOUS),
    confirmYes: fam('confirm-yes', CONFIRM_YES),
    confirmNo: fam('confirm-no', CONFIRM_NO),
    affirm: fam('affirm', AFFIRM),
    chairMoves: fam('chair-moves', CHAIR_MOVES),
    pairIntro: fam('pair-intro', PAIR_INTRO),
    pairPlays: fam('pair-plays', PAIR_PLAYS),
    setsDate: fam('sets-date', SETS_DATE),
    oldDate: fam('old-date', OLD_DATE),
    objectionQ: fam('objection-q', OBJECTION_Q),
    anyWayQ: fam('any-way-q', ANY_WAY_Q),
    denyShort: fam('deny-short', DENY_SHORT),
    aobConfirm: fam('aob-confirm', AOB_CONFIRM),
    roles: fam('roles', ROLES_LINE),
    relayed: fam('relayed', RELAYED),
    correction: fam('correction', CORRECTION),
    dueKinds: set.families('due-kinds', DUE_KINDS, { public: 5 }),
  };

  // Meetings on Monday to Wednesday of some week in 2023.
  const meeting = rng.int(1, 45) * 7 + rng.int(0, 2);
  const attendees = rng.sample(PEOPLE, rng.int(5, 7));
  const chair = attendees[0]!;
  const count = rng.int(8, 13);
  const topics = rng.sample(TASKS, count);

  // Key dates: events a few days to three weeks out.
  const events = rng
    .sample(EVENTS, rng.int(0, 3))
    .map(([name, said]) => ({ name, said, day: meeting + rng.int(3, 20) }));
  const keyDatesLine = events.length
    ? rng.pick(W.keyDates)(events.map((e) => `${e.name} ${longDate(e.day).replace(/ \d{4}$/, '')}`))
    : null;

  // How often a said phrase carries a transcription slip.
  const slip = set.kind === 'public' ? 0.1 : 0.2;
  const slips = set.families('slips', SLIPS, { public: 1, hidden: 2 });
  const noisy = (t: string) => (rng.chance(slip) ? slipTypo(rng, t, slips) : t);
  const merge = set.kind === 'public' ? 0.15 : 0.3;
  // Teams some attendees lead, for work the chair reports as agreed by a team.
  const leads = rng.sample(
    attendees.filter((p) => p !== chair),
    3,
  );
  const teams = rng.sample(TEAMS, leads.length);
  const rolesLine = rng.pick(W.roles)(leads.map((p, i) => `${p} (${teams[i]})`));
  const due = (): Due => {
    for (let i = 0; i < 20; i++) {
      const d = rng.pick(W.dueKinds)(rng, meeting, events);
      if (d) return d;
    }
    return DUE_KINDS[1]!(rng, meeting, events)!;
  };
  const dueEvidence = (d: Due): string[] => {
    if (d.rests === 'self') return [];
    if (d.rests === 'event') return [DATE_RULES, keyDatesLine!];
    return [DATE_RULES];
  };

  // Status lines for work made to wait on something: said in another agenda item.
  const statuses: Array<{ speaker: string; text: string }> = [];
  // What each person answered so far, for "same answer as I gave on …".
  const answered: Array<{ who: string; topic: string; positive: boolean; line: string }> = [];
  const sections: Section[] = topics.map(([topic, task]) => {
    const [a, b, c] = rng.sample(
      attendees.filter((p) => p !== chair),
      3,
    ) as [string, string, string];
    const lines: string[] = [];
    const say = (who: string, what: string) => lines.push(`${who}: ${what}`);
    if (rng.chance(0.6)) say(rng.pick([chair, a, b]), rng.pick(W.smallTalk));
    const outcome = rng.weighted(
      [
        'ask_yes',
        'volunteer',
        'open_call',
        'reassign',
        'no_deadline',
        'qualified',
        'handoff',
        'parked',
        'declined',
        'undecided',
        'retracted',
        'wait_on',
        'relayed',
        'confirm_yes',
        'confirm_no',
        'chair_reassign',
        'no_objection',
        'no_way',
      ] as const,
      [9, 8, 7, 6, 6, 7, 6, 10, 8, 10, 8, 10, 8, 7, 7, 6, 6, 6],
    );
    const d = due();
    if (rng.chance(slip)) d.words = slipTypo(rng, d.words, slips);
    const reply = (cores: string[]) => capitalise(noisy(rng.pick(W.openers) + rng.pick(cores)));
    // A's answer: a fresh reply, or "same answer as I gave on X" pointing at an earlier one.
    const answer = (positive: boolean) => {
      const earlier = answered.filter((x) => x.who === a && x.positive === positive);
      if (earlier.length && rng.chance(0.5)) {
        const e = rng.pick(earlier);
        say(a, rng.pick(W.sameAs)({ topic: e.topic }));
        ev.agreed = [DEFINITION, e.line];
        return;
      }
      say(a, reply(positive ? W.accept : W.hedge));
      answered.push({ who: a, topic, positive, line: lines[lines.length - 1]! });
    };
    // A deadline corrected as it is said.
    if (['ask_yes', 'volunteer', 'open_call', 'reassign'].includes(outcome) && rng.chance(0.15)) {
      let bad = due();
      for (let i = 0; i < 10 && bad.day === d.day; i++) bad = due();
      if (bad.day !== d.day) {
        d.words = rng.pick(W.correction)(bad.words, d.words);
        if (d.rests === 'self') d.rests = 'rules';
      }
    }
    const ev: Record<string, string[]> = { agreed: [DEFINITION] };
    let item: Item | null = null;
    let dueLine: string | undefined;
    const commit = (owner: string, dd: Due | null) => {
      item = { owner, task, due: dd ? iso(dd.day) : null };
      if (dd && dueEvidence(dd).length) ev.due = dueEvidence(dd);
    };
    const S = { task, due: d.words, Due: capitalise(d.words), F: first(a), A: first(a) };
    switch (outcome) {
      case 'ask_yes':
        if (rng.chance(0.35)) {
          say(rng.pick([chair, b]), rng.pick(W.request)({ ...S, due: 'soon' }));
          answer(true);
          say(chair, rng.pick(W.setsDate)(S));
          dueLine = lines[lines.length - 1];
        } else {
          say(rng.pick([chair, b]), rng.pick(W.request)(S));
          dueLine = lines[lines.length - 1];
          answer(true);
        }
        commit(a, d);
        break;
      case 'volunteer':
        say(a, rng.pick(W.volunteer)(S));
        dueLine = lines[lines.length - 1];
        say(chair, noisy(rng.pick(W.thanks)));
        commit(a, d);
        break;
      case 'open_call':
        say(b, rng.pick(W.need)(S));
        say(a, rng.pick(W.take)(S));
        dueLine = lines[lines.length - 1];
        say(chair, rng.pick(W.confirm)(S));
        commit(a, d);
        break;
      case 'reassign':
        say(chair, `${first(b)}, can you ${task}?`);
        say(b, noisy(rng.pick(W.refuse)));
        say(chair, `Then ${first(a)}, could you pick it up ${d.words}?`);
        dueLine = lines[lines.length - 1];
        say(a, reply(W.accept));
        commit(a, d);
        break;
      case 'no_deadline':
        say(a, rng.pick(W.noDate)(S));
        say(chair, noisy(rng.pick(W.noDateOk)));
        commit(a, null);
        break;
      case 'qualified': {
        let bad = due();
        for (let i = 0; i < 10 && bad.day === d.day; i++) bad = due();
        if (bad.day === d.day) bad = { words: 'by tomorrow', day: meeting + 1, rests: 'rules' };
        if (bad.day === d.day) bad = { words: 'a week from today', day: meeting + 7, rests: 'rules' };
        say(chair, rng.pick(W.request)({ ...S, due: bad.words }));
        say(a, rng.pick(W.qualified)({ ...S, bad: bad.words, Bad: capitalise(bad.words) }));
        dueLine = lines[lines.length - 1];
        commit(a, d);
        break;
      }
      case 'handoff':
        for (const [who, what] of rng.pick(W.handoff)({
          a,
          c,
          chair,
          task,
          due: d.words,
          Fa: first(a),
          Fc: first(c),
        }))
          say(who, what);
        dueLine = lines.find((l) => l.includes(d.words));
        commit(c, d);
        if (!ev.due) ev.due = [];
        ev.due.push(dueLine!);
        break;
      case 'parked':
        say(b, rng.pick(W.float)(S));
        say(chair, noisy(rng.pick(W.park)));
        break;
      case 'declined':
        say(b, rng.pick(W.suggest)(S));
        say(a, noisy(rng.pick(W.decline)));
        say(chair, noisy(rng.pick(W.chairNo)));
        break;
      case 'undecided':
        say(c, rng.pick(W.maybe)(S));
        answer(false);
        say(chair, noisy(rng.pick(W.revisit)));
        break;
      case 'retracted':
        say(chair, rng.pick(W.request)(S));
        say(a, reply(W.accept));
        if (rng.chance(0.4)) say(c, rng.pick(W.smallTalk));
        say(a, rng.pick(W.retract)({ reason: capitalise(rng.pick(W.reasons)) }));
        say(chair, noisy(rng.pick(W.retractOk)));
        break;
      case 'confirm_yes':
        say(b, rng.pick(W.pending)(S));
        say(a, noisy(rng.pick(W.ambiguous)));
        say(chair, rng.pick(W.confirmYes)(S));
        dueLine = lines[lines.length - 1];
        say(a, noisy(rng.pick(W.affirm)));
        commit(a, d);
        break;
      case 'confirm_no':
        say(b, rng.pick(W.pending)(S));
        say(a, noisy(rng.pick(W.ambiguous)));
        say(chair, rng.pick(W.confirmNo)(S));
        say(a, noisy(rng.pick(W.affirm)));
        break;
      case 'no_objection':
        say(b, rng.pick(W.pending)(S));
        say(chair, rng.pick(W.objectionQ)(S));
        dueLine = lines[lines.length - 1];
        say(a, noisy(rng.pick(W.denyShort)));
        commit(a, d);
        break;
      case 'no_way':
        say(b, rng.pick(W.pending)(S));
        say(chair, rng.pick(W.anyWayQ)(S));
        say(a, noisy(rng.pick(W.denyShort)));
        break;
      case 'chair_reassign':
        say(rng.pick([chair, b]), rng.pick(W.request)(S));
        dueLine = lines[lines.length - 1];
        say(a, reply(W.accept));
        say(chair, rng.pick(W.chairMoves)({ Fa: first(a), Fc: first(c) }));
        say(c, noisy(rng.pick(W.affirm)));
        commit(c, d);
        break;
      case 'relayed': {
        const k = rng.int(0, leads.length - 1);
        say(chair, rng.pick(W.relayed)({ ...S, team: teams[k]!, Team: capitalise(teams[k]!) }));
        dueLine = lines[lines.length - 1];
        commit(leads[k]!, d);
        ev.owner = [rolesLine];
        break;
      }
      case 'wait_on': {
        const cond = rng.pick(CONDITIONS);
        const settled = rng.chance(0.5);
        const status = rng.pick(settled ? cond.done : cond.pending);
        say(a, rng.pick(W.waitOn)({ ...S, cond: cond.cond, Cond: capitalise(cond.cond) }));
        dueLine = lines[lines.length - 1];
        say(chair, noisy(rng.pick(W.waitOnAck)));
        statuses.push({ speaker: rng.pick(attendees), text: status });
        ev.agreed = [DEFINITION, status];
        if (settled) commit(a, d);
        break;
      }
    }
    // The transcriber sometimes runs the answer into the question's line.
    const endsInAnswer = !(outcome === 'ask_yes' && dueLine === lines[lines.length - 1]);
    if (
      endsInAnswer &&
      ['ask_yes', 'reassign', 'no_objection', 'no_way', 'confirm_yes', 'confirm_no'].includes(outcome) &&
      rng.chance(merge)
    ) {
      const last = lines.length - 1;
      const answerText = lines[last]!.slice(lines[last]!.indexOf(': ') + 2);
      const merged = `${lines[last - 1]} ${answerText}`;
      if (dueLine === lines[last - 1]) dueLine = merged;
      for (const x of answered) if (x.line === lines[last]) x.line = merged;
      lines.splice(last - 1, 2, merged);
    }
    // An aside that names a date which is not the deadline: an old plan, a missed promise.
    if (rng.chance(0.45)) {
      let other = due();
      for (let i = 0; i < 10 && other.day === d.day; i++) other = due();
      const aside = `${rng.pick([chair, b, c])}: ${rng.pick(W.oldDate)({ due: other.words })}`;
      lines.splice(rng.chance(0.5) ? 0 : lines.length, 0, aside);
    }
    if (rng.chance(0.3)) say(c, rng.pick(['Makes sense.', 'OK.', 'Noted.', 'Good.']));
    const it = item as Item | null;
    return {
      topic,
      task,
      lines,
      item: it,
      dueLine,
      dueWords: d.words,
      dueDay: it?.due ? d.day : null,
      evidence: ev,
      owner: a,
      outcome,
    };
  });

  // Agenda items with two pieces of work, put among the others.
  const spare = TASKS.filter((t) => !topics.includes(t));
  const pairs = rng.weighted([1, 2, 3], [2, 4, 4]);
  for (let k = 0; k < pairs; k++) {
    const [t1, t2] = rng.sample(spare, 2) as [[string, string], [string, string]];
    spare.splice(spare.indexOf(t1), 1);
    spare.splice(spare.indexOf(t2), 1);
    const [pa, pb] = rng.sample(
      attendees.filter((p) => p !== chair),
      2,
    ) as [string, string];
    const d1 = due();
    const d2 = due();
    const play = rng.pick(W.pairPlays)({
      a: pa,
      b: pb,
      chair,
      Fa: first(pa),
      Fb: first(pb),
      r1: t1[0].toLowerCase(),
      r2: t2[0].toLowerCase(),
      d1: d1.words,
      d2: d2.words,
    });
    const lines = [
      `${chair}: ${rng.pick(W.pairIntro)({ task1: t1[1], task2: t2[1] })}`,
      ...play.lines.map(([w, t]) => `${w}: ${t}`),
    ];
    const verdict = (task: string, owner: string | null, dd: Due) => {
      const ev: Record<string, string[]> = { agreed: [DEFINITION] };
      if (owner && dueEvidence(dd).length) ev.due = dueEvidence(dd);
      return { task, item: owner ? { owner, task, due: iso(dd.day) } : null, evidence: ev };
    };
    const section: Section = {
      topic: `${t1[0]} and ${t2[0]}`,
      task: t1[1],
      lines,
      item: null,
      evidence: { agreed: [DEFINITION] },
      outcome: 'pair',
      pair: [verdict(t1[1], play.owners[0], d1), verdict(t2[1], play.owners[1], d2)],
    };
    sections.splice(rng.int(0, sections.length), 0, section);
  }

  // Each status line goes into an agenda item other than the one it settles, as an aside.
  for (const st of statuses) {
    const owner = sections.findIndex((x) => x.evidence.agreed?.includes(st.text));
    const hosts = sections.map((_, i) => i).filter((i) => i !== owner);
    const h = sections[rng.pick(hosts)]!;
    h.lines.splice(rng.int(0, Math.min(1, h.lines.length)), 0, `${st.speaker}: ${st.text}`);
  }

  const referenced = new Set<Section>();
  // Cross-references: an agreed item's deadline given as "the same deadline as the X item".
  for (let i = 1; i < sections.length; i++) {
    const s = sections[i]!;
    if (!s.item?.due || !s.dueLine || !s.dueWords || !rng.chance(0.25)) continue;
    if (
      !['ask_yes', 'volunteer', 'open_call', 'reassign', 'wait_on', 'chair_reassign'].includes(
        s.outcome ?? '',
      )
    )
      continue;
    if (s.dueLine.split(s.dueWords).length !== 2) continue;
    const refs = sections.slice(0, i).filter((r) => r.item?.due && r.dueLine && r.dueDay !== s.dueDay);
    if (!refs.length) continue;
    const r = rng.pick(refs);
    const words = rng.pick(W.xref)({ topic: r.topic });
    const at = s.lines.indexOf(s.dueLine);
    s.lines[at] = s.dueLine.replace(s.dueWords, words);
    s.dueLine = s.lines[at];
    s.item.due = r.item!.due;
    referenced.add(r);
    s.dueDay = r.dueDay!;
    s.evidence.due = [DATE_RULES, r.dueLine!, ...(r.evidence.due ?? []).filter((e) => e !== DATE_RULES)];
    if (s.evidence.due.includes(s.dueLine)) s.evidence.due = s.evidence.due.filter((e) => e !== s.dueLine);
  }

  // Any other business: revisit up to two agreed items (hand over, move the date, call off).
  const aob: string[] = [];
  const agreed = sections.filter((s) => s.item && !referenced.has(s));
  const revisits = rng.sample(agreed, Math.min(agreed.length, rng.weighted([0, 1, 2], [2, 4, 3])));
  for (const s of revisits) {
    const kind = rng.weighted(['reassign', 'move', 'cancel'] as const, [4, 3, 3]);
    const owner = s.item!.owner;
    const others = attendees.filter((p) => p !== chair && p !== owner);
    const to = rng.pick(others);
    const slots = { topic: s.topic, Topic: s.topic, Fa: first(owner), Fc: first(to) };
    if (kind === 'reassign') {
      const line = `${chair}: ${rng.pick(W.aobReassign)(slots)}`;
      aob.push(line, `${to}: ${rng.pick(W.aobReassignOk)}`);
      s.item!.owner = to;
      s.evidence.owner = [line];
    } else if (kind === 'move') {
      let nd = due();
      for (let i = 0; i < 10 && iso(nd.day) === s.item!.due; i++) nd = due();
      if (iso(nd.day) === s.item!.due) continue;
      const line = `${chair}: ${rng.pick(W.aobMove)({ ...slots, due: nd.words })}`;
      aob.push(line);
      s.item!.due = iso(nd.day);
      s.evidence.due = [line, ...dueEvidence(nd)];
    } else {
      const line = `${chair}: ${rng.pick(W.aobCancel)(slots)}`;
      aob.push(line);
      s.item = null;
      s.evidence = { agreed: [DEFINITION, line] };
    }
  }
  for (const s of sections) {
    if (s.outcome !== 'undecided' || !rng.chance(0.3)) continue;
    const nd = due();
    const line = `${s.owner}: ${rng.pick(W.aobConfirm)({ topic: s.topic, due: nd.words })}`;
    aob.push(line);
    s.item = { owner: s.owner!, task: s.task, due: iso(nd.day) };
    s.evidence = { agreed: [DEFINITION, line], due: [line, ...dueEvidence(nd)] };
  }
  if (aob.length === 0 || rng.chance(0.3)) aob.push(`${rng.pick(attendees)}: ${rng.pick(W.aobNothing)}`);
  const blocks = sections.map((s, i) => `Agenda item ${i + 1}: ${s.topic}\n${s.lines.join('\n')}`);
  const aobText = `Agenda item ${sections.length + 1}: Any other business\n${aob.join('\n')}`;

  const header = [
    rng.pick(W.header)({ date: longDate(meeting), chair }),
    ...(keyDatesLine ? [keyDatesLine] : []),
    rolesLine,
  ];
  const transcript = [
    ...header,
    '',
    ...[...blocks, aobText].join('\n\n').split('\n'),
    '',
    `${chair}: That's everything, thanks all.`,
  ].join('\n');
  const action_items = sections.flatMap((s) =>
    s.pair ? s.pair.flatMap((p) => (p.item ? [p.item] : [])) : s.item ? [s.item] : [],
  );
  const facts = [
    ...sections.flatMap((s, i) =>
      s.pair
        ? s.pair.map((p, k) => ({
            id: `agenda-item-${i + 1}${k === 0 ? 'a' : 'b'}`,
            text: blocks[i]!,
            answers: p.item
              ? { agreed: true, owner: p.item.owner, task: p.item.task, due: p.item.due }
              : { agreed: false },
            evidence: p.item ? p.evidence : { agreed: [DEFINITION] },
          }))
        : [
            {
              id: `agenda-item-${i + 1}`,
              text: blocks[i]!,
              answers: s.item
                ? { agreed: true, owner: s.item.owner, task: s.item.task, due: s.item.due }
                : { agreed: false },
              evidence: s.item ? s.evidence : { agreed: s.evidence.agreed ?? [DEFINITION] },
            },
          ],
    ),
    {
      id: `agenda-item-${sections.length + 1}`,
      text: aobText,
      answers: { agreed: false },
      evidence: { agreed: [DEFINITION] },
    },
  ];
  // Every evidence span is a line of this transcript or a paragraph of the brief.
  for (const f of facts)
    for (const [aspect, spans] of Object.entries(f.evidence ?? {}))
      (f.evidence as Record<string, string[]>)[aspect] = spans.filter(
        (t) => t === DEFINITION || t === DATE_RULES || transcript.includes(t),
      );
  return {
    input: { meeting_date: iso(meeting), attendees, transcript },
    expected: { action_items },
    facts,
  };
};
