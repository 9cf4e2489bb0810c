/** The generator's word lists: the attendees, small talk, openers, acceptances and hedges. */

export const PEOPLE = [
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

export const SMALL_TALK = [
  'Quick update first: the numbers for last week came in slightly ahead of plan.',
  'We had a good call with the client on Tuesday, they seemed happy overall.',
  'Just for context, this has come up in two retros now.',
  'I looked into it a bit and it is less work than we feared.',
  'Finance flagged this in their monthly review as well.',
  'There was some back and forth on the ticket but nothing decided yet.',
  'For the notes: the vendor has been slow to reply all month.',
  'A couple of people asked about this in the all-hands.',
  'I will keep this short, we are running over.',
  'Nobody said no last time, but nobody said yes either.',
  'Last time we agreed to look at it, not to do it.',
  'This one is not a billing issue, before anyone asks.',
];

/** How a reply opens: the same openers start yeses and not-yets. */
export const OPENERS = [
  '',
  'Yes, ',
  'Sure, ',
  'OK, ',
  'Right, ',
  'Honestly, ',
  'Hmm, ',
  'Well, ',
  'Yeah, ',
  'Look, ',
];

export const ACCEPT = [
  'I will do that.',
  'leave it with me.',
  'no problem.',
  'consider it done.',
  "I don't see why not. I'll do it.",
  "that's not a problem, I'll take it.",
  "I can't see any reason not to. It's mine.",
  'no objections, put my name against it.',
  "I'll get it done.",
  "I'm on it.",
  'happy to do it.',
  "not a problem at all, I'll do it.",
  "I wouldn't say no. Mine.",
  "nothing stops me, I'll do it.",
  "fine, I'll take it, even if it isn't my area.",
  "no need to ask twice, I'll do it.",
];

export const HEDGE = [
  "I'd rather not commit until we hear back from legal.",
  'let me check my workload first.',
  'can I get back to you?',
  "I'm not saying no, I'm saying not yet.",
  "I'll think about it and let you know.",
  "in principle yes, but I can't commit today.",
  "I'd do it if nothing else comes up. I'll confirm next week.",
  "I'd need to see the budget first.",
  "I'd love to, but I can't take it on right now.",
  "I would, but I'm not sure I'm the right person.",
  "I'll do it gladly if someone takes the audit off me. No takers? Then not yet.",
  "happy to look at it, but don't put my name down yet.",
  "sure, maybe, let's see how next week goes.",
  "no promises, I'll see what I can do and tell you next time.",
];
