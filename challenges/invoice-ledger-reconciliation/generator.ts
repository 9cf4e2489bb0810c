import type { Generate, Rng } from '@reps/engine';

/**
 * A supplier invoice of 8–12 lines and the purchase ledger entries booked for that supplier over the
 * period (the invoice's own bookings plus entries of other invoices). The ledger memo is written by
 * an accounts clerk in their own words, so a line and its booking rarely share wording; most lines
 * are booked at the invoiced amount, some at a different amount (a price or quantity keyed wrong),
 * some not at all.
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

/** [invoice wording, ledger memo wording, unit price range] */
const ITEMS: Array<[string, string, [number, number]]> = [
  ['Nitrile examination gloves, size M, box of 100', 'PPE hand protection', [8, 14]],
  ['A4 copier paper 80gsm, 5-ream carton', 'office stationery – paper', [18, 32]],
  ['Toner cartridge HP 59A black', 'printer consumables', [70, 120]],
  ['On-site maintenance visit, boiler room, per hour', 'facilities contractor labour', [55, 95]],
  ['Stainless hex bolts M8x40, pack of 50', 'workshop fixings', [6, 15]],
  ['Hi-vis safety vest, EN ISO 20471, yellow', 'PPE garments', [4, 9]],
  ['Pallet delivery surcharge, tail-lift vehicle', 'carriage inwards', [35, 80]],
  ['Laptop docking station USB-C, 100W', 'IT peripherals capex', [140, 260]],
  ['Annual software support renewal, 10 seats', 'software maintenance subscription', [400, 1600]],
  ['Disinfectant surface spray 750ml, case of 12', 'cleaning materials', [25, 45]],
  ['Ergonomic office chair with lumbar support', 'furniture – seating', [180, 420]],
  ['Cat6 patch cable 2m, bag of 25', 'network cabling sundries', [30, 60]],
  ['Forklift battery inspection and top-up', 'MHE servicing', [90, 210]],
  ['Coffee beans, whole, 1kg bag', 'staff welfare – refreshments', [14, 26]],
  ['Fire extinguisher annual service, per unit', 'fire safety compliance', [12, 30]],
  ['Corrugated shipping boxes 400x300x300, bundle of 20', 'packaging materials', [16, 34]],
  ['Consulting – process mapping workshop, half day', 'professional fees – consultancy', [450, 900]],
  ['LED panel light 600x600 40W', 'building maintenance – lighting', [22, 48]],
  ['First aid kit refill, workplace BS 8599', 'health & safety supplies', [18, 40]],
  ['Label printer tape 12mm, pack of 5', 'warehouse consumables', [20, 38]],
  ['Waste collection, 1100L bin lift', 'waste management charges', [15, 32]],
  ['Cloud storage add-on 1TB, monthly', 'IT hosting fees', [9, 20]],
];
const VENDORS = [
  'Brennan Industrial Supplies Ltd',
  'Ostara Office Solutions',
  'Keystone Facilities Services',
  'Mercator Trade Supplies GmbH',
  'Halden Technical Services AS',
  'Pioneer Workplace Products',
  'Cobalt Business Supplies',
  'Thornbury Maintenance Ltd',
];
const CLERK_STYLES = [
  (memo: string, inv: string) => `${memo} ${inv}`,
  (memo: string, inv: string) => `${inv} – ${memo}`,
  (memo: string, inv: string) => `${memo} (ref ${inv})`,
  (memo: string, _inv: string) => memo,
];

function round2(x: number): number {
  return Math.round(x * 100) / 100;
}

function money(x: number): string {
  return x.toFixed(2);
}

function quantityText(rng: Rng, quantity: number, price: number): string {
  return rng.pick([
    `${quantity} × @ ${money(price)}`,
    `qty ${quantity} at ${money(price)} each`,
    `${quantity} units, unit price ${money(price)}`,
  ]);
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
> = (rng, index) => {
  const vendor = rng.pick(VENDORS);
  const invoiceNumber = `${rng.pick(['INV', 'SI', 'F'])}-${rng.int(1000, 9999)}`;
  const month = rng.int(0, 11);
  const currency = rng.pick(['EUR', 'GBP', 'USD']);
  const count = rng.int(8, 12);
  const items = rng.sample(ITEMS, count + 4);
  const lines: InvoiceLine[] = [];
  const ledger: LedgerEntry[] = [];
  const results: LineResult[] = [];
  const facts: { id: string; text: string; answers: Record<string, unknown> }[] = [];
  let entryNo = 20000 + ((index * 131) % 70000) + rng.int(0, 99);
  const nextEntry = () => {
    entryNo += rng.int(1, 40);
    return `JE-${entryNo}`;
  };
  const date = (day: number, m = month) =>
    `2024-${String(m + 1).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
  for (let i = 0; i < count; i++) {
    const [wording, memo, [lo, hi]] = items[i]!;
    const quantity = rng.int(1, 40);
    const price = round2(rng.float(lo, hi));
    const amount = round2(quantity * price);
    const n = i + 1;
    const description = `${wording}; ${quantityText(rng, quantity, price)}`;
    lines.push({ line: n, description, amount });
    const fate = rng.weighted(
      ['matched', 'amount_mismatch', 'missing_in_ledger'] as Status[],
      [0.68, 0.2, 0.12],
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
            : round2(Math.max(1, quantity + rng.pick([-2, -1, 1, 2, 10])) * price);
      difference = round2(amount - booked);
      ledger.push({
        entry,
        date: date(rng.int(1, 28)),
        memo: rng.pick(CLERK_STYLES)(memo, invoiceNumber),
        amount: booked,
      });
    }
    const status: Status =
      entry === 'none' ? 'missing_in_ledger' : difference === 0 ? 'matched' : 'amount_mismatch';
    results.push({ line: n, ledger_entry: entry, status, difference });
    facts.push({ id: `line-${n}`, text: description, answers: { ledger_entry: entry, status, difference } });
  }
  // Bookings of other invoices of the same supplier: same kinds of goods, other months and refs.
  const others = rng.int(3, 6);
  const otherItems = rng.sample(items, others);
  for (const [, memo, [lo, hi]] of otherItems) {
    const otherRef = `${invoiceNumber.split('-')[0]}-${rng.int(1000, 9999)}`;
    const otherMonth = (month + rng.pick([-2, -1, 1])) % 12;
    ledger.push({
      entry: nextEntry(),
      date: date(rng.int(1, 28), otherMonth < 0 ? otherMonth + 12 : otherMonth),
      memo: rng.pick(CLERK_STYLES)(memo, otherRef),
      amount: round2(rng.int(1, 30) * rng.float(lo, hi)),
    });
  }
  const shuffled = rng.shuffle(ledger).sort((a, b) => a.date.localeCompare(b.date));
  const matched = new Set(results.map((r) => r.ledger_entry));
  const invoiceTotal = round2(lines.reduce((s, l) => s + l.amount, 0));
  const booked = round2(shuffled.filter((e) => matched.has(e.entry)).reduce((s, e) => s + e.amount, 0));
  return {
    input: {
      vendor,
      invoice_number: invoiceNumber,
      invoice_date: date(rng.int(1, 28)),
      currency,
      invoice_lines: lines,
      ledger: shuffled,
    },
    expected: {
      lines: results,
      unmatched_ledger_entries: shuffled.filter((e) => !matched.has(e.entry)).map((e) => e.entry),
      totals: { invoice: invoiceTotal, booked, difference: round2(invoiceTotal - booked) },
    },
    facts,
  };
};
