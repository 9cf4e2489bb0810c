import type { CaseSet, Generate, GeneratorCase, Rng } from '@reps/engine';
import { MONTHS, round2 } from '@reps/engine/generator-kit';
import { ITEMS, type Item, VENDORS } from './data.js';

/**
 * A supplier invoice of 8–12 lines and the purchase ledger entries booked for that supplier over the
 * period: the invoice's own bookings plus bookings of the supplier's other invoices (earlier
 * deliveries, re-orders of the same goods, standing orders billed every month), often at exactly the
 * same amount as a line of this invoice. The ledger memo is written by an accounts clerk in their own
 * words, so a line and its booking rarely share wording: the clerk names the goods by their
 * purpose or cost category, sometimes cites the invoice (in many forms, or not at all), a month,
 * a goods-received note, and makes typos. Whether an entry belongs to this invoice rests on its memo:
 * a memo that ties it to another invoice or another month's delivery belongs to that one (brief.md).
 *
 * Wording comes in families (invoice phrasings, clerk vocabularies, reference styles, quantity
 * layouts, decoy notes); the public cases show the first of each and the hidden cases others.
 */

type Status = 'matched' | 'amount_mismatch' | 'missing_in_ledger';

interface InvoiceLine {
  line: number;
  description: string;
  amount: number;
}
interface LedgerEntry {
  entry: string;
  date: string;
  memo: string;
  amount: number;
}
interface LineResult {
  line: number;
  ledger_entry: string;
  status: Status;
  difference: number;
}
interface Output {
  lines: LineResult[];
  unmatched_ledger_entries: string[];
  totals: { invoice: number; booked: number; difference: number };
}

/** The brief's rule on which bookings belong to this invoice (an exact substring of brief.md). */
const BRIEF_RULE =
  'a memo that says the entry books\n  another invoice of the supplier, an earlier order or a delivery in another month books that\n  other invoice, even at the very amount of one of our lines';

function money(x: number): string {
  return x.toFixed(2);
}

/** How the supplier writes quantity and unit price after the goods. */
const QUANTITY_LAYOUTS: Array<(q: number, p: string) => string> = [
  (q, p) => `${q} × @ ${p}`,
  (q, p) => `qty ${q} at ${p} each`,
  (q, p) => `${q} units, unit price ${p}`,
  (q, p) => `${q} @ ${p}/ea`,
  (q, p) => `${q} pcs x ${p}`,
  (q, p) => `unit ${p}, quantity ${q}`,
  (q, p) => `Qty: ${q} | Price: ${p}`,
  (q, p) => `${q} off at ${p}`,
  (q, p) => `(${q} × ${p})`,
];

/** How a line says it repeats the goods of an earlier line. */
const REPEAT_FRAMES: Array<(n: number) => string> = [
  (n) => `same as line ${n}, second delivery`,
  (n) => `as line ${n} – further drop`,
  (n) => `repeat of item on line ${n}`,
  (n) => `ditto line ${n} (back-order now delivered)`,
  (n) => `see line ${n}; balance of that order`,
  (n) => `as per line ${n}, additional quantity`,
];

/** How a clerk cites an invoice number in a memo. */
const REF_STYLES: Array<(inv: string) => string> = [
  (inv) => inv,
  (inv) => `(ref ${inv})`,
  (inv) => `inv ${inv.split('-')[1]}`,
  (inv) => `supplier inv. no. ${inv.split('-')[1]}`,
  (inv) => `#${inv.split('-')[1]}`,
  (inv) => `per invoice ${inv.replace('-', ' ')}`,
  (inv) => `doc ${inv.split('-')[1]}`,
  (inv) => `s/inv ${inv}`,
];

/** How a clerk writes the month of the delivery. */
const MONTH_STYLES: Array<(m: number) => string> = [
  (m) => `${MONTHS[m]} delivery`,
  (m) => `${MONTHS[m]!.slice(0, 3)} drop`,
  (m) => `delivered ${String(m + 1).padStart(2, '0')}/2024`,
  (m) => `for ${MONTHS[m]} run`,
  (m) => `${MONTHS[m]!.toLowerCase()} consignment`,
  (m) => `goods in ${MONTHS[m]!.slice(0, 3).toLowerCase()}-24`,
];

/** How a clerk names a month inside a sentence. */
const MONTH_WORDS: Array<(m: number) => string> = [
  (m) => MONTHS[m]!,
  (m) => MONTHS[m]!.slice(0, 3),
  (m) => `${String(m + 1).padStart(2, '0')}/24`,
  (m) => `in ${MONTHS[m]!.toLowerCase()}`,
];

/** How a clerk writes a date (given as YYYY-MM-DD). */
const DATE_STYLES: Array<(d: string) => string> = [
  (d) => `${d.slice(8)}/${d.slice(5, 7)}`,
  (d) => `${Number(d.slice(8))} ${MONTHS[Number(d.slice(5, 7)) - 1]!.slice(0, 3)}`,
  (d) => d,
  (d) => `${MONTHS[Number(d.slice(5, 7)) - 1]} ${Number(d.slice(8))}`,
];

/** Memo endings that tie an entry to nothing in particular (clerk's bookkeeping notes). */
const NEUTRAL_NOTES: Array<(rng: Rng) => string> = [
  (rng) => `GRN ${rng.int(3000, 9899)}`,
  (rng) => `approved ${rng.pick(['T. Lin', 'M. Osei', 'K. Baird', 'R. Duarte'])}`,
  () => 'keyed from scan',
  (rng) => `cost centre ${rng.int(100, 480)}`,
  () => 'three-way match ok',
  (rng) => `PO ${rng.int(45000, 45999)}`,
  () => 'posted by AP',
  () => 'checked against delivery note',
  (rng) => `batch ${rng.int(10, 99)}`,
  () => 'awaiting budget holder sign-off',
];

/** What a memo says about the invoice and month it books: this invoice's own ref, another one … */
interface TieWords {
  here: string;
  there: string;
  now: string;
  earlier: string;
  nowDelivery: string;
  thenDelivery: string;
  /** The invoice's date and another invoice's date, as a clerk writes them. */
  hereDate: string;
  thereDate: string;
  /** A phrase that ties the entry to the reference after it, and one that rules it out. */
  tie: string;
  ruleOut: string;
}

/** Ties of this invoice's own bookings: some name another invoice or month, but not as theirs. */
const OWN_TIES: Array<(t: TieWords) => string> = [
  (t) => t.here,
  (t) => t.nowDelivery,
  (t) => `not ${t.there} (already paid)`,
  (t) => `ordered ${t.earlier}, delivered ${t.now}`,
  (t) => `previous order was ${t.there}; this is the new one`,
  (t) => `${t.there} was last month, this is ${t.now}`,
  (t) => `separate from ${t.there}`,
  (t) => `back-order from ${t.earlier}, now invoiced on ${t.here}`,
  (t) => `booked to ${t.here}, not to ${t.there}`,
  (t) => `moved here from ${t.there} after supplier query`,
  (t) => `${t.earlier} quote, goods arrived ${t.now}`,
  (t) => `replaces nothing on ${t.there}`,
  (t) => `${t.here} (the ${t.earlier} one is settled)`,
  (t) => `${t.tie} ${t.here}`,
  (t) => `${t.ruleOut} ${t.there}`,
  (t) => `${t.tie} ${t.here}, ${t.ruleOut} ${t.there}`,
  (t) => `${t.ruleOut} ${t.there}; ${t.tie} ${t.here}`,
  (t) => `supplier invoice dated ${t.hereDate}`,
  () => 'booked against the current invoice',
  (t) => `${t.there} is the old one; this entry is for ${t.here}`,
  (t) => `no link to ${t.there}`,
  (t) => `unrelated to the ${t.earlier} delivery`,
  (t) => `goods received ${t.now}, invoice of ${t.hereDate}`,
  (t) => `${t.there} – no, ${t.here}`,
  (t) => `keyed as ${t.there}, corrected to ${t.here}`,
  (t) => `was booked to ${t.there} in error; correct invoice ${t.here}`,
];

/**
 * Asides a clerk adds that name another invoice or month without tying the entry to it (a price
 * agreed earlier, a query, a budget): distractors for anyone who reads a reference as a tie.
 */
const ASIDES: Array<(t: TieWords) => string> = [
  (t) => `price as agreed on ${t.there}`,
  (t) => `${t.earlier} price list`,
  (t) => `cf. ${t.there}`,
  (t) => `contract signed ${t.earlier}`,
  (t) => `query on ${t.there} resolved`,
  (t) => `approved in the ${t.earlier} budget review`,
  (t) => `same rate as ${t.there}`,
  (t) => `PO raised ${t.earlier}`,
  (t) => `supplier statement ${t.earlier} checked`,
  (t) => `unit cost per ${t.there}`,
];

/** A delivery month said relative to the month the entry is posted in. */
const THIS_MONTH = [
  "this month's delivery",
  'delivered this month',
  'goods in this month',
  'received in the month of posting',
];
const LAST_MONTH = [
  "last month's delivery",
  'delivered last month',
  'goods received the month before',
  'delivery of the previous month',
];

/** What one entry's memo says about another entry of the same goods (ENTRY is its id). */
const CROSS: Array<(t: TieWords) => string> = [
  (t) => `ENTRY is the ${t.earlier} delivery`,
  (t) => `ENTRY belongs to ${t.there}`,
  () => 'ENTRY was the previous order',
  (t) => `ENTRY is for ${t.there}, not this one`,
  (t) => `the same goods on ENTRY are ${t.earlier} stock`,
  () => 'ENTRY is the earlier invoice, already paid',
  (t) => `do not confuse with ENTRY (${t.there})`,
];

/** Words that tie an entry to what follows them, and words that rule it out. */
const TIE_WORDS = [
  'belongs to',
  'relates to',
  'charged to',
  'posted for',
  'part of',
  'allocated to',
  'goes with',
  'covers',
  'settles',
  'booked under',
  'in respect of',
  'to be matched with',
];
const RULE_OUT_WORDS = [
  'not',
  'nothing to do with',
  'unrelated to',
  'rather than',
  'instead of',
  'other than',
  'kept apart from',
  'not part of',
  'distinct from',
  'never was',
  'no longer on',
  'wrongly coded as',
];

/** Ties of other invoices' bookings: some name this invoice or this month, but not as theirs. */
const OTHER_TIES: Array<(t: TieWords) => string> = [
  (t) => t.there,
  (t) => t.thenDelivery,
  () => 'previous order',
  () => 'earlier invoice, paid',
  (t) => `${t.there}, not ${t.here}`,
  (t) => `re-order, ${t.thenDelivery}`,
  (t) => `booked in error against ${t.here}, moved to ${t.there}`,
  (t) => `ordered ${t.now} but delivered and invoiced ${t.earlier}`,
  () => 'standing order – prior period',
  (t) => `belongs to ${t.there}`,
  (t) => `same goods as ${t.here} but the ${t.earlier} delivery`,
  () => 'brought forward from last month',
  (t) => `accrual for ${t.earlier}`,
  (t) => `not this invoice (${t.here}) – ${t.earlier} goods`,
  (t) => `${t.now} posting of the ${t.earlier} delivery`,
  (t) => `${t.tie} ${t.there}`,
  (t) => `${t.ruleOut} ${t.here}`,
  (t) => `${t.tie} ${t.there}, ${t.ruleOut} ${t.here}`,
  (t) => `${t.ruleOut} ${t.here}; ${t.tie} ${t.there}`,
  (t) => `supplier invoice dated ${t.thereDate}`,
  () => 'for the invoice before this one',
  (t) => `relates to ${t.there} (not ${t.here})`,
  (t) => `${t.earlier} goods, ${t.here} quoted in error`,
  (t) => `invoice of ${t.thereDate}, received ${t.now}`,
  () => 'carried over from the earlier statement',
  (t) => `${t.here} – no, ${t.there}`,
  (t) => `keyed as ${t.here}, corrected to ${t.there}`,
  (t) => `was booked to ${t.here} in error; correct invoice ${t.there}`,
];

/** A clerk's slip: two letters swapped, one dropped or doubled, or two words run together. */
function typo(rng: Rng, text: string): string {
  const words = text.split(' ');
  const candidates = words
    .map((w, i) => [w, i] as const)
    .filter(([w]) => /^[a-z]{3,}$/.test(w) || /^[A-Z][a-z]{3,}$/.test(w));
  if (!candidates.length) return text;
  const [word, i] = rng.pick(candidates);
  // A capitalised word (a month) only gets two inner letters swapped: still readable.
  const kind = /^[A-Z]/.test(word) ? 0 : rng.int(0, 3);
  if (kind === 3 && i + 1 < words.length && /^[a-zA-Z]/.test(words[i + 1]!)) {
    words.splice(i, 2, word + words[i + 1]);
    return words.join(' ');
  }
  const at = rng.int(1, Math.max(1, word.length - 2));
  const changed =
    kind === 0 && at + 1 < word.length
      ? word.slice(0, at) + word[at + 1] + word[at] + word.slice(at + 2)
      : kind === 1 && word.length > 3
        ? word.slice(0, at) + word.slice(at + 1)
        : word.slice(0, at) + word[at] + word.slice(at);
  words[i] = changed;
  return words.join(' ');
}

interface Families {
  invoice: Map<string, string[]>;
  memo: Map<string, string[]>;
  quantity: Array<(q: number, p: string) => string>;
  repeat: Array<(n: number) => string>;
  refs: Array<(inv: string) => string>;
  months: Array<(m: number) => string>;
  own: Array<(t: TieWords) => string>;
  asides: Array<(t: TieWords) => string>;
  dates: Array<(d: string) => string>;
  tieWords: string[];
  ruleOut: string[];
  thisMonth: string[];
  lastMonth: string[];
  cross: Array<(t: TieWords) => string>;
  other: Array<(t: TieWords) => string>;
  monthWords: Array<(m: number) => string>;
  notes: Array<(rng: Rng) => string>;
  joiners: string[];
}

function families(set: CaseSet): Families {
  const invoice = new Map<string, string[]>();
  const memo = new Map<string, string[]>();
  for (const item of ITEMS) {
    invoice.set(item.key, set.families(`invoice:${item.key}`, item.invoice, { public: 2, hidden: 2 }));
    memo.set(item.key, set.families(`memo:${item.key}`, item.memo, { public: 2, hidden: 3 }));
  }
  return {
    invoice,
    memo,
    quantity: set.families('quantity', QUANTITY_LAYOUTS, { public: 3, hidden: 4 }),
    repeat: set.families('repeat', REPEAT_FRAMES, { public: 2, hidden: 3 }),
    refs: set.families('refs', REF_STYLES, { public: 3, hidden: 4 }),
    months: set.families('months', MONTH_STYLES, { public: 2, hidden: 3 }),
    own: set.families('own', OWN_TIES, { public: 6, hidden: 13 }),
    dates: set.families('dates', DATE_STYLES, { public: 1, hidden: 2 }),
    tieWords: set.families('tieWords', TIE_WORDS, { public: 3, hidden: 6 }),
    thisMonth: set.families('thisMonth', THIS_MONTH, { public: 1, hidden: 2 }),
    lastMonth: set.families('lastMonth', LAST_MONTH, { public: 1, hidden: 2 }),
    cross: set.families('cross', CROSS, { public: 2, hidden: 4 }),
    ruleOut: set.families('ruleOut', RULE_OUT_WORDS, { public: 3, hidden: 6 }),
    asides: set.families('asides', ASIDES, { public: 3, hidden: 5 }),
    other: set.families('other', OTHER_TIES, { public: 7, hidden: 14 }),
    monthWords: set.families('monthWords', MONTH_WORDS, { public: 1, hidden: 2 }),
    notes: set.families('notes', NEUTRAL_NOTES, { public: 4, hidden: 5 }),
    joiners: set.families('joiners', [', ', ' – ', '; ', ' / ', ' | '], { public: 2, hidden: 2 }),
  };
}

export const generate: Generate<
  {
    vendor: string;
    invoice_number: string;
    invoice_date: string;
    currency: string;
    invoice_lines: InvoiceLine[];
    ledger: LedgerEntry[];
  },
  Output
> = (rng, index, set) => {
  const fam = families(set);
  const vendor = rng.pick(VENDORS);
  const prefix = rng.pick(['INV', 'SI', 'F', 'IN']);
  const number = rng.int(1000, 9999);
  const invoiceNumber = `${prefix}-${number}`;
  const otherRef = () => `${prefix}-${number + rng.pick([-1, 1]) * rng.int(3, 400)}`;
  const month = rng.int(1, 10);
  const currency = rng.pick(['EUR', 'GBP', 'USD']);
  const count = rng.int(8, 12);
  const picked = rng.sample(ITEMS, count);
  // Sometimes a line repeats the goods of an earlier line (a second delivery).
  const repeatAt = count >= 9 && rng.chance(0.45) ? rng.int(3, count - 1) : -1;
  const lineItems = picked.map((item, i) => (i === repeatAt ? picked[rng.int(0, i - 1)]! : item));
  const lines: InvoiceLine[] = [];
  const ledger: LedgerEntry[] = [];
  const results: LineResult[] = [];
  const bookingOf = new Map<number, LedgerEntry>();
  let entryNo = 20000 + ((index * 131) % 70000) + rng.int(0, 99);
  const nextEntry = () => {
    entryNo += rng.int(1, 40);
    return `JE-${entryNo}`;
  };
  const date = (day: number, m = month) =>
    `2024-${String(m + 1).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
  const otherMonth = () => (month + rng.pick([-2, -1, 1])) % 12;
  const join = rng.pick(fam.joiners);

  /** A clerk's memo: the goods in their words, then what ties it to an invoice, then a note. */
  const memoFor = (item: Item, tie: string | undefined): string => {
    const goods = rng.pick(fam.memo.get(item.key)!);
    const parts = [goods];
    if (tie) parts.push(tie);
    if (rng.chance(0.45)) parts.push(rng.pick(fam.asides)(tieWords()));
    parts.push(rng.pick(fam.notes)(rng));
    if (parts.join(' ').split(/\s+/).length < 8) parts.push(rng.pick(fam.notes)(rng));
    if (parts.join(' ').split(/\s+/).length < 8) parts.push(rng.pick(fam.notes)(rng));
    let text = rng.shuffle(parts.slice(1)).reduce((s, p) => s + join + p, parts[0]!);
    for (let k = rng.weighted([0, 1, 2, 3, 4], [0.2, 0.25, 0.25, 0.15, 0.15]); k > 0; k--)
      text = typo(rng, text);
    return text;
  };
  const invoiceDate = date(rng.int(1, 28));
  const dateStyle = rng.pick(fam.dates);
  const tieWords = (): TieWords => {
    const later = rng.chance(0.5);
    const m = (month + (later ? rng.int(1, 2) : -rng.int(1, 3)) + 12) % 12;
    const monthWord = rng.pick(fam.monthWords);
    return {
      here: rng.pick(fam.refs)(invoiceNumber),
      there: rng.pick(fam.refs)(otherRef()),
      now: monthWord(month),
      earlier: monthWord(m),
      nowDelivery: rng.pick(fam.months)(month),
      thenDelivery: rng.pick(fam.months)(m),
      tie: rng.pick(fam.tieWords),
      ruleOut: rng.pick(fam.ruleOut),
      hereDate: dateStyle(invoiceDate),
      thereDate: dateStyle(date(rng.int(1, 28), m)),
    };
  };
  const ownTie = (): string | undefined => (rng.chance(0.8) ? rng.pick(fam.own)(tieWords()) : undefined);
  const otherTie = (): string => rng.pick(fam.other)(tieWords());

  const facts: GeneratorCase['facts'] = [];
  const amounts: number[] = [];
  for (let i = 0; i < count; i++) {
    const item = lineItems[i]!;
    const [lo, hi] = item.price;
    const quantity = rng.int(1, 40);
    const price = round2(rng.float(lo, hi));
    const amount = round2(quantity * price);
    amounts.push(amount);
    const n = i + 1;
    const goods =
      i === repeatAt
        ? `${rng.pick(fam.invoice.get(item.key)!)}, ${rng.pick(fam.repeat)(lineItems.indexOf(item) + 1)}`
        : rng.pick(fam.invoice.get(item.key)!);
    const description = `${rng.chance(0.12) ? typo(rng, goods) : goods}; ${rng.pick(fam.quantity)(quantity, money(price))}`;
    lines.push({ line: n, description, amount });
    const fate = rng.weighted(
      ['matched', 'amount_mismatch', 'missing_in_ledger'] as Status[],
      [0.56, 0.25, 0.19],
    );
    let entry = 'none';
    let difference = amount;
    if (fate !== 'missing_in_ledger') {
      entry = nextEntry();
      const booked =
        fate === 'matched'
          ? amount
          : rng.chance(0.5)
            ? round2(amount * (1 + rng.pick([-1, 1]) * rng.float(0.02, 0.15)))
            : round2(Math.max(1, quantity + rng.pick([-2, -1, 1, 2, 10, -10])) * price);
      difference = round2(amount - booked);
      const postedLater = rng.chance(0.3);
      const relative = rng.chance(0.2) ? rng.pick(postedLater ? fam.lastMonth : fam.thisMonth) : undefined;
      const booking = {
        entry,
        date: postedLater ? date(rng.int(1, 20), (month + 1) % 12) : date(rng.int(1, 28)),
        memo: memoFor(item, relative ?? ownTie()),
        amount: booked,
      };
      ledger.push(booking);
      bookingOf.set(n, booking);
    }
    const status: Status =
      entry === 'none' ? 'missing_in_ledger' : difference === 0 ? 'matched' : 'amount_mismatch';
    results.push({ line: n, ledger_entry: entry, status, difference });
    facts.push({ id: `line-${n}`, text: description, answers: { ledger_entry: entry, status, difference } });
  }

  // Bookings of the supplier's other invoices: the same goods, often at the very amount of one of
  // this invoice's lines (a repeat order) or close to it, tied to another invoice or month.
  const decoys: { item: Item; entry: LedgerEntry; speaker?: LedgerEntry }[] = [];
  // Look-alikes are aimed where a wrong match costs most: a line not booked gets another invoice's
  // booking of the same goods at its very amount, a line booked at the wrong amount one nearby.
  const targets: Array<[number, 'exact' | 'near' | 'any']> = [];
  results.forEach((r, i) => {
    if (r.status === 'missing_in_ledger' && rng.chance(0.9)) targets.push([i, 'exact']);
    if (r.status === 'amount_mismatch' && rng.chance(0.8)) targets.push([i, 'near']);
  });
  const others = rng.int(4, 6);
  for (let k = 0; k < others; k++) {
    const r = rng.next();
    targets.push([rng.int(0, count - 1), r < 0.5 ? 'exact' : r < 0.8 ? 'near' : 'any']);
  }
  for (const [target, kind] of targets) {
    const item = kind === 'any' && rng.chance(0.5) ? rng.pick(ITEMS) : lineItems[target]!;
    const [lo, hi] = item.price;
    const amount =
      kind === 'exact'
        ? amounts[target]!
        : kind === 'near'
          ? round2(amounts[target]! * (1 + rng.pick([-1, 1]) * rng.float(0.01, 0.12)))
          : round2(rng.int(1, 30) * rng.float(lo, hi));
    const m = (otherMonth() + 12) % 12;
    const postedNow = rng.chance(0.7);
    const id = nextEntry();
    // Its tie: in its own memo, said relative to its posting month, or in another entry's memo.
    const own = bookingOf.get(target + 1);
    const r = rng.next();
    let tie: string | undefined;
    let speaker: LedgerEntry | undefined;
    if (r < 0.15 && postedNow && m === (month + 11) % 12) tie = rng.pick(fam.lastMonth);
    else if (r < 0.3 && own) {
      speaker = own;
      const words = tieWords();
      own.memo += `${join}${rng.pick(fam.cross)(words).replace('ENTRY', id)}`;
    } else tie = otherTie();
    const entry = {
      entry: id,
      date: postedNow ? date(rng.int(1, 28)) : date(rng.int(1, 28), m),
      memo: memoFor(item, tie),
      amount,
    };
    ledger.push(entry);
    decoys.push({ item, entry, speaker });
  }

  // The evidence each line's answers rest on: its booking's memo, and the memos of look-alike
  // bookings of other invoices that it must not be matched to.
  for (let i = 0; i < count; i++) {
    const n = i + 1;
    const booking = bookingOf.get(n);
    const alike = decoys.filter(
      (d) => d.item === lineItems[i] || Math.abs(d.entry.amount - amounts[i]!) < 0.005,
    );
    const lookalikes = alike.flatMap((d) => (d.speaker ? [d.entry.memo, d.speaker.memo] : [d.entry.memo]));
    const spans = [...(booking ? [booking.memo] : []), ...lookalikes].slice(0, 8);
    if (!spans.length) {
      // Not booked and nothing alike: the answer rests on the bookings of the same kind of goods.
      const group = lineItems[i]!.group;
      const alike = decoys.filter((d) => d.item.group === group).map((d) => d.entry.memo);
      spans.push(...(alike.length ? alike : ledger.map((e) => e.memo)).slice(0, 4));
    }
    if (spans.length) {
      if (lookalikes.length) spans.push(BRIEF_RULE);
      const evidence = [...new Set(spans)];
      facts[i]!.evidence = { ledger_entry: evidence, status: evidence, difference: evidence };
    }
  }

  const sorted = rng.shuffle(ledger).sort((a, b) => a.date.localeCompare(b.date));
  const matched = new Set(results.map((r) => r.ledger_entry));
  const invoiceTotal = round2(lines.reduce((s, l) => s + l.amount, 0));
  const booked = round2(sorted.filter((e) => matched.has(e.entry)).reduce((s, e) => s + e.amount, 0));
  return {
    input: {
      vendor,
      invoice_number: invoiceNumber,
      invoice_date: invoiceDate,
      currency,
      invoice_lines: lines,
      ledger: sorted,
    },
    expected: {
      lines: results,
      unmatched_ledger_entries: sorted.filter((e) => !matched.has(e.entry)).map((e) => e.entry),
      totals: { invoice: invoiceTotal, booked, difference: round2(invoiceTotal - booked) },
    },
    facts,
  };
};
