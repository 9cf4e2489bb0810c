/** The generator's word lists: the attendees, the tasks, the conditions a task waits on, small talk, openers, acceptances and hedges. */

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

export const TASKS: Array<[topic: string, task: string]> = [
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
  ['Payroll', 'check the overtime figures before the payroll run'],
  ['Travel', 'book flights for the Hamburg trade fair'],
  ['Legal', 'get legal sign-off on the new privacy notice'],
  ['Sustainability', 'collect the energy bills for the carbon report'],
  ['Inventory', 'count the spare laptops in the storeroom'],
  ['Intranet', 'migrate the team pages to the new intranet'],
  ['Recruitment', 'shortlist candidates for the support lead role'],
  ['Insurance', 'renew the public liability insurance'],
  ['Fleet', 'arrange servicing for the two delivery vans'],
  ['Wellbeing', 'set up the monthly wellbeing check-in'],
];

/** Work made to wait on something, and lines elsewhere in the meeting saying whether it happened. */
export const CONDITIONS: Array<{ cond: string; done: string[]; pending: string[] }> = [
  {
    cond: 'once legal signs off',
    done: [
      'For later items: legal signed off on Monday, so that is out of the way.',
      'Good news before I forget, legal have now signed off on everything we sent.',
    ],
    pending: [
      'For later items: still nothing back from legal, they have not signed off.',
      'Before I forget, legal have not signed off yet and will not this week.',
    ],
  },
  {
    cond: 'as soon as the budget is approved',
    done: [
      'Side note: finance approved the budget yesterday, so money is there.',
      'By the way, the budget was approved this morning by the finance committee.',
    ],
    pending: [
      'Side note: the budget is still sitting with finance, not approved yet.',
      'By the way, no decision on the budget, finance pushed it to next month.',
    ],
  },
  {
    cond: 'if the client confirms the order',
    done: [
      'Update from sales: the client confirmed the order on Friday afternoon.',
      'Sales told me the client has confirmed the order, signed and sent.',
    ],
    pending: [
      'Update from sales: the client has still not confirmed the order.',
      'Sales told me the client is sitting on the order, nothing confirmed.',
    ],
  },
  {
    cond: 'once the new laptops arrive',
    done: [
      'Facilities say the new laptops arrived yesterday and are set up.',
      'Quick one: the new laptops have arrived, they are in the storeroom now.',
    ],
    pending: [
      'Facilities say the new laptops are still stuck in customs somewhere.',
      'Quick one: no sign of the new laptops, the delivery slipped again.',
    ],
  },
];
