import type { CaseSet, Generate, Rng } from '@reps/engine';
import { capitalise, joinAnd, MONTHS, ordinal, SLIPS, slipTypo, WEEKDAYS } from '@reps/engine/generator-kit';
import {
  ASIDE_FRAMES,
  CARRIERS,
  CATEGORIES,
  type Category,
  type CategoryKey,
  CLOSINGS,
  DAMAGE_RULES,
  DESCRIBED_REFS,
  DNR_RULES,
  EVENT_WORDS,
  FILLER_CLAUSES,
  FINAL_SALE_RULES,
  FIRST,
  HIGH_VALUE_RULES,
  HUBS,
  INTENT_FRAMES,
  type Intent,
  LAST,
  LATE_RULES,
  LOST_RULES,
  MAIL_DOMAINS,
  NAMED_REFS,
  OPENERS,
  ORDER_LAYOUTS,
  OTHER_ORDER_FRAMES,
  RETURN_RULES,
  SECTION_TITLES,
  type SectionKey,
  STATUS_WORDS,
  SUBSCRIPTION_LAYOUTS,
  SUBSCRIPTION_RULES,
  SUBSCRIPTIONS,
  WARRANTY_RULES,
} from './data.js';

/**
 * An online shop's support inbox for one morning. Each case holds the shop's order store (80–150
 * orders, each a record with a prose summary: item, category, price, dates, courier events), its
 * policy handbook (20–40 clauses in sections, numbered per case, windows and limits per case) and
 * 10–14 customer messages. Each message concerns one order of its sender: many name the order id,
 * the others describe the item and roughly when it was bought. The right decision follows from
 * what the message says happened (paraphrased), the order record (dates, category, final sale,
 * courier events) and the one handbook clause it rests on, so the answer needs the message, one
 * order and one or two clauses: a few hundred tokens out of several thousand.
 *
 * Wording comes from families (handbook paraphrases, order layouts, event wordings, date styles,
 * message frames, item references); the public cases show a third of each and the hidden cases
 * draw from the others (set.families).
 */

interface Order {
  order_id: string;
  customer_email: string;
  placed: string;
  item: string;
  summary: string;
}
interface Clause {
  clause: string;
  title: string;
  text: string;
}
interface Message {
  message_id: string;
  from: string;
  received: string;
  text: string;
}
interface Input {
  orders: Order[];
  handbook: Clause[];
  messages: Message[];
}
type Decision = 'refund' | 'replacement' | 'store_credit' | 'deny' | 'escalate';
interface Resolution {
  message_id: string;
  decision: Decision;
  order_id: string;
  clause: string;
}
interface Expected {
  resolutions: Resolution[];
}

/** Days since 2024-01-01 (day 0) as a calendar date. */
function calendar(day: number): { y: number; m: number; d: number; wd: number } {
  const at = new Date(Date.UTC(2024, 0, 1) + day * 86_400_000);
  return { y: at.getUTCFullYear(), m: at.getUTCMonth(), d: at.getUTCDate(), wd: at.getUTCDay() };
}
const iso = (day: number) => {
  const c = calendar(day);
  return `${c.y}-${String(c.m + 1).padStart(2, '0')}-${String(c.d).padStart(2, '0')}`;
};
const DATE_STYLES: ((day: number) => string)[] = [
  (day) => {
    const c = calendar(day);
    return `${c.d} ${MONTHS[c.m]} ${c.y}`;
  },
  iso,
  (day) => {
    const c = calendar(day);
    return `${MONTHS[c.m]!.slice(0, 3)} ${c.d}, ${c.y}`;
  },
  (day) => {
    const c = calendar(day);
    return `${String(c.d).padStart(2, '0')}/${String(c.m + 1).padStart(2, '0')}/${c.y}`;
  },
  (day) => {
    const c = calendar(day);
    return `${WEEKDAYS[(c.wd + 6) % 7]} ${ordinal(c.d)} ${MONTHS[c.m]} ${c.y}`;
  },
  (day) => {
    const c = calendar(day);
    return `${c.d}.${c.m + 1}.${String(c.y).slice(2)}`;
  },
];
/** How a customer says roughly when they bought something. */
const WHEN_STYLES: ((day: number) => string)[] = [
  (day) => `in ${MONTHS[calendar(day).m]}`,
  (day) => `on ${ordinal(calendar(day).d)} ${MONTHS[calendar(day).m]}`,
  (day) => `back in ${MONTHS[calendar(day).m]}`,
  (day) => {
    const d = calendar(day).d;
    return `in ${d <= 10 ? 'early' : d <= 20 ? 'mid' : 'late'} ${MONTHS[calendar(day).m]}`;
  },
  (day) => `around the ${ordinal(calendar(day).d)} of ${MONTHS[calendar(day).m]}`,
  (day) => `in the week of ${calendar(day).d} ${MONTHS[calendar(day).m]!.slice(0, 3)}`,
];

const money = (n: number) => `£${n.toFixed(2)}`;
const fill = (frame: string, values: Record<string, string>) =>
  frame.replace(/\{(\w+)\}/g, (_, key: string) => values[key] ?? `{${key}}`);

/** The shop's rules for one case: windows and limits differ between cases, like shops differ. */
interface Terms {
  categories: Category[];
  label: Record<CategoryKey, string>;
  returnDays: Record<string, number>;
  returnClause: Record<string, string>;
  warrantyMonths: Record<string, number>;
  warrantyClause: Record<string, string>;
  damageDays: number;
  lateDays: number;
  subscriptionDays: number;
  highValue: number;
  clause: {
    finalSale: string;
    damage: string;
    late: string;
    lost: string;
    dnr: string;
    subscription: string;
    highValue: string;
  };
  /** Clause id → its text (the evidence span). */
  text: Record<string, string>;
}

const POWERED: CategoryKey[] = ['kitchen', 'electronics', 'beauty'];

function partition<T>(rng: Rng, items: readonly T[], groups: number): T[][] {
  const shuffled = rng.shuffle(items);
  const out: T[][] = Array.from({ length: groups }, () => []);
  shuffled.forEach((item, i) => {
    out[i < groups ? i : rng.int(0, groups - 1)]!.push(item);
  });
  return out;
}

function handbook(rng: Rng, set: CaseSet): { terms: Terms; clauses: Clause[] } {
  const categories = [
    ...CATEGORIES.filter((c) => POWERED.includes(c.key)),
    ...rng.sample(
      CATEGORIES.filter((c) => !POWERED.includes(c.key)),
      rng.int(3, 5),
    ),
  ];
  const label = {} as Record<CategoryKey, string>;
  for (const c of categories)
    label[c.key] = rng.pick(set.families(`label-${c.key}`, c.labels, { public: 1 }));
  const rules: { section: SectionKey; key: string; title: string; text: string }[] = [];
  const add = (section: SectionKey, key: string, [title, text]: [string, string]) =>
    rules.push({ section, key, title, text });
  const pickRule = <P>(name: string, all: readonly ((p: P) => [string, string])[], p: P) =>
    rng.pick(set.families(name, all, { public: 2, hidden: 2 }))(p);
  const names = (keys: CategoryKey[]) => joinAnd(keys.map((k) => label[k]));

  const returnDays: Record<string, number> = {};
  const returnGroups = partition(rng, categories, rng.int(2, 3));
  const returnWindows = rng.sample([14, 21, 28, 30, 45, 60, 90], returnGroups.length);
  returnGroups.forEach((group, i) => {
    for (const c of group) returnDays[c.key] = returnWindows[i]!;
    add(
      'returns',
      `return:${i}`,
      pickRule('return-rules', RETURN_RULES, { cats: names(group.map((c) => c.key)), d: returnWindows[i]! }),
    );
  });
  add('returns', 'finalSale', pickRule('final-sale-rules', FINAL_SALE_RULES, {}));
  const damageDays = rng.pick([3, 5, 7, 10, 14]);
  add('delivery', 'damage', pickRule('damage-rules', DAMAGE_RULES, { d: damageDays }));
  const lateDays = rng.pick([2, 3, 4, 5]);
  add('delivery', 'late', pickRule('late-rules', LATE_RULES, { d: lateDays }));
  add('delivery', 'lost', pickRule('lost-rules', LOST_RULES, {}));
  add('delivery', 'dnr', pickRule('dnr-rules', DNR_RULES, {}));
  const warrantyMonths: Record<string, number> = {};
  const warrantyGroups = partition(rng, categories, 2);
  const months = rng.sample([6, 12, 18, 24, 36], 2);
  warrantyGroups.forEach((group, i) => {
    for (const c of group) warrantyMonths[c.key] = months[i]!;
    add(
      'warranty',
      `warranty:${i}`,
      pickRule('warranty-rules', WARRANTY_RULES, { cats: names(group.map((c) => c.key)), m: months[i]! }),
    );
  });
  const subscriptionDays = rng.pick([3, 5, 7, 14]);
  add(
    'subscriptions',
    'subscription',
    pickRule('subscription-rules', SUBSCRIPTION_RULES, { d: subscriptionDays }),
  );
  const highValue = rng.pick([250, 300, 400, 500]);
  add('general', 'highValue', pickRule('high-value-rules', HIGH_VALUE_RULES, { v: highValue }));
  for (const filler of rng.sample(
    FILLER_CLAUSES,
    rng.int(20 - rules.length, Math.min(FILLER_CLAUSES.length, 40 - rules.length)),
  ))
    rules.push({
      section: filler.section,
      key: `filler:${filler.title}`,
      title: filler.title,
      text: filler.text,
    });

  // Sections in a per-case order, clauses shuffled inside each: the numbering says nothing.
  const prefix = rng.pick(
    set.families('clause-prefix', ['HB-', 'P', 'R', '§', 'CS-', 'Rule '], { public: 2, hidden: 2 }),
  );
  const sections = rng.shuffle([
    'returns',
    'delivery',
    'warranty',
    'subscriptions',
    'general',
  ] as SectionKey[]);
  const clauses: Clause[] = [];
  const idOf: Record<string, string> = {};
  const text: Record<string, string> = {};
  sections.forEach((section, s) => {
    const heading = rng.pick(set.families(`section-${section}`, SECTION_TITLES[section], { public: 1 }));
    rng.shuffle(rules.filter((r) => r.section === section)).forEach((rule, n) => {
      const clause = `${prefix}${s + 1}.${n + 1}`;
      idOf[rule.key] = clause;
      text[clause] = rule.text;
      clauses.push({ clause, title: `${heading} — ${rule.title}`, text: rule.text });
    });
  });
  const returnClause: Record<string, string> = {};
  returnGroups.forEach((group, i) => {
    for (const c of group) returnClause[c.key] = idOf[`return:${i}`]!;
  });
  const warrantyClause: Record<string, string> = {};
  warrantyGroups.forEach((group, i) => {
    for (const c of group) warrantyClause[c.key] = idOf[`warranty:${i}`]!;
  });
  return {
    clauses,
    terms: {
      categories,
      label,
      returnDays,
      returnClause,
      warrantyMonths,
      warrantyClause,
      damageDays,
      lateDays,
      subscriptionDays,
      highValue,
      clause: {
        finalSale: idOf.finalSale!,
        damage: idOf.damage!,
        late: idOf.late!,
        lost: idOf.lost!,
        dnr: idOf.dnr!,
        subscription: idOf.subscription!,
        highValue: idOf.highValue!,
      },
      text,
    },
  };
}

/** The wording of this case's order records. */
interface Style {
  date: (day: number) => string;
  layout: (typeof ORDER_LAYOUTS)[number];
  subscriptionLayout: (typeof SUBSCRIPTION_LAYOUTS)[number];
  events: { [K in keyof typeof EVENT_WORDS]: string[] };
}

function style(rng: Rng, set: CaseSet): Style {
  const events = {} as Style['events'];
  for (const key of Object.keys(EVENT_WORDS) as (keyof typeof EVENT_WORDS)[])
    events[key] = set.families(`event-${key}`, EVENT_WORDS[key], { public: 2, hidden: 3 });
  return {
    date: rng.pick(set.families('date-styles', DATE_STYLES, { public: 2, hidden: 3 })),
    layout: rng.pick(set.families('order-layouts', ORDER_LAYOUTS, { public: 2, hidden: 3 })),
    subscriptionLayout: rng.pick(
      set.families('subscription-layouts', SUBSCRIPTION_LAYOUTS, { public: 2, hidden: 3 }),
    ),
    events,
  };
}

type Fate = 'delivered' | 'lost' | 'returned';

interface Shipment {
  category: Category;
  item: string;
  refs: string[];
  price: number;
  finalSale: boolean;
  placed: number;
  promised: number;
  /** The day of the last event: delivery, the loss, or the return to the depot. */
  end: number;
  fate: Fate;
}
interface Plan {
  subscription: boolean;
  item: string;
  refs: string[];
  price: number;
  placed: number;
  summary: string;
}

function shipmentSummary(rng: Rng, st: Style, terms: Terms, s: Shipment): string {
  const hub = rng.pick(HUBS);
  const carrier = rng.pick(CARRIERS);
  const event = (kind: keyof Style['events'], day: number) =>
    fill(rng.pick(st.events[kind]), { d: st.date(day), hub, carrier });
  const dispatched = Math.min(s.placed + rng.int(0, 1), s.end - 1);
  const steps = [event('dispatched', dispatched)];
  if (s.end - dispatched >= 2) steps.push(event('transit', rng.int(dispatched + 1, s.end - 1)));
  if (s.fate !== 'returned' && s.end - dispatched >= 3 && rng.chance(0.6))
    steps.push(event('depot', s.end - 1));
  if (s.fate === 'delivered' && rng.chance(0.6)) steps.push(event('out', s.end));
  steps.push(event(s.fate, s.end));
  return st.layout({
    placed: st.date(s.placed),
    item: s.item,
    category: terms.label[s.category.key],
    price: money(s.price),
    finalSale: s.finalSale,
    promised: st.date(s.promised),
    events: steps.join('; '),
    status: rng.pick(STATUS_WORDS[s.fate]),
  });
}

function priceIn(rng: Rng, [low, high]: [number, number]): number {
  return rng.int(low, high) + rng.pick([0, 0.49, 0.95, 0.99]);
}

/** A physical order placed so that it ends (delivered, lost, returned) on day `end`. */
function shipment(
  rng: Rng,
  terms: Terms,
  category: Category,
  end: number,
  fate: Fate,
  lateBy?: number,
): Shipment {
  const item = rng.pick(category.items);
  const transit = rng.int(2, 5);
  const delay = lateBy ?? (rng.chance(0.8) ? rng.int(-1, 0) : rng.int(1, terms.lateDays + 3));
  const promised = end - delay;
  return {
    category,
    item: item.name,
    refs: item.refs,
    price: priceIn(rng, item.price),
    finalSale: rng.chance(0.12),
    placed: Math.min(promised - transit, end - 2),
    promised,
    end,
    fate,
  };
}

interface Outcome {
  decision: Decision;
  clause: string;
  /** Clauses the decision rests on (the deciding one first). */
  clauses: string[];
}

interface Built {
  plan: Plan;
  intent: Intent;
  outcome: Outcome;
}

/** The order a message is about, placed so that the wanted outcome follows from the rules. */
function messageOrder(rng: Rng, st: Style, terms: Terms, received: number): Built {
  const intent = rng.weighted<Intent>(
    ['change_of_mind', 'damaged', 'late', 'defect', 'missing', 'subscription'],
    [24, 18, 14, 18, 14, 12],
  );
  const t = terms;
  if (intent === 'subscription') {
    const sub = rng.pick(SUBSCRIPTIONS);
    const inWindow = rng.chance(0.5);
    const charged =
      received - (inWindow ? rng.int(0, t.subscriptionDays - 1) : t.subscriptionDays + rng.int(1, 20));
    const started = charged - 30 * rng.int(1, 10);
    const price = priceIn(rng, sub.price);
    const summary = st.subscriptionLayout({
      plan: sub.name,
      price: money(price),
      started: st.date(started),
      charged: st.date(charged),
    });
    return {
      plan: { subscription: true, item: sub.name, refs: sub.refs, price, placed: started, summary },
      intent,
      outcome: {
        decision: inWindow ? 'refund' : 'deny',
        clause: t.clause.subscription,
        clauses: [t.clause.subscription],
      },
    };
  }
  const pool = intent === 'defect' ? t.categories.filter((c) => POWERED.includes(c.key)) : t.categories;
  const category = rng.pick(pool);
  let s: Shipment;
  let outcome: Outcome;
  const refund = (price: number, clause: string): Outcome =>
    price > t.highValue
      ? { decision: 'escalate', clause: t.clause.highValue, clauses: [t.clause.highValue, clause] }
      : { decision: 'refund', clause, clauses: [clause] };
  if (intent === 'change_of_mind') {
    const window = t.returnDays[category.key]!;
    const inWindow = rng.chance(0.55);
    const since = inWindow ? rng.int(1, window - 1) : window + rng.int(1, 40);
    s = shipment(rng, t, category, received - since, 'delivered');
    if (s.finalSale)
      outcome = { decision: 'deny', clause: t.clause.finalSale, clauses: [t.clause.finalSale] };
    else if (inWindow) outcome = refund(s.price, t.returnClause[category.key]!);
    else
      outcome = {
        decision: 'deny',
        clause: t.returnClause[category.key]!,
        clauses: [t.returnClause[category.key]!],
      };
  } else if (intent === 'damaged') {
    const inWindow = rng.chance(0.6);
    const since = inWindow ? rng.int(0, t.damageDays - 1) : t.damageDays + rng.int(1, 30);
    s = shipment(rng, t, category, received - since, 'delivered');
    outcome = {
      decision: inWindow ? 'replacement' : 'escalate',
      clause: t.clause.damage,
      clauses: [t.clause.damage],
    };
  } else if (intent === 'late') {
    const credit = rng.chance(0.55);
    const lateBy = credit ? t.lateDays + rng.int(0, 6) : rng.int(1, t.lateDays - 1);
    s = shipment(rng, t, category, received - rng.int(0, 6), 'delivered', lateBy);
    outcome = { decision: credit ? 'store_credit' : 'deny', clause: t.clause.late, clauses: [t.clause.late] };
  } else if (intent === 'defect') {
    const months = t.warrantyMonths[category.key]!;
    const covered = rng.chance(0.55);
    const since = covered ? rng.int(20, months * 30 - 12) : months * 31 + rng.int(10, 120);
    s = shipment(rng, t, category, received - since, 'delivered');
    outcome = {
      decision: covered ? 'replacement' : 'deny',
      clause: t.warrantyClause[category.key]!,
      clauses: [t.warrantyClause[category.key]!],
    };
  } else {
    const fate = rng.pick<Fate>(['delivered', 'lost', 'returned', 'delivered']);
    s = shipment(rng, t, category, received - rng.int(1, 8), fate, fate === 'delivered' ? undefined : 0);
    outcome =
      fate === 'delivered'
        ? { decision: 'escalate', clause: t.clause.dnr, clauses: [t.clause.dnr] }
        : refund(s.price, t.clause.lost);
  }
  return {
    plan: {
      subscription: false,
      item: s.item,
      refs: s.refs,
      price: s.price,
      placed: s.placed,
      summary: shipmentSummary(rng, st, t, s),
    },
    intent,
    outcome,
  };
}

/** An order no message is about: the store's other traffic. */
function backgroundOrder(rng: Rng, st: Style, terms: Terms, today: number): Plan {
  if (rng.chance(0.08)) {
    const sub = rng.pick(SUBSCRIPTIONS);
    const charged = today - rng.int(0, 29);
    const started = charged - 30 * rng.int(0, 12);
    const price = priceIn(rng, sub.price);
    const summary = st.subscriptionLayout({
      plan: sub.name,
      price: money(price),
      started: st.date(started),
      charged: st.date(charged),
    });
    return { subscription: true, item: sub.name, refs: sub.refs, price, placed: started, summary };
  }
  const fate = rng.weighted<Fate>(['delivered', 'lost', 'returned'], [90, 5, 5]);
  const s = shipment(rng, terms, rng.pick(terms.categories), today - rng.int(1, 400), fate);
  return {
    subscription: false,
    item: s.item,
    refs: s.refs,
    price: s.price,
    placed: s.placed,
    summary: shipmentSummary(rng, st, terms, s),
  };
}

interface Wording {
  intents: Record<Intent, string[]>;
  asides: Record<Intent, string[]>;
  named: string[];
  described: string[];
  when: ((day: number) => string)[];
  others: string[];
  openers: string[];
  closings: string[];
  slips: typeof SLIPS;
}

function wording(set: CaseSet): Wording {
  const intents = {} as Record<Intent, string[]>;
  const asides = {} as Record<Intent, string[]>;
  for (const intent of Object.keys(INTENT_FRAMES) as Intent[]) {
    intents[intent] = set.families(`intent-${intent}`, INTENT_FRAMES[intent], { public: 3, hidden: 4 });
    asides[intent] = set.families(`aside-${intent}`, ASIDE_FRAMES[intent], { public: 1, hidden: 1 });
  }
  return {
    intents,
    asides,
    named: set.families('named-refs', NAMED_REFS, { public: 3, hidden: 4 }),
    described: set.families('described-refs', DESCRIBED_REFS, { public: 3, hidden: 4 }),
    when: set.families('when-styles', WHEN_STYLES, { public: 2, hidden: 3 }),
    others: set.families('other-orders', OTHER_ORDER_FRAMES, { public: 3, hidden: 4 }),
    openers: set.families('openers', OPENERS, { public: 3, hidden: 4 }),
    closings: set.families('closings', CLOSINGS, { public: 3, hidden: 4 }),
    slips: set.families('slips', SLIPS, { public: 1, hidden: 2 }),
  };
}

const ASIDE_FOR: Record<Intent, Intent[]> = {
  change_of_mind: ['damaged', 'defect', 'late'],
  damaged: ['late', 'change_of_mind'],
  late: ['damaged', 'defect', 'change_of_mind'],
  defect: ['damaged', 'change_of_mind', 'late'],
  missing: ['change_of_mind'],
  subscription: [],
};

export const generate: Generate<Input, Expected> = (rng, index, set) => {
  const { terms, clauses } = handbook(rng, set);
  const st = style(rng, set);
  const w = wording(set);
  const today = rng.int(120, 330);
  const messageCount = rng.int(10, 14);
  const orderCount = rng.int(80, 150);
  const emails = new Set<string>();
  const person = () => {
    for (;;) {
      const first = rng.pick(FIRST);
      const last = rng.pick(LAST);
      const email =
        `${rng.pick([`${first}.${last}`, `${first}${last[0]}`, `${first[0]}${last}`, `${first}_${last}`])}${rng.chance(0.4) ? rng.int(1, 99) : ''}@${rng.pick(MAIL_DOMAINS)}`.toLowerCase();
      if (!emails.has(email)) {
        emails.add(email);
        return { first, name: `${first} ${last}`, email };
      }
    }
  };
  const ids = new Set<string>();
  const orderId = () => {
    for (;;) {
      const id = `O-${rng.int(10000, 99999)}`;
      if (!ids.has(id)) {
        ids.add(id);
        return id;
      }
    }
  };

  const orders: (Order & { day: number })[] = [];
  const place = (plan: Plan, email: string): string => {
    const order_id = orderId();
    orders.push({
      order_id,
      customer_email: email,
      placed: iso(plan.placed),
      item: plan.item,
      summary: plan.summary,
      day: plan.placed,
    });
    return order_id;
  };

  const messages: Message[] = [];
  const resolutions: Resolution[] = [];
  const facts = [];
  const prefix = `MSG-${String(1000 + ((index * 37 + rng.int(0, 36)) % 9000))}`;
  for (let i = 0; i < messageCount; i++) {
    const who = person();
    const received = today - rng.int(0, 2);
    const built = messageOrder(rng, st, terms, received);
    // The sender's other orders: different items, so a description still points at one order.
    const others: { id: string; plan: Plan }[] = [];
    for (let k = rng.weighted([0, 1, 2, 3], [25, 35, 25, 15]); k > 0; k--) {
      const plan = backgroundOrder(rng, st, terms, today);
      if (plan.item === built.plan.item || others.some((o) => o.plan.item === plan.item)) continue;
      others.push({ id: '', plan });
    }
    const slots = rng.shuffle([built.plan, ...others.map((o) => o.plan)]);
    let order_id = '';
    for (const plan of slots) {
      const id = place(plan, who.email);
      if (plan === built.plan) order_id = id;
      else others.find((o) => o.plan === plan)!.id = id;
    }
    const named = others.length === 0 ? rng.chance(0.7) : rng.chance(0.55);
    const ref = rng.pick(set.families(`refs-${built.plan.item}`, built.plan.refs, { public: 1 }));
    const it = named
      ? fill(rng.pick(w.named), { id: order_id, ref })
      : fill(rng.pick(w.described), { ref, when: rng.pick(w.when)(built.plan.placed) });
    const parts = [rng.pick(w.openers)];
    parts.push(capitalise(fill(rng.pick(w.intents[built.intent]), { it })));
    const asideFrom = ASIDE_FOR[built.intent];
    if (asideFrom.length > 0 && rng.chance(0.35)) parts.push(rng.pick(w.asides[rng.pick(asideFrom)]));
    if (others.length > 0 && rng.chance(0.35))
      parts.push(fill(rng.pick(w.others), { other: rng.pick(others).id }));
    parts.push(fill(rng.pick(w.closings), { name: who.name, first: who.first }));
    let text = `${parts[0]}\n${parts.slice(1, -1).join(' ')}\n${parts[parts.length - 1]}`;
    if (rng.chance(0.4)) text = slipTypo(rng, text, w.slips);
    const message_id = `${prefix}-${String(i + 1).padStart(2, '0')}`;
    messages.push({ message_id, from: who.email, received: iso(received), text });
    const answers = { decision: built.outcome.decision, order_id, clause: built.outcome.clause };
    resolutions.push({ message_id, ...answers });
    const spans = [built.plan.summary, ...built.outcome.clauses.map((c) => terms.text[c]!)];
    const orderVia = named
      ? [{ words: ['order', 'orders', 'purchase', 'lookup'], arg: order_id }]
      : [
          { words: ['customer', 'email', 'orders'], arg: who.email },
          { words: ['order', 'orders', 'details'], arg: order_id },
        ];
    facts.push({
      id: message_id,
      text,
      answers,
      evidence: { decision: spans, clause: spans, order_id: [built.plan.summary] },
      sources: [
        { span: built.plan.summary, via: orderVia },
        ...built.outcome.clauses.map((c) => ({
          span: terms.text[c]!,
          via: [{ words: ['policy', 'handbook', 'clause', 'rules'], arg: c }],
        })),
      ],
    });
  }
  // The rest of the store: other customers' orders.
  while (orders.length < orderCount) {
    const who = person();
    for (let k = rng.int(1, 3); k > 0 && orders.length < orderCount; k--)
      place(backgroundOrder(rng, st, terms, today), who.email);
  }
  const store = orders
    .sort((a, b) => a.day - b.day || a.order_id.localeCompare(b.order_id))
    .map(({ day: _day, ...order }) => order);
  return { input: { orders: store, handbook: clauses, messages }, expected: { resolutions }, facts };
};
