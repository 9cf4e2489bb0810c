/**
 * Tables for the order-support generator: the shop's catalogue (with the ways customers refer to
 * each item), the handbook's wording families (one list of frames per rule), the order-record
 * layouts and the customer message frames per intent. Every list of frames is a family list:
 * generator.ts lets `set.families` choose, so the public cases show the first third and the hidden
 * cases others.
 */

export type CategoryKey =
  | 'kitchen'
  | 'electronics'
  | 'clothing'
  | 'furniture'
  | 'beauty'
  | 'toys'
  | 'garden'
  | 'sports';

export interface Item {
  name: string;
  /** How a customer refers to it without the order id (family list: first third public). */
  refs: string[];
  price: [number, number];
}

export interface Category {
  key: CategoryKey;
  /** The category as order records and the handbook name it (family list). */
  labels: string[];
  items: Item[];
}

export const CATEGORIES: Category[] = [
  {
    key: 'kitchen',
    labels: ['small kitchen appliances', 'kitchen electricals', 'countertop appliances'],
    items: [
      {
        name: 'Breville Blend Active blender',
        refs: ['the blender', 'the smoothie maker', 'the thing I make my shakes in'],
        price: [39, 129],
      },
      {
        name: 'Sage Smart toaster',
        refs: ['the toaster', 'the four-slice toaster', 'the thing for my morning toast'],
        price: [59, 219],
      },
      {
        name: 'Ninja Dual air fryer',
        refs: ['the air fryer', 'the twin-basket fryer', 'the oil-free fryer'],
        price: [89, 249],
      },
      {
        name: 'De’Longhi bean-to-cup coffee machine',
        refs: ['the coffee machine', 'the espresso maker', 'the bean-to-cup thing'],
        price: [249, 899],
      },
      {
        name: 'Kenwood stand mixer',
        refs: ['the stand mixer', 'the baking mixer', 'the dough machine'],
        price: [199, 649],
      },
    ],
  },
  {
    key: 'electronics',
    labels: ['consumer electronics', 'audio and tech', 'electronics'],
    items: [
      {
        name: 'Sony WH-1000XM5 headphones',
        refs: ['the headphones', 'the noise-cancelling cans', 'the over-ear set'],
        price: [229, 379],
      },
      {
        name: 'Kindle Paperwhite e-reader',
        refs: ['the e-reader', 'the Kindle', 'the reading tablet'],
        price: [119, 189],
      },
      {
        name: 'Logitech Brio 4K webcam',
        refs: ['the webcam', 'the camera for my video calls', 'the 4K cam'],
        price: [99, 199],
      },
      {
        name: 'JBL Flip 6 speaker',
        refs: ['the bluetooth speaker', 'the portable speaker', 'the little speaker'],
        price: [79, 139],
      },
      {
        name: 'Samsung 27-inch monitor',
        refs: ['the monitor', 'the screen', 'the 27-inch display'],
        price: [179, 549],
      },
    ],
  },
  {
    key: 'clothing',
    labels: ['clothing and footwear', 'fashion', 'apparel and shoes'],
    items: [
      { name: 'merino wool jumper', refs: ['the jumper', 'the wool sweater', 'the knit'], price: [45, 120] },
      {
        name: 'waterproof hiking jacket',
        refs: ['the rain jacket', 'the hiking coat', 'the waterproof'],
        price: [89, 289],
      },
      {
        name: 'leather ankle boots',
        refs: ['the boots', 'the ankle boots', 'the leather shoes'],
        price: [79, 219],
      },
      {
        name: 'linen summer dress',
        refs: ['the dress', 'the linen dress', 'the summer frock'],
        price: [39, 119],
      },
    ],
  },
  {
    key: 'furniture',
    labels: ['furniture', 'home furniture', 'furniture and large items'],
    items: [
      {
        name: 'oak bedside table',
        refs: ['the bedside table', 'the nightstand', 'the little oak cabinet'],
        price: [89, 259],
      },
      {
        name: 'ergonomic office chair',
        refs: ['the office chair', 'the desk chair', 'the swivel chair'],
        price: [149, 599],
      },
      {
        name: 'five-shelf bookcase',
        refs: ['the bookcase', 'the shelving unit', 'the bookshelf'],
        price: [79, 329],
      },
      {
        name: 'velvet two-seater sofa',
        refs: ['the sofa', 'the two-seater', 'the velvet couch'],
        price: [399, 1299],
      },
    ],
  },
  {
    key: 'beauty',
    labels: ['beauty and personal care', 'health and beauty', 'personal care'],
    items: [
      {
        name: 'Oral-B iO electric toothbrush',
        refs: ['the toothbrush', 'the electric brush', 'the Oral-B'],
        price: [69, 279],
      },
      {
        name: 'Dyson Supersonic hair dryer',
        refs: ['the hair dryer', 'the hairdryer', 'the Dyson'],
        price: [249, 399],
      },
      {
        name: 'Philips beard trimmer',
        refs: ['the beard trimmer', 'the shaver', 'the clippers'],
        price: [29, 89],
      },
    ],
  },
  {
    key: 'toys',
    labels: ['toys and games', 'toys', 'kids and games'],
    items: [
      {
        name: 'wooden train set',
        refs: ['the train set', 'the wooden railway', "my son's trains"],
        price: [35, 99],
      },
      {
        name: 'LEGO Technic kit',
        refs: ['the LEGO', 'the Technic set', 'the building kit'],
        price: [49, 449],
      },
      {
        name: 'family board game bundle',
        refs: ['the board games', 'the games bundle', 'the family game set'],
        price: [29, 79],
      },
    ],
  },
  {
    key: 'garden',
    labels: ['garden and outdoor', 'outdoor living', 'garden'],
    items: [
      {
        name: 'cordless hedge trimmer',
        refs: ['the hedge trimmer', 'the hedge cutter', 'the battery trimmer'],
        price: [69, 219],
      },
      {
        name: 'rattan garden chair set',
        refs: ['the garden chairs', 'the rattan set', 'the patio chairs'],
        price: [149, 699],
      },
      {
        name: 'expandable garden hose',
        refs: ['the hose', 'the garden hose', 'the stretchy hose'],
        price: [19, 59],
      },
    ],
  },
  {
    key: 'sports',
    labels: ['sports and fitness', 'fitness', 'sport and leisure'],
    items: [
      {
        name: 'adjustable dumbbell set',
        refs: ['the dumbbells', 'the weights', 'the adjustable weights'],
        price: [89, 399],
      },
      { name: 'cork yoga mat', refs: ['the yoga mat', 'the exercise mat', 'the cork mat'], price: [29, 89] },
      {
        name: 'road cycling helmet',
        refs: ['the bike helmet', 'the cycling helmet', 'the helmet'],
        price: [49, 199],
      },
    ],
  },
];

export interface Subscription {
  name: string;
  refs: string[];
  price: [number, number];
}

export const SUBSCRIPTIONS: Subscription[] = [
  {
    name: 'monthly coffee bean subscription',
    refs: ['my coffee subscription', 'the monthly beans', 'the coffee plan'],
    price: [14, 32],
  },
  {
    name: 'sock club subscription',
    refs: ['the sock club', 'my sock subscription', 'the monthly socks'],
    price: [9, 18],
  },
  {
    name: 'weekly meal kit subscription',
    refs: ['the meal kits', 'the recipe box', 'my meal box plan'],
    price: [39, 79],
  },
  {
    name: 'vitamins refill subscription',
    refs: ['the vitamins plan', 'my vitamin refills', 'the supplements subscription'],
    price: [12, 29],
  },
];

export const HUBS = ['Leeds', 'Daventry', 'Bristol', 'Motherwell', 'Milton Keynes', 'Doncaster'];
export const CARRIERS = ['DPD', 'Royal Mail', 'Evri', 'DHL', 'Yodel', 'Parcelforce'];

export const FIRST = [
  'Amira',
  'Ben',
  'Chloe',
  'Dev',
  'Elena',
  'Finn',
  'Grace',
  'Hugo',
  'Isla',
  'Jonah',
  'Kemi',
  'Liam',
  'Maya',
  'Noah',
  'Olga',
  'Priya',
  'Quinn',
  'Rosa',
  'Sam',
  'Tariq',
  'Uma',
  'Victor',
  'Wen',
  'Yusuf',
  'Zara',
];
export const LAST = [
  'Adeyemi',
  'Brennan',
  'Costa',
  'Dubois',
  'Evans',
  'Fischer',
  'Gupta',
  'Hughes',
  'Ivanova',
  'Jensen',
  'Kowalski',
  'Lindqvist',
  'Moreau',
  'Nakamura',
  'Okafor',
  'Patel',
  'Rossi',
  'Schneider',
  'Tanaka',
  'Walsh',
];
export const MAIL_DOMAINS = [
  'gmail.com',
  'outlook.com',
  'icloud.com',
  'proton.me',
  'yahoo.co.uk',
  'btinternet.com',
];

/** Filler clauses: real handbook rules that decide none of the messages (some sit close to ones that do). */
export const FILLER_CLAUSES: { title: string; text: string; section: SectionKey }[] = [
  {
    section: 'returns',
    title: 'Exchanges for size or colour',
    text: 'Clothing and footwear can be swapped for another size or colour once, free of charge, while stock lasts; an exchange is not a refund and the original delivery date still counts for any later return.',
  },
  {
    section: 'returns',
    title: 'Gift returns',
    text: 'A gift can be returned by its recipient with the gift receipt; the value goes onto a gift card in the recipient’s name rather than back to the buyer’s payment card.',
  },
  {
    section: 'returns',
    title: 'Return postage',
    text: 'Return labels are free for faulty or damaged goods. For other returns we deduct £4.95 from the refund unless the customer drops the parcel at a partner store.',
  },
  {
    section: 'returns',
    title: 'Refund timing',
    text: 'Once a returned parcel reaches our warehouse, refunds reach the original payment method within five working days; bank processing may add a few more.',
  },
  {
    section: 'returns',
    title: 'Personalised items',
    text: 'Engraved or made-to-order products are produced for one customer and are only taken back if they are faulty or were personalised incorrectly by us.',
  },
  {
    section: 'delivery',
    title: 'Missed deliveries',
    text: 'When nobody is in, the courier leaves a card and tries again the next working day; after two attempts the parcel waits at the local depot for seven days before it comes back to us.',
  },
  {
    section: 'delivery',
    title: 'Changing the delivery address',
    text: 'The delivery address can be changed until the order is dispatched. After dispatch the customer must contact the carrier directly with the tracking number.',
  },
  {
    section: 'delivery',
    title: 'Click and collect',
    text: 'Orders for collection are held at the chosen store for ten days; a text message says when the order is ready and a photo ID is needed to collect it.',
  },
  {
    section: 'delivery',
    title: 'Delivery charges',
    text: 'Standard delivery is free on orders over £40; next-day delivery costs £5.99 and is only available for orders placed before 8pm.',
  },
  {
    section: 'delivery',
    title: 'International orders',
    text: 'We ship to the EU and Norway. Import duties and local taxes are the customer’s to pay and are not refunded if a parcel is refused at the border.',
  },
  {
    section: 'warranty',
    title: 'Repairs outside warranty',
    text: 'Out-of-warranty repairs are arranged through our approved repairer at the customer’s cost; we send a quote before any work is done.',
  },
  {
    section: 'warranty',
    title: 'Accidental damage',
    text: 'Drops, spills and other accidental damage caused after delivery are not manufacturing faults; they are covered only by an extended care plan if one was bought.',
  },
  {
    section: 'warranty',
    title: 'Batteries and consumables',
    text: 'Batteries, filters, brush heads and blades wear with use and carry a six-month guarantee against defects, separate from the product’s own warranty.',
  },
  {
    section: 'subscriptions',
    title: 'Pausing a subscription',
    text: 'A subscription can be paused for up to three months from the account page; no charges are taken while it is paused.',
  },
  {
    section: 'subscriptions',
    title: 'Changing a subscription',
    text: 'Plan changes (size, frequency, flavour) apply from the next renewal; the current period is not re-billed.',
  },
  {
    section: 'general',
    title: 'Price match',
    text: 'We match the price of a named UK competitor for an identical item in stock, on the day of purchase only; marketplace sellers and clearance prices do not count.',
  },
  {
    section: 'general',
    title: 'Price drops after purchase',
    text: 'If we lower the price of an item within seven days of the customer buying it, we refund the difference as store credit on request.',
  },
  {
    section: 'general',
    title: 'Gift cards',
    text: 'Gift cards are valid for 24 months, cannot be exchanged for cash and cannot be used to buy other gift cards.',
  },
  {
    section: 'general',
    title: 'Loyalty points',
    text: 'Points are earned on the amount paid after discounts and are removed again when an order is refunded.',
  },
  {
    section: 'general',
    title: 'Discount codes',
    text: 'One discount code per order. Codes cannot be applied after the order has been placed and have no cash value.',
  },
  {
    section: 'general',
    title: 'Payment methods',
    text: 'We accept cards, PayPal and Klarna. Refunds always go back to the method that paid; a Klarna refund adjusts the instalment plan.',
  },
  {
    section: 'general',
    title: 'Account and data requests',
    text: 'Requests to see or delete personal data are passed to the data protection officer and answered within one month.',
  },
  {
    section: 'general',
    title: 'Business and bulk orders',
    text: 'Orders of more than ten units of one item are business orders: they are invoiced with VAT shown separately and are not eligible for promotional pricing.',
  },
  {
    section: 'general',
    title: 'Abusive contact',
    text: 'Staff may end a conversation that becomes abusive; the customer is told in writing how to continue by email.',
  },
  {
    section: 'general',
    title: 'Pre-orders',
    text: 'Pre-ordered items are charged on dispatch. A pre-order can be cancelled for free at any time before it ships.',
  },
];

export type SectionKey = 'returns' | 'delivery' | 'warranty' | 'subscriptions' | 'general';

export const SECTION_TITLES: Record<SectionKey, string[]> = {
  returns: ['Returns', 'Sending things back', 'Returns and refunds'],
  delivery: ['Delivery problems', 'When deliveries go wrong', 'Delivery and damage'],
  warranty: ['Warranty', 'Faults and guarantees', 'Product faults'],
  subscriptions: ['Subscriptions', 'Recurring orders', 'Subscription plans'],
  general: ['General', 'Other matters', 'General terms'],
};

// ---------------------------------------------------------------------------------------------
// Handbook rules: each family is a [title, text] maker. Parameters: cats (a joined list of category
// labels), d (days), m (months), v (an amount).

type Rule<P> = (p: P) => [string, string];

export const RETURN_RULES: Rule<{ cats: string; d: number }>[] = [
  (p) => [
    `Change-of-mind returns: ${p.cats}`,
    `Unwanted ${p.cats} can be returned for a full refund within ${p.d} days of delivery, as long as they are unused and in their original packaging. After ${p.d} days we no longer accept a change-of-mind return for these items.`,
  ],
  (p) => [
    `Returning unwanted ${p.cats}`,
    `Customers who simply no longer want an item from ${p.cats} have ${p.d} days from the day it was delivered to send it back; we then refund the price in full. Requests made later than that are declined.`,
  ],
  (p) => [
    `Return window — ${p.cats}`,
    `For ${p.cats}, the return window is ${p.d} days counted from delivery. Inside it, an item that is not faulty but not wanted is refunded once it is back with us; outside it, we say no.`,
  ],
  (p) => [
    `Cooling-off period for ${p.cats}`,
    `A customer may change their mind about ${p.cats} for ${p.d} days after the parcel arrives and get their money back. Once those ${p.d} days have passed, the purchase stands.`,
  ],
  (p) => [
    `${p.cats}: no longer wanted`,
    `Where a customer has second thoughts about ${p.cats}, we take the goods back and refund them provided they tell us no more than ${p.d} days after delivery. Anything later falls outside this policy and the request is refused.`,
  ],
];

export const FINAL_SALE_RULES: Rule<Record<string, never>>[] = [
  () => [
    'Final sale items',
    'Items marked final sale or bought in a clearance event cannot be returned because the customer changed their mind. This does not limit our duties for items that arrive damaged or develop a fault.',
  ],
  () => [
    'Clearance purchases',
    'Clearance and final-sale goods are sold as they are: we refuse change-of-mind returns on them. Damage in transit and faults are still handled under the usual clauses.',
  ],
  () => [
    'No returns on final sale',
    'A final-sale product is not eligible for a change-of-mind refund at any point. Faulty or transit-damaged final-sale items are dealt with like any other.',
  ],
  () => [
    'Sale items sold as seen',
    'Anything sold as final sale stays sold if the customer simply changes their mind. If it is broken on arrival or faulty, the damage and warranty rules apply as normal.',
  ],
];

export const DAMAGE_RULES: Rule<{ d: number }>[] = [
  (p) => [
    'Damaged on arrival',
    `If an item arrives damaged, the customer should tell us within ${p.d} days of delivery and we will send a replacement free of charge. Damage reported after ${p.d} days is passed to our claims team to review instead.`,
  ],
  (p) => [
    'Goods broken in transit',
    `Goods that reach the customer broken are replaced at our expense when the damage is reported no later than ${p.d} days after delivery. Later reports are escalated to the claims team, who decide case by case.`,
  ],
  (p) => [
    'Transit damage',
    `We replace anything damaged on its way to the customer, provided we hear about it within ${p.d} days of the delivery date. Beyond ${p.d} days the agent escalates the report to the claims team rather than deciding it.`,
  ],
  (p) => [
    'Arrived in poor condition',
    `A product delivered cracked, dented or otherwise damaged earns a free replacement if the customer reports it in the first ${p.d} days after delivery. After that the report goes up to the claims team.`,
  ],
];

export const LATE_RULES: Rule<{ d: number }>[] = [
  (p) => [
    'Late delivery credit',
    `When an order is delivered ${p.d} or more days after its promised delivery date, the customer receives store credit as an apology. Smaller delays are regrettable but not compensated.`,
  ],
  (p) => [
    'Compensation for delays',
    `Customers whose parcel turns up at least ${p.d} days later than the date we promised are given store credit. For delays of fewer than ${p.d} days no compensation is offered.`,
  ],
  (p) => [
    'Missed delivery promise',
    `A delivery that misses the promised date by ${p.d} days or more earns a store credit; anything shorter is within our tolerance and the request is declined.`,
  ],
  (p) => [
    'Slow deliveries',
    `We credit the customer’s account (store credit, not cash) when delivery comes ${p.d} days or more after the promised day. Shorter delays do not qualify.`,
  ],
];

export const LOST_RULES: Rule<Record<string, never>>[] = [
  () => [
    'Lost parcels',
    'If the carrier’s tracking shows a parcel as lost, or as returned to our depot without reaching the customer, we refund the order in full.',
  ],
  () => [
    'Parcels that never arrive',
    'A parcel the courier reports as lost in transit, or sends back to our warehouse undelivered, is refunded to the customer in full.',
  ],
  () => [
    'Undelivered orders',
    'Where tracking confirms the order never reached the customer (lost by the carrier, or returned to sender), the customer gets a full refund.',
  ],
  () => [
    'Missing in the network',
    'Orders the carrier has declared lost, or that came back to us undelivered, are refunded in full without further checks.',
  ],
];

export const DNR_RULES: Rule<Record<string, never>>[] = [
  () => [
    'Delivered but not received',
    'If tracking shows a parcel as delivered but the customer says it never came, the case is escalated to our delivery investigations team. Do not refund or replace until they have reported.',
  ],
  () => [
    'Disputed deliveries',
    'A customer who reports a parcel missing that the courier marked as delivered is referred to delivery investigations; agents neither refund nor resend it themselves.',
  ],
  () => [
    'Marked delivered, not found',
    'When the courier’s record says delivered and the customer disagrees, escalate to the investigations team with the tracking details; no refund or replacement is given at this stage.',
  ],
  () => [
    'Proof-of-delivery disputes',
    'Claims that a delivered parcel was not received go to the investigations team, which checks the courier’s proof of delivery before anything is refunded or replaced.',
  ],
];

export const WARRANTY_RULES: Rule<{ cats: string; m: number }>[] = [
  (p) => [
    `Warranty: ${p.cats}`,
    `${cap(p.cats)} carry a ${p.m}-month warranty from delivery. A fault that appears within that time is resolved with a replacement; faults after ${p.m} months are not covered.`,
  ],
  (p) => [
    `Guarantee on ${p.cats}`,
    `We guarantee ${p.cats} against manufacturing faults for ${p.m} months after delivery and replace a faulty unit in that period. Once the ${p.m} months are over, the guarantee has ended and we decline.`,
  ],
  (p) => [
    `Faulty ${p.cats}`,
    `A ${p.cats} product that stops working through no fault of the customer within ${p.m} months of delivery is replaced. After ${p.m} months we cannot help under warranty.`,
  ],
  (p) => [
    `${cap(p.cats)} — defects`,
    `Defects in ${p.cats} are covered for ${p.m} months from the delivery date: the customer receives a replacement. Defects that show up later are outside the warranty and the claim is refused.`,
  ],
];

export const SUBSCRIPTION_RULES: Rule<{ d: number }>[] = [
  (p) => [
    'Cancelling a subscription',
    `A subscription can be cancelled at any time. The latest renewal charge is refunded only if the customer cancels within ${p.d} days of being charged; otherwise the plan runs to the end of the paid period and no refund is due.`,
  ],
  (p) => [
    'Subscription cancellations and refunds',
    `Customers may stop a subscription whenever they like. If they ask within ${p.d} days of a renewal payment we refund that payment; later than that, the refund is declined and the plan ends at the close of the period.`,
  ],
  (p) => [
    'Ending a plan',
    `On cancellation we refund the most recent renewal only when the request comes no more than ${p.d} days after the charge. Otherwise no money is returned and the service simply stops at the end of the period already paid.`,
  ],
  (p) => [
    'Stopping recurring orders',
    `Recurring orders can be stopped at any point; the last charge comes back to the customer if they stop within ${p.d} days of it, and is kept if they stop later.`,
  ],
];

export const HIGH_VALUE_RULES: Rule<{ v: number }>[] = [
  (p) => [
    'High-value refunds',
    `Any refund above £${p.v} needs a supervisor’s sign-off: the agent escalates it instead of refunding. Replacements and store credit are not affected.`,
  ],
  (p) => [
    'Refunds needing approval',
    `Agents may refund up to £${p.v} on their own. A refund that would be larger than £${p.v} is escalated to a supervisor. This limit applies to refunds only.`,
  ],
  (p) => [
    'Refund authority limit',
    `The front-line refund limit is £${p.v}. Where a refund is due on an order worth more than £${p.v}, escalate it; do not refund it yourself.`,
  ],
  (p) => [
    'Large refunds',
    `Refunds over £${p.v} are never issued by the first agent: they go to a supervisor for approval. Other outcomes (replacements, credit) stay with the agent.`,
  ],
];

function cap(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

// ---------------------------------------------------------------------------------------------
// Customer messages

export type Intent = 'change_of_mind' | 'damaged' | 'late' | 'defect' | 'missing' | 'subscription';

/** What the customer says happened, per intent: `{it}` is how they refer to the item or order. */
export const INTENT_FRAMES: Record<Intent, string[]> = {
  change_of_mind: [
    'I’ve changed my mind about {it} and would like to send it back for my money.',
    'turns out I don’t need {it} after all. It’s still in the box, never used. Can I return it for a refund?',
    'I ordered {it} but it isn’t really what I was after, so I’d like a refund please. Nothing wrong with it.',
    '{it} just doesn’t suit our place, honestly. Unopened. How do I get my money back?',
    'my partner bought the same thing the same week, so {it} is surplus. I’d like to return it and be refunded.',
    'having second thoughts about {it} — it works perfectly well, I just don’t want it any more. Refund?',
    'I would like to return {it}; it was an impulse buy and I regret it. It has not been used.',
    '{it} is perfectly fine, I simply no longer have a use for it. Please take it back and refund me.',
    'we decided to go with a different brand, so {it} is going back unopened. Please refund.',
  ],
  damaged: [
    '{it} arrived broken — the box was crushed and the thing inside is cracked.',
    'when I unpacked {it} there was a big dent in it and a part snapped off. It must have happened in transit.',
    '{it} came smashed. The courier clearly dropped it, the carton was caved in.',
    'I opened {it} and found it scratched and split down one side, straight out of the parcel.',
    'the parcel with {it} turned up soaked and torn, and the item itself is damaged.',
    'sadly {it} was in pieces when it got here, I haven’t even been able to use it.',
    '{it} was delivered with a shattered panel; the outer packaging was ripped open.',
    'there’s a crack right across {it} and it rattles — it was like that out of the box.',
    'the delivery driver handed me {it} with the corner bashed in and it is bent inside.',
  ],
  late: [
    '{it} eventually turned up but well after the date you promised. I’d like some compensation for the wait.',
    '{it} arrived days late, which was a real nuisance as I needed it. Is there anything you can offer?',
    'you gave me a delivery date for {it} and missed it. It has now arrived but I expect something for the delay.',
    'I waited and waited for {it}. It finally came, but much later than promised — can I get a goodwill gesture?',
    'just to say {it} was late. It’s here now and fine, but I was promised an earlier date. What will you do about it?',
    '{it} came in the end but long after the promised day and I had to make other plans. Some credit would be fair.',
    'the delivery of {it} was slower than you said it would be. It did come, but I’d like to claim for the delay.',
    'I was told {it} would be with me by a certain date and it wasn’t. Now that it has come, I want compensating.',
    '{it} has finally landed, way past your estimate. Do you offer anything for late deliveries?',
  ],
  defect: [
    '{it} has stopped working. It was fine at first but now won’t switch on at all.',
    '{it} developed a fault — it keeps cutting out after a few minutes of use.',
    'after using {it} normally for a while it just died. No drops, no spills. Can it be replaced?',
    '{it} started making a grinding noise and now it doesn’t work. I’ve looked after it.',
    '{it} now only works if I hold the button in, and then cuts out again. I haven’t damaged it.',
    '{it} has gone faulty: it worked when it arrived but has packed up since.',
    'a part of {it} has failed on its own — it was working fine until last week.',
    'I’ve been using {it} carefully but something inside has broken and it no longer does its job.',
    '{it} is defective. It worked for a bit and then gave up completely.',
  ],
  missing: [
    'I never received {it}. Nothing came, nothing left with neighbours, no card.',
    '{it} has not arrived. Where is it? I’d like this sorted.',
    'I’m still waiting for {it} and there’s no sign of it anywhere.',
    '{it} never showed up at my door. What’s happening?',
    'no parcel with {it} has reached me. I’ve checked with the neighbours and the porch.',
    'I haven’t had {it} at all. Can you look into where it went?',
    'there is still no {it} here, and I have been home all week.',
    '{it} seems to have vanished — it never got to me.',
    'not a single delivery of {it} has reached my address.',
  ],
  subscription: [
    'please cancel {it} and refund the latest payment.',
    'I’d like to stop {it}. You’ve just charged me again and I want that money back.',
    'can you end {it}? I don’t want to carry on, and please refund this month’s charge.',
    'I want out of {it}. Kindly cancel it and return the last renewal payment.',
    'time to cancel {it} for me. I noticed the new charge and would like it reversed.',
    'please terminate {it} and give me back what you took for the current period.',
    'I’m finished with {it}; cancel it and refund the renewal please.',
    'I forgot to cancel {it} before it renewed. Please cancel now and refund the charge.',
    'stop {it} immediately please, and I want the most recent charge refunded.',
  ],
};

/** A sentence that names another intent and sets it aside (a distractor), per intent it denies. */
export const ASIDE_FRAMES: Record<Intent, string[]> = {
  change_of_mind: [
    'It’s not that I’ve gone off it.',
    'I’m not just changing my mind here.',
    'I would have kept it happily otherwise.',
  ],
  damaged: [
    'It arrived in perfect condition, to be fair.',
    'The packaging was fine when it came.',
    'Nothing was broken on arrival.',
  ],
  late: [
    'Delivery was quick, no complaints there.',
    'It came on the promised day.',
    'Timing wasn’t an issue.',
  ],
  defect: ['It isn’t faulty as such.', 'Nothing wrong with how it works.', 'It works fine.'],
  missing: ['It did arrive, that’s not the problem.', 'The parcel came.', 'I have it here.'],
  subscription: [
    'I’m not cancelling anything else.',
    'My subscriptions can stay as they are.',
    'This isn’t about my plan.',
  ],
};

export const OPENERS: string[] = [
  'Hi,',
  'Hello there,',
  'Good morning,',
  'Hi team,',
  'To whom it may concern,',
  'Hey,',
  'Dear support,',
  'Evening,',
  'Hello,',
];
export const CLOSINGS: string[] = [
  'Thanks, {name}',
  'Regards, {name}',
  'Cheers, {first}',
  'Many thanks — {name}',
  'Best, {first}',
  '{name}',
  'Thank you. {first}',
  'Kind regards, {name}',
  'Ta, {first}',
];

/** How a message names an order it has the id of. */
export const NAMED_REFS: string[] = [
  '{ref} (order {id})',
  '{ref} from order {id}',
  '{ref}, order {id}',
  '{ref} (order number {id})',
  '{ref} — ref {id}',
  '{ref} ({id})',
  '{ref} on order {id}',
  '{ref}, order no. {id}',
  '{ref} from my order {id}',
];

/** How a message describes an order without its id: `{ref}` the item, `{when}` roughly when. */
export const DESCRIBED_REFS: string[] = [
  '{ref} I bought {when}',
  '{ref} I ordered {when}',
  '{ref} I got {when}',
  '{ref} (ordered {when})',
  '{ref} that I got from you {when}',
  '{ref} I picked up from your site {when}',
  '{ref} — the one I paid for {when}',
  '{ref}, purchased {when}',
  '{ref} bought {when}',
];

/** Unrelated asides that mention another order of the customer's (distractor ids). */
export const OTHER_ORDER_FRAMES: string[] = [
  'My other order {other} was fine, by the way.',
  '(Not to be confused with {other}, which is all good.)',
  'I also had {other} from you recently with no trouble.',
  'PS: {other} arrived OK.',
  'Ignore {other} on my account, that one is sorted.',
  'This is nothing to do with {other}.',
  'Separate from {other}, which I’m happy with.',
  '{other} is fine, it’s only this one.',
  'For the record, {other} needs nothing.',
];

// ---------------------------------------------------------------------------------------------
// Order records

export interface OrderView {
  placed: string;
  item: string;
  category: string;
  price: string;
  finalSale: boolean;
  promised: string;
  events: string;
  status: string;
}

/** Layouts of an order's summary (family list). */
export const ORDER_LAYOUTS: ((o: OrderView) => string)[] = [
  (o) =>
    `Placed ${o.placed}. 1 × ${o.item} (${o.category}), ${o.price}${o.finalSale ? ', final sale' : ''}. Promised by ${o.promised}. Tracking: ${o.events}. Status: ${o.status}.`,
  (o) =>
    `${o.item} — ${o.category} — ${o.price}${o.finalSale ? ' (clearance, final sale)' : ''}. Ordered ${o.placed}, due ${o.promised}. ${o.events}. Current status: ${o.status}.`,
  (o) =>
    `Order of ${o.placed} for one ${o.item} in ${o.category} at ${o.price}${o.finalSale ? ', sold as final sale' : ''}; delivery promised for ${o.promised}; courier log: ${o.events}; now ${o.status}.`,
  (o) =>
    `Item: ${o.item}. Department: ${o.category}. Paid ${o.price}.${o.finalSale ? ' Final-sale clearance line.' : ''} Placed on ${o.placed} with a delivery promise of ${o.promised}. Shipment history: ${o.events}. State: ${o.status}.`,
  (o) =>
    `${o.placed}: ${o.item} ordered (${o.category}, ${o.price}${o.finalSale ? ', final sale — no change-of-mind returns' : ''}). Expected ${o.promised}. Courier: ${o.events}. Order is ${o.status}.`,
  (o) =>
    `Customer bought ${o.item} for ${o.price} on ${o.placed} [${o.category}]${o.finalSale ? ' [FINAL SALE]' : ''}. Promise date ${o.promised}. Events — ${o.events}. Closed as ${o.status}.`,
];

export interface SubscriptionView {
  started: string;
  plan: string;
  price: string;
  charged: string;
}

export const SUBSCRIPTION_LAYOUTS: ((s: SubscriptionView) => string)[] = [
  (s) =>
    `Subscription: ${s.plan}, ${s.price} a month, started ${s.started}. Latest renewal charged ${s.charged}. Status: active.`,
  (s) =>
    `${s.plan} at ${s.price} monthly since ${s.started}; last renewal payment taken ${s.charged}; active.`,
  (s) =>
    `Recurring plan (${s.plan}) — ${s.price} per month — began ${s.started}. Renewal billed ${s.charged}. Active.`,
  (s) =>
    `Plan ${s.plan}; monthly ${s.price}; first charge ${s.started}; most recent charge ${s.charged}; state active.`,
  (s) =>
    `Started ${s.started}: ${s.plan}. Charges ${s.price} each month, the last on ${s.charged}. Still running.`,
  (s) =>
    `${s.plan} (subscription). ${s.price}/month. Joined ${s.started}; renewed ${s.charged}. Active plan.`,
];

/** Shipment event wordings: `{d}` a date, `{hub}`, `{carrier}`. */
export const EVENT_WORDS = {
  dispatched: [
    'dispatched from {hub} on {d}',
    '{d} left the {hub} warehouse',
    'shipped {d} from {hub}',
    '{d}: handed to the courier at {hub}',
    'packed and sent from {hub} on {d}',
    '{d} despatched ({hub})',
  ],
  transit: [
    '{d} in transit with {carrier}',
    'with {carrier} on {d}',
    '{d} at the {carrier} sorting centre',
    '{carrier} scanned it on {d}',
    'moving through the {carrier} network {d}',
    '{d} {carrier} hub scan',
  ],
  depot: [
    '{d} arrived at the local {carrier} depot',
    'at the delivery depot {d}',
    '{d} reached the {carrier} delivery office',
    '{d}: sorted at the local depot',
    'local depot scan {d}',
    '{d} {carrier} depot, awaiting a van',
  ],
  out: [
    '{d} out for delivery',
    'on the van {d}',
    '{d} with the driver for delivery',
    'out with the {carrier} driver on {d}',
    '{d} loaded for delivery',
    '{d} out for delivery ({carrier})',
  ],
  delivered: [
    '{d} delivered, left in porch',
    'delivered {d}, signed for',
    '{d} handed to customer',
    'delivered on {d} to a neighbour',
    '{d}: delivered, photo taken at the door',
    'proof of delivery {d}',
  ],
  lost: [
    '{d} {carrier} reports the parcel lost',
    '{d} declared missing by {carrier}',
    'lost in the {carrier} network ({d})',
    '{carrier} could not trace it after {d}',
    '{d} parcel lost in transit',
    '{d} {carrier}: item untraceable',
  ],
  returned: [
    '{d} returned to our depot undelivered',
    'sent back to sender {d}',
    '{d} back at our warehouse, not delivered',
    'came back to us undelivered on {d}',
    '{d} returned to {hub}',
    '{d} undeliverable, back with us',
  ],
};

export const STATUS_WORDS = {
  delivered: ['delivered', 'complete', 'delivered and closed'],
  lost: ['lost in transit', 'carrier lost', 'missing'],
  returned: ['returned to sender', 'back in stock', 'returned undelivered'],
};
