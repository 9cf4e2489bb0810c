import type { Generate, Rng } from '@reps/engine';

/**
 * A transcript of a weekly team meeting, split into agenda items the way meeting tools chapter
 * their transcripts. Each agenda item discusses one possible piece of work: some end with someone
 * committing to it (often with a deadline said relative to the meeting date), some are only floated,
 * parked, declined or handed to someone else. Only the committed ones are action items.
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

const PEOPLE = [
  'Priya Shah',
  'Tom Becker',
  'Aisha Okafor',
  'Gareth Lloyd',
  'Mei Lin',
  'Rafael Costa',
  'Hannah Kerr',
  'Declan Walsh',
  'Fatima Haddad',
  'Lukas Weber',
  'Chloe Martin',
  'Imran Qureshi',
  'Beatriz Alves',
  'Noor Rahman',
  'Jonah Pryce',
  'Sofia Marino',
];

const TASKS: Array<[topic: string, task: string]> = [
  ['Budget', 'send the revised budget to finance'],
  ['Offsite', 'book the venue for the team offsite'],
  ['Onboarding', 'update the onboarding deck for new starters'],
  ['Support', 'draft the customer FAQ for the new pricing'],
  ['Suppliers', 'chase the packaging supplier for a delivery date'],
  ['Release', 'write the release notes for version 4.2'],
  ['Bugs', 'fix the login timeout bug on the mobile app'],
  ['Research', 'share the survey results with the design team'],
  ['Lisbon office', 'set up a call with the Lisbon office'],
  ['Contracts', 'review the cleaning contract before renewal'],
  ['Hiring', 'post the junior analyst job advert'],
  ['Security', 'rotate the API keys for the reporting service'],
  ['Website', 'replace the broken images on the careers page'],
  ['Events', 'confirm the catering numbers for the product launch'],
  ['Data', 'clean up the duplicate accounts in the CRM'],
  ['Training', 'organise the first aid refresher course'],
  ['Partners', 'send the signed NDA back to Halden Logistics'],
  ['Accessibility', 'run an accessibility audit of the checkout flow'],
  ['Reporting', 'automate the weekly sales dashboard export'],
  ['Facilities', 'get three quotes for the new office chairs'],
  ['Marketing', 'brief the agency on the spring campaign'],
  ['Compliance', 'complete the GDPR data mapping spreadsheet'],
  ['Infrastructure', 'move the staging database to the new cluster'],
  ['Customers', 'call back the three customers who complained about delays'],
  ['Pricing', 'model the impact of a five percent price rise'],
  ['Docs', 'archive the old product specifications on the wiki'],
];

const SMALL_TALK = [
  'Quick update first: the numbers for last week came in slightly ahead of plan.',
  'We had a good call with the client on Tuesday, they seemed happy overall.',
  'Just for context, this has come up in two retros now.',
  'I looked into it a bit and it is less work than we feared.',
  'Finance flagged this in their monthly review as well.',
  'There was some back and forth on the ticket but nothing decided yet.',
  'For the notes: the vendor has been slow to reply all month.',
  'A couple of people asked about this in the all-hands.',
];

const WEEKDAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];
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

/** A deadline said in the meeting, and the date it means. */
function deadline(rng: Rng, meeting: number): { words: string; day: number } {
  const kind = rng.int(0, 6);
  const dow = weekday(meeting);
  if (kind === 0) {
    const target = rng.pick([3, 4]); // Thursday or Friday of this week (meetings are Mon–Wed)
    return { words: `by ${WEEKDAYS[target]}`, day: meeting + (target - dow) };
  }
  if (kind === 1) return { words: 'by the end of next week', day: meeting + (4 - dow) + 7 };
  if (kind === 2) return { words: 'by tomorrow', day: meeting + 1 };
  if (kind === 3) return { words: 'within two weeks', day: meeting + 14 };
  if (kind === 4) {
    const day = meeting + rng.int(5, 20);
    const { m, d } = civil(day);
    return { words: `by the ${d}${ordinalSuffix(d)} of ${MONTHS[m]}`, day };
  }
  if (kind === 5) return { words: `by next ${WEEKDAYS[1]}`, day: meeting + (7 - dow) + 1 };
  const day = meeting + rng.int(3, 12);
  const { m, d } = civil(day);
  return { words: `before ${d} ${MONTHS[m]}`, day };
}
function ordinalSuffix(d: number): string {
  if (d >= 11 && d <= 13) return 'th';
  return ['th', 'st', 'nd', 'rd'][d % 10] ?? 'th';
}

function first(name: string): string {
  return name.split(' ')[0]!;
}

interface Section {
  text: string;
  item: ActionItem | null;
}

function section(
  rng: Rng,
  n: number,
  topic: string,
  task: string,
  chair: string,
  people: string[],
  meeting: number,
): Section {
  const [a, b, c] = rng.sample(
    people.filter((p) => p !== chair),
    3,
  ) as [string, string, string];
  const lines: string[] = [];
  const say = (who: string, what: string) => lines.push(`${who}: ${what}`);
  if (rng.chance(0.7)) say(rng.pick([chair, a, b]), rng.pick(SMALL_TALK));
  const outcome = rng.weighted(
    [
      'ask_yes',
      'volunteer',
      'open_call',
      'reassign',
      'no_deadline',
      'parked',
      'declined',
      'undecided',
    ] as const,
    [14, 12, 10, 8, 8, 17, 14, 17],
  );
  const due = deadline(rng, meeting);
  let item: ActionItem | null = null;
  switch (outcome) {
    case 'ask_yes':
      say(chair, `${first(a)}, could you ${task} ${due.words}?`);
      say(a, rng.pick(['Yes, I will do that.', 'Sure, leave it with me.', 'Yep, no problem.']));
      item = { owner: a, task, due: iso(due.day) };
      break;
    case 'volunteer':
      say(a, `I'll ${task} ${due.words}.`);
      say(chair, rng.pick(['Great, thanks.', 'Perfect, thank you.', 'Lovely, that works.']));
      item = { owner: a, task, due: iso(due.day) };
      break;
    case 'open_call':
      say(b, `Someone needs to ${task}.`);
      say(a, `I can take that. I'll have it done ${due.words}.`);
      say(chair, `Thanks ${first(a)}, it's yours.`);
      item = { owner: a, task, due: iso(due.day) };
      break;
    case 'reassign':
      say(chair, `${first(b)}, can you ${task}?`);
      say(b, rng.pick(["I'm on leave next week, sorry.", "I'm fully booked with the audit, I can't."]));
      say(chair, `Then ${first(a)}, could you pick it up ${due.words}?`);
      say(a, rng.pick(['Sure, I can do that.', 'Yes, fine by me.']));
      item = { owner: a, task, due: iso(due.day) };
      break;
    case 'no_deadline':
      say(a, `I'll ${task}, but I can't promise a date.`);
      say(chair, rng.pick(['That is fine, no deadline on that one.', 'OK, whenever you get to it.']));
      item = { owner: a, task, due: null };
      break;
    case 'parked':
      say(b, `Should we ${task}?`);
      say(
        chair,
        rng.pick([
          "Not this quarter, there's no budget. Let's park it.",
          "Let's park that until the reorg is settled.",
        ]),
      );
      break;
    case 'declined':
      say(b, `${first(a)} suggested we ${task} ${due.words}.`);
      say(
        a,
        rng.pick([
          "Having thought about it, I don't think it's worth it.",
          "I'd rather we didn't, it's not a priority.",
        ]),
      );
      say(chair, 'Agreed, we will not do that.');
      break;
    case 'undecided':
      say(c, `Maybe ${first(a)} could ${task} ${due.words}?`);
      say(
        a,
        rng.pick([
          "I'd rather not commit until we hear back from legal.",
          'Possibly, let me check my workload first.',
        ]),
      );
      say(chair, "Let's revisit it next meeting.");
      break;
  }
  if (rng.chance(0.3)) say(c, rng.pick(['Makes sense.', 'OK.', 'Noted.', 'Good.']));
  return { text: `Agenda item ${n}: ${topic}\n${lines.join('\n')}`, item };
}

export const generate: Generate<Input, Expected> = (rng) => {
  // Meetings on Monday to Wednesday of some week in 2023.
  const meeting = rng.int(1, 45) * 7 + rng.int(0, 2);
  const attendees = rng.sample(PEOPLE, rng.int(5, 7));
  const chair = attendees[0]!;
  const count = rng.int(8, 13);
  const topics = rng.sample(TASKS, count);
  const sections: Section[] = topics.map(([topic, task], i) =>
    section(rng, i + 1, topic, task, chair, attendees, meeting),
  );
  const transcript = [
    `Weekly operations meeting, ${longDate(meeting)}. Chair: ${chair}.`,
    '',
    ...sections
      .map((s) => s.text)
      .join('\n\n')
      .split('\n'),
    '',
    `${chair}: That's everything, thanks all.`,
  ].join('\n');
  const action_items = sections.flatMap((s) => (s.item ? [s.item] : []));
  const facts = sections.map((s, i) => ({
    id: `agenda-item-${i + 1}`,
    text: s.text,
    answers: s.item
      ? { agreed: true, owner: s.item.owner, task: s.item.task, due: s.item.due }
      : { agreed: false },
  }));
  return {
    input: { meeting_date: iso(meeting), attendees, transcript },
    expected: { action_items },
    facts,
  };
};
