import type { CaseSet, Generate, Rng } from '@reps/engine';
import { capitalise, MONTHS, ordinal } from '@reps/engine/generator-kit';
import {
  AUDITORS,
  COMPANY_FIRST,
  COMPANY_SECOND,
  COMPANY_SUFFIX,
  COURTS,
  JUDGES,
  PARTY_FIRST,
  PARTY_KIND,
  SUBSIDIARY_LINE,
  TWIN_SECOND,
} from './data.js';

/**
 * A due-diligence document store: annual reports, subsidiaries' filings, court dockets, press
 * releases, purchase agreements and news, a hundred or more, and an analyst's questions about the
 * companies in it. Every question takes two hops: the company's own document (an annual report of
 * a given year, or the press release of its completed acquisition) and the document that one cites
 * by id (the docket of the lawsuit it discloses, the subsidiary's filing, the purchase agreement).
 * The fact asked for is read in the second document, among values of the same kind that are not
 * the answer (the sum claimed beside the sum paid, the hearing beside the ruling, a co-claimant who
 * withdrew, last year's revenue, the deposit, the signing and long-stop dates).
 *
 * The store is full of near-duplicates: each company has two annual reports (two years, each citing
 * its own lawsuit and subsidiary filing), a terminated purchase agreement beside the completed one,
 * news that misreports figures, and companies with almost the same name (Harbor Foods, Harbor
 * Foodservice). Questions name the company by full name, short name or ticker and the report by
 * year, fiscal year, publication year or as the latest/earlier one; the asked fact is paraphrased.
 * Every sentence frame, amount and date format and question phrasing is a family the set chooses,
 * so hidden cases use wordings no public case shows.
 */

interface Doc {
  id: string;
  title: string;
  date: string;
  text: string;
}
interface Question {
  qid: string;
  question: string;
}
interface Answer {
  qid: string;
  answer: string;
  citations: string[];
}

type S = Record<string, string>;
type Frame = (s: S) => string;

// ---- amounts and dates ---------------------------------------------------------------------------
/** An amount in whole dollars, written in one of the set's styles. Amounts are multiples of 10,000. */
const AMOUNT_STYLES: Array<(n: number) => string> = [
  (n) => `$${millions(n)} million`,
  (n) => `USD ${commas(n)}`,
  (n) => `$${commas(n)}`,
  (n) => `US$${millions(n)}m`,
  (n) => `${millions(n)} million US dollars`,
  (n) => `USD ${millions(n)}m`,
  (n) => `${commas(n)} dollars`,
  (n) => `$${millions(n)}M`,
  (n) => `a sum of ${millions(n)} million dollars`,
];
function millions(n: number): string {
  return String(Math.round(n / 10_000) / 100);
}
function commas(n: number): string {
  return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

interface Day {
  y: number;
  m: number;
  d: number;
}
const DATE_STYLES: Array<(x: Day) => string> = [
  (x) => `${x.d} ${MONTHS[x.m - 1]} ${x.y}`,
  (x) => `${MONTHS[x.m - 1]} ${x.d}, ${x.y}`,
  (x) => iso(x),
  (x) => `${pad(x.d)}.${pad(x.m)}.${x.y}`,
  (x) => `the ${ordinal(x.d)} of ${MONTHS[x.m - 1]} ${x.y}`,
  (x) => `${MONTHS[x.m - 1]!.slice(0, 3)} ${x.d} ${x.y}`,
  (x) => `${x.d}/${x.m}/${x.y}`,
];
/** The possessive of a name: Harbor Foods' report, Kestrel Energy Inc.'s report. */
function poss(name: string): string {
  return name.endsWith('s') ? `${name}'` : `${name}'s`;
}
function pad(n: number): string {
  return String(n).padStart(2, '0');
}
function iso(x: Day): string {
  return `${x.y}-${pad(x.m)}-${pad(x.d)}`;
}
function dayIn(rng: Rng, y: number): Day {
  return { y, m: rng.int(1, 12), d: rng.int(1, 28) };
}
function before(a: Day, b: Day): boolean {
  return iso(a) < iso(b);
}

// ---- annual reports (s.C company, s.T ticker, s.Y year, s.R revenue, s.DK docket, s.WHO claimant's
//      description, s.SUB subsidiary, s.SF its filing, s.PREV last year's report) ----------------------
const REPORT_OPEN: Frame[] = [
  (s) => `${s.C} (ticker ${s.T}) reports group revenue of ${s.R} for the year ended 31 December ${s.Y}.`,
  (s) => `In fiscal ${s.Y} ${s.C} (${s.T}) grew group revenue to ${s.R}.`,
  (s) => `This is the annual report of ${s.C}, listed as ${s.T}, for fiscal year ${s.Y}; revenue was ${s.R}.`,
  (s) => `${s.C}, whose shares trade as ${s.T}, closed ${s.Y} with revenue of ${s.R}.`,
  (s) => `Annual report ${s.Y}. ${s.C} (${s.T}): revenue ${s.R}.`,
  (s) => `For the twelve months to December ${s.Y}, ${s.C} (trading symbol ${s.T}) booked ${s.R} of revenue.`,
];
const REPORT_LITIGATION: Frame[] = [
  (s) => `Legal proceedings: the company is defending a claim brought by ${s.WHO}, docketed as ${s.DK}.`,
  (s) => `Note 14 (contingencies) describes litigation with ${s.WHO}; the court file is ${s.DK}.`,
  (s) => `A lawsuit filed by ${s.WHO} is the only material legal matter of the year (case ${s.DK}).`,
  (s) => `The group was sued by ${s.WHO}; see court docket ${s.DK} for the proceedings.`,
  (s) => `Contingent liabilities include the dispute with ${s.WHO}, recorded under ${s.DK}.`,
  (s) => `Management notes a court action by ${s.WHO} against the company (docket ${s.DK}).`,
  (s) => `The only litigation disclosed this year, ${s.DK}, was started by ${s.WHO}.`,
  (s) => `Readers are referred to ${s.DK} for the claim that ${s.WHO} pursues against the group.`,
  (s) => `The directors have assessed the action brought by ${s.WHO} (${s.DK}) and made no provision.`,
];
const REPORT_SUBSIDIARY: Frame[] = [
  (s) => `The accounts consolidate ${s.SUB}, whose own filing for the year is ${s.SF}.`,
  (s) => `${s.SUB}, a wholly owned subsidiary, files separately (${s.SF}).`,
  (s) => `Subsidiary results: ${s.SUB}, see filing ${s.SF}.`,
  (s) => `Its principal subsidiary, ${s.SUB}, publishes its own accounts as ${s.SF}.`,
  (s) => `Figures for ${s.SUB} are consolidated; that company's filing is ${s.SF}.`,
  (s) => `The group owns all of ${s.SUB} (separate filing ${s.SF}).`,
  (s) => `${s.SF} holds the statutory accounts of ${s.SUB}, which the group consolidates.`,
  (s) => `Of its subsidiaries only ${s.SUB} reports on its own, in ${s.SF}.`,
  (s) => `${s.SUB} is consolidated in full; its separate accounts are filed as ${s.SF}.`,
];
const REPORT_PREVIOUS: Frame[] = [
  (s) => `Comparative figures are in last year's report, ${s.PREV}.`,
  (s) => `The previous annual report is ${s.PREV}.`,
  (s) => `Prior-year disclosures appear in ${s.PREV}.`,
  (s) => `This report follows ${s.PREV}.`,
  (s) => `For ${s.PY}, see ${s.PREV}.`,
  (s) => `${s.PREV} covered the prior year.`,
];
const REPORT_FILLER: Frame[] = [
  (s) => `Headcount at year end was ${s.N}.`,
  (s) => `The board proposes a dividend of ${s.CENTS} cents a share.`,
  (s) => `Capital expenditure rose to ${s.R2}.`,
  (s) => `The group employed ${s.N} people at the year end.`,
  (s) => `Net debt stood at ${s.R2}.`,
  () => `No dividend is proposed for the year.`,
];

/** How a report describes the claimant without naming it. */
const CLAIMANT_KINDS = [
  'a former supplier',
  'a group of minority shareholders',
  'a competitor',
  'a former distributor',
  'a landlord',
  'a former customer',
  'a logistics contractor',
  'a licensing partner',
];

// ---- dockets (s.P plaintiff, s.C company, s.COURT, s.F filed, s.AC claimed, s.J judge, s.H hearing,
//      s.D decided, s.A amount, s.P2 co-claimant who withdrew, s.W withdrawal date) ------------------
const DOCKET_FILED: Frame[] = [
  (s) => `${s.P} filed suit against ${s.C} in ${s.COURT} on ${s.F}, claiming ${s.AC}.`,
  (s) => `Complaint filed ${s.F} in ${s.COURT} by ${s.P} against ${s.C}; damages sought: ${s.AC}.`,
  (s) => `On ${s.F}, ${s.P} sued ${s.C} in ${s.COURT} for ${s.AC}.`,
  (s) =>
    `The action was commenced in ${s.COURT} on ${s.F}: ${s.P}, plaintiff, against ${s.C}, defendant, seeking ${s.AC}.`,
  (s) => `${s.C} was served on ${s.F} with a claim by ${s.P} for ${s.AC}, issued in ${s.COURT}.`,
  (s) => `In ${s.COURT}, ${s.P} (claimant) brought proceedings against ${s.C} on ${s.F}, asking for ${s.AC}.`,
];
const DOCKET_JUDGE: Frame[] = [
  (s) => `${s.J} presided.`,
  (s) => `Assigned to ${s.J}.`,
  (s) => `The case was heard by ${s.J}.`,
  (s) => `${s.J} managed the case.`,
];
const DOCKET_HEARING: Frame[] = [
  (s) => `A case-management hearing was held on ${s.H}.`,
  (s) => `Pre-trial conference: ${s.H}.`,
  (s) => `The parties first appeared before the court on ${s.H}.`,
  (s) => `Mediation was attempted on ${s.H} without result.`,
  (s) => `A hearing on disclosure took place on ${s.H}.`,
  (s) => `The court heard preliminary motions on ${s.H}.`,
];
const DOCKET_COCLAIMANT: Frame[] = [
  (s) => `${s.P2} joined as co-claimant but withdrew on ${s.W}.`,
  (s) => `A second claimant, ${s.P2}, discontinued its claim on ${s.W}.`,
  (s) => `${s.P2} sought to intervene; the application was refused on ${s.W}.`,
  (s) => `${s.P2}, originally a co-plaintiff, dropped out on ${s.W}.`,
  (s) => `A parallel claim by ${s.P2} was struck out on ${s.W}.`,
];
const DOCKET_COSTS: Frame[] = [
  (s) => `Legal costs of ${s.X} were ordered against the losing side.`,
  (s) => `Each side bears its own costs; fees so far are put at ${s.X}.`,
  (s) => `Security for costs of ${s.X} was posted early on.`,
  (s) => `The court fixed interim costs at ${s.X}.`,
  (s) => `Expert fees of ${s.X} were shared between the parties.`,
];
const DOCKET_ARCHIVED: Frame[] = [
  (s) => `The file was archived on ${s.X}.`,
  (s) => `The court record was closed administratively on ${s.X}.`,
  (s) => `Papers were sent to storage on ${s.X}.`,
  (s) => `A final costs assessment was filed on ${s.X}.`,
];
/** How a case ended, by outcome. The answer for each is the key. */
const DOCKET_OUTCOME: Record<Outcome, Frame[]> = {
  settled: [
    (s) => `On ${s.D} the parties settled for ${s.A}.`,
    (s) => `A settlement of ${s.A} was approved by the court on ${s.D}.`,
    (s) => `The case ended on ${s.D} when the defendant agreed to pay ${s.A} in settlement.`,
    (s) => `Settled out of court on ${s.D}; ${s.C} paid ${s.A}.`,
    (s) => `The claim was compromised on ${s.D} for ${s.A}, without admission of liability.`,
    (s) => `Terms were agreed on ${s.D}: ${s.A} payable to the claimant, proceedings discontinued.`,
  ],
  'judgment for the plaintiff': [
    (s) => `On ${s.D} the court found for ${s.P} and awarded ${s.A}.`,
    (s) => `Judgment was entered for the plaintiff on ${s.D}, with damages of ${s.A}.`,
    (s) => `The court ruled against ${s.C} on ${s.D} and ordered it to pay ${s.A}.`,
    (s) => `${s.P} won at trial; judgment of ${s.A} was entered on ${s.D}.`,
    (s) => `Liability was established and ${s.A} awarded to the claimant on ${s.D}.`,
    (s) => `On ${s.D} the claimant prevailed: the defendant must pay ${s.A}.`,
  ],
  'judgment for the defendant': [
    (s) => `On ${s.D} the court ruled for the defendant; no damages were awarded.`,
    (s) => `Judgment for ${s.C} was entered on ${s.D} after trial.`,
    (s) => `After trial the claim failed: judgment for the defendant on ${s.D}.`,
    (s) => `${s.C} won at trial; the judgment of ${s.D} awards the claimant nothing.`,
    (s) => `The court found no liability and entered judgment for ${s.C} on ${s.D}.`,
    (s) => `On ${s.D} the claimant lost on every count at trial.`,
  ],
  dismissed: [
    (s) => `The claim was dismissed on ${s.D}.`,
    (s) => `On ${s.D} the court dismissed the complaint.`,
    (s) => `The case was thrown out on ${s.D} before trial.`,
    (s) => `An order of ${s.D} struck the action out in its entirety.`,
    (s) => `The court granted the motion to dismiss on ${s.D}.`,
    (s) => `Dismissed with prejudice on ${s.D}; the claimant recovered nothing.`,
  ],
};
type Outcome = 'settled' | 'judgment for the plaintiff' | 'judgment for the defendant' | 'dismissed';
const OUTCOMES: Outcome[] = [
  'settled',
  'judgment for the plaintiff',
  'judgment for the defendant',
  'dismissed',
];

// ---- subsidiary filings (s.SUB, s.PARENT, s.Y, s.R revenue, s.R0 last year's, s.OP operating profit,
//      s.AUD auditor, s.AUD0 former auditor) ------------------------------------------------------------
const SUB_REVENUE: Frame[] = [
  (s) =>
    `${s.SUB}, a wholly owned subsidiary of ${s.PARENT}, reports revenue of ${s.R} for ${s.Y}, against ${s.R0} in ${s.PY}.`,
  (s) => `Revenue for ${s.Y} was ${s.R} (${s.PY}: ${s.R0}).`,
  (s) => `${s.SUB} took in ${s.R} in ${s.Y}, compared with ${s.R0} a year earlier.`,
  (s) => `Sales reached ${s.R} in fiscal ${s.Y}; the prior year's were ${s.R0}.`,
  (s) => `Turnover: ${s.R} in ${s.Y}, ${s.R0} in ${s.PY}.`,
  (s) => `After ${s.R0} in ${s.PY}, revenue moved to ${s.R} in ${s.Y}.`,
  (s) => `${s.PY} revenue of ${s.R0} gave way to ${s.R} for the year under review (${s.Y}).`,
];
const SUB_PROFIT: Frame[] = [
  (s) => `Operating profit was ${s.OP}.`,
  (s) => `It earned an operating profit of ${s.OP}.`,
  (s) => `Operating income came to ${s.OP}.`,
  (s) => `Profit before interest and tax: ${s.OP}.`,
];
const SUB_AUDITOR: Frame[] = [
  (s) => `The accounts were audited by ${s.AUD}, which replaced ${s.AUD0} during the year.`,
  (s) => `Auditor: ${s.AUD} (previously ${s.AUD0}).`,
  (s) => `${s.AUD} audited these statements; ${s.AUD0} resigned as auditor in the spring.`,
  (s) => `${s.AUD0} audited the prior year; this year's audit was carried out by ${s.AUD}.`,
  (s) => `The independent auditor's report is signed by ${s.AUD}.`,
  (s) => `${s.AUD} were appointed auditors after ${s.AUD0} stepped down, and signed this year's opinion.`,
  (s) => `After a tender that ${s.AUD0} lost, ${s.AUD} audited the year's accounts.`,
];
const SUB_OPEN: Frame[] = [
  (s) => `Statutory accounts of ${s.SUB} for the year ${s.Y}.`,
  (s) => `${s.SUB} is owned by ${s.PARENT}.`,
  (s) => `Directors' report of ${s.SUB}, a subsidiary of ${s.PARENT}.`,
  (s) => `${s.SUB} (parent: ${s.PARENT}) files these accounts for ${s.Y}.`,
];

// ---- acquisitions (s.C buyer, s.T ticker, s.TG target, s.AG agreement, s.TG0 and s.AG0 the terminated
//      deal, s.DATE announcement) ----------------------------------------------------------------------
const RELEASE_DONE: Frame[] = [
  (s) =>
    `${s.C} (${s.T}) announced on ${s.DATE} that it has completed its acquisition of ${s.TG}; the purchase agreement is filed as ${s.AG}.`,
  (s) => `${s.C} today closed its purchase of ${s.TG}. The agreement, ${s.AG}, was signed earlier this year.`,
  (s) => `Completion of ${s.TG}: ${s.C} (${s.T}) now owns the business outright under agreement ${s.AG}.`,
  (s) => `${s.TG} is now part of ${s.C}, which completed the deal under ${s.AG}.`,
  (s) => `${s.C} has finalised the takeover of ${s.TG} (agreement ${s.AG}).`,
  (s) => `${s.AG}, under which ${s.C} buys ${s.TG}, has completed, the company said.`,
];
const RELEASE_TERMINATED: Frame[] = [
  (s) => `The group's earlier agreement to buy ${s.TG0} (${s.AG0}) was terminated.`,
  (s) => `A previous deal for ${s.TG0}, ${s.AG0}, lapsed last year.`,
  (s) => `It walked away from its agreement to acquire ${s.TG0} (${s.AG0}).`,
  (s) => `Talks on ${s.TG0} ended when ${s.AG0} was terminated.`,
  (s) => `${s.AG0}, its planned purchase of ${s.TG0}, did not complete.`,
  (s) => `Unlike ${s.AG0} (for ${s.TG0}), which was called off, this deal closed.`,
];
const RELEASE_QUOTE: Frame[] = [
  (s) => `The chief executive said the deal would add scale in ${s.LINE}.`,
  () => `Integration is expected to take eighteen months.`,
  () => `The company expects the purchase to add to earnings within a year.`,
  (s) => `Customers of ${s.TG} will see no change in service.`,
];

// ---- agreements (s.SELLER, s.C buyer, s.TG target, s.SIGN signing, s.PRICE, s.DEP deposit, s.CLOSE
//      completion, s.LONG long-stop date, s.ADV seller's adviser, s.END termination) -------------------
const AGREEMENT_PARTIES: Frame[] = [
  (s) =>
    `This agreement, signed on ${s.SIGN}, is between ${s.SELLER} as seller and ${s.C} as buyer, for the entire share capital of ${s.TG}.`,
  (s) => `Share purchase agreement dated ${s.SIGN}. Seller: ${s.SELLER}. Buyer: ${s.C}. Target: ${s.TG}.`,
  (s) => `On ${s.SIGN} ${s.SELLER} agreed to sell ${s.TG} to ${s.C}.`,
  (s) =>
    `${s.C} agrees to buy, and ${s.SELLER} agrees to sell, all shares in ${s.TG} (agreement of ${s.SIGN}).`,
  (s) => `Signed ${s.SIGN}: ${s.SELLER}, the vendor, transfers ${s.TG} to ${s.C}.`,
  (s) => `Under this deed of ${s.SIGN}, ownership of ${s.TG} passes from ${s.SELLER} to ${s.C}.`,
];
const AGREEMENT_PRICE: Frame[] = [
  (s) => `The purchase price is ${s.PRICE}, of which ${s.DEP} was paid as a deposit.`,
  (s) => `Consideration: ${s.PRICE} in total, including a deposit of ${s.DEP}.`,
  (s) => `A deposit of ${s.DEP} is credited against the price of ${s.PRICE}.`,
  (s) => `The buyer pays ${s.PRICE} for the shares; ${s.DEP} of it is held in escrow.`,
  (s) => `${s.PRICE} is payable in cash, less the ${s.DEP} deposit already paid.`,
  (s) => `Price: ${s.PRICE}. Break fee payable by the buyer if it withdraws: ${s.DEP}.`,
  (s) => `The shares are sold for ${s.PRICE} in cash.`,
  (s) => `A reverse break fee of ${s.DEP} protects the seller; the price itself is ${s.PRICE}.`,
];
const AGREEMENT_DEBT: Frame[] = [
  (s) => `Including assumed debt, the enterprise value is ${s.EV}.`,
  (s) => `The target's enterprise value, debt included, is put at ${s.EV}.`,
  (s) => `With the loans it takes over, the buyer's total outlay is ${s.EV}.`,
  (s) => `On a debt-inclusive basis the deal values the business at ${s.EV}.`,
];
const AGREEMENT_CLOSED: Frame[] = [
  (s) => `Completion took place on ${s.CLOSE}.`,
  (s) => `The transaction closed on ${s.CLOSE}.`,
  (s) => `Closing occurred on ${s.CLOSE}, when the shares were transferred.`,
  (s) => `The deal completed on ${s.CLOSE}.`,
  (s) => `Ownership passed to the buyer at completion, on ${s.CLOSE}.`,
  (s) => `Completion memorandum: the sale became effective on ${s.CLOSE}.`,
];
const AGREEMENT_LONGSTOP: Frame[] = [
  (s) => `Either party may terminate if completion has not occurred by ${s.LONG}.`,
  (s) => `Long-stop date: ${s.LONG}.`,
  (s) => `The conditions had to be met by ${s.LONG}.`,
  (s) => `Regulatory approval was required before ${s.LONG}.`,
];
const AGREEMENT_ADVISER: Frame[] = [
  (s) => `${s.ADV} acted as financial adviser to the seller.`,
  (s) => `The seller was advised by ${s.ADV}.`,
  (s) => `${s.ADV} advised on the sale.`,
  (s) => `Financial adviser: ${s.ADV}.`,
];
const AGREEMENT_TERMINATED: Frame[] = [
  (s) => `The agreement was terminated on ${s.END} and never completed.`,
  (s) => `Terminated ${s.END}: the conditions were not met.`,
  (s) => `On ${s.END} the parties called the deal off.`,
  (s) => `The buyer withdrew on ${s.END}; the sale did not complete.`,
];

// ---- news (s.SHORT company, s.DK or s.AG id, s.A amount) -------------------------------------------
const NEWS_DOCKET: Frame[] = [
  (s) =>
    `Shares of ${s.SHORT} moved after reports on case ${s.DK}; people familiar put the payout near ${s.A}.`,
  (s) => `Analysts expect the ${s.SHORT} dispute (${s.DK}) to cost around ${s.A}, sources say.`,
  (s) => `Court watchers say ${s.DK}, the claim against ${s.SHORT}, could be worth ${s.A}.`,
];
const NEWS_DEAL: Frame[] = [
  (s) =>
    `${s.SHORT} is said to be paying about ${s.A} for ${s.TG} (${s.AG}), according to people close to the talks.`,
  (s) => `Market chatter values the ${s.SHORT} deal for ${s.TG} at roughly ${s.A}.`,
  (s) => `Bankers estimate the price in ${s.AG} at ${s.A}, well above the first offer.`,
];

// ---- questions -------------------------------------------------------------------------------------
/** How a question names a company, and what an analyst would search the store for. */
const MENTIONS: Array<(c: Company) => { text: string; key: string }> = [
  (c) => ({ text: c.name, key: c.name }),
  (c) => ({ text: c.short, key: c.short }),
  (c) => ({ text: c.ticker, key: c.ticker }),
  (c) => ({ text: `${c.short} (${c.ticker})`, key: c.short }),
  (c) => ({ text: `the company listed as ${c.ticker}`, key: c.ticker }),
];
/** Which annual report: `which` says whether the phrase fits the latest, the earlier or any year. */
interface ReportPhrase {
  which: 'any' | 'latest' | 'earlier';
  say: (c: string, y: number) => string;
}
const REPORT_PHRASES: ReportPhrase[] = [
  { which: 'any', say: (c, y) => `${poss(c)} ${y} annual report` },
  { which: 'any', say: (c, y) => `the annual report of ${c} for fiscal ${y}` },
  { which: 'latest', say: (c) => `${poss(c)} latest annual report` },
  { which: 'any', say: (c, y) => `${poss(c)} FY${y} report` },
  { which: 'any', say: (c, y) => `${poss(c)} report for the year ended 31 December ${y}` },
  { which: 'any', say: (c, y) => `the annual report ${c} published in ${y + 1}` },
  { which: 'latest', say: (c) => `the most recent annual report of ${c}` },
  { which: 'earlier', say: (c) => `the earlier of ${poss(c)} two annual reports` },
  { which: 'any', say: (c, y) => `${poss(c)} annual accounts covering ${y}` },
  { which: 'earlier', say: (c) => `${poss(c)} annual report before its latest one` },
  { which: 'any', say: (c, y) => `the ${y} annual filing of ${c}` },
];
/** The completed acquisition of a company. */
const DEAL_PHRASES: Array<(c: string) => string> = [
  (c) => `${poss(c)} completed acquisition`,
  (c) => `${poss(c)} completed takeover`,
  (c) => `the completed deal announced by ${c}`,
  (c) => `the takeover ${c} saw through to completion`,
  (c) => `${poss(c)} finished acquisition`,
  (c) => `the purchase by ${c} that was not called off`,
  (c) => `the acquisition by ${c} that actually went through`,
];

type Attr =
  | 'plaintiff'
  | 'outcome'
  | 'amount'
  | 'decided'
  | 'revenue'
  | 'auditor'
  | 'price'
  | 'closing'
  | 'seller';
const ASK: Record<Attr, Frame[]> = {
  plaintiff: [
    (s) => `Who brought the lawsuit disclosed in ${s.R}?`,
    (s) => `Who was the plaintiff in the litigation noted in ${s.R}?`,
    (s) => `Name the claimant in the court case mentioned in ${s.R}.`,
    (s) => `Which party took the company to court in the matter ${s.R} discloses?`,
    (s) => `Who started the legal proceedings described in ${s.R}?`,
    (s) => `Who sued the company over the dispute described in ${s.R}?`,
  ],
  outcome: [
    (s) => `How did the lawsuit disclosed in ${s.R} end?`,
    (s) => `What was the outcome of the litigation described in ${s.R}?`,
    (s) => `How was the court case mentioned in ${s.R} resolved?`,
    (s) => `What became of the claim noted in ${s.R}?`,
    (s) => `How was the dispute in ${s.R} disposed of?`,
    (s) => `Did the case disclosed in ${s.R} settle, get dismissed, or go to judgment, and for whom?`,
  ],
  amount: [
    (s) => `How much did the company pay to resolve the lawsuit disclosed in ${s.R}?`,
    (s) => `What sum was paid or awarded to end the case described in ${s.R}?`,
    (s) => `What did the litigation in ${s.R} end up costing the company?`,
    (s) => `How large was the payout that closed the court case mentioned in ${s.R}?`,
    (s) => `For how much was the dispute noted in ${s.R} resolved?`,
    (s) => `What amount changed hands at the end of the claim flagged in ${s.R}?`,
  ],
  decided: [
    (s) => `On what date was the lawsuit disclosed in ${s.R} resolved?`,
    (s) => `When did the court case mentioned in ${s.R} come to an end?`,
    (s) => `On what date was the litigation described in ${s.R} finally decided or settled?`,
    (s) => `When was the dispute flagged in ${s.R} disposed of?`,
    (s) => `Give the date the claim noted in ${s.R} was concluded.`,
    (s) => `On which day was the case in ${s.R} closed?`,
  ],
  revenue: [
    (s) => `What revenue did the subsidiary consolidated in ${s.R} post for that year?`,
    (s) => `How much did the subsidiary named in ${s.R} take in sales that year?`,
    (s) =>
      `What were the revenues, for the year covered, of the subsidiary that ${s.R} says files separately?`,
    (s) => `What turnover did the subsidiary whose filing ${s.R} cites post for the same year?`,
    (s) => `What top line did the subsidiary referred to in ${s.R} report for that fiscal year?`,
    (s) => `According to its own filing, what did the subsidiary mentioned in ${s.R} sell in that year?`,
  ],
  auditor: [
    (s) => `Who audited the subsidiary consolidated in ${s.R} for that year?`,
    (s) => `Which firm signed off the accounts of the subsidiary named in ${s.R}?`,
    (s) => `Name the auditor of the subsidiary whose filing ${s.R} cites.`,
    (s) => `Which accountants audited, that year, the subsidiary referred to in ${s.R}?`,
    (s) => `Who was the external auditor of the subsidiary mentioned in ${s.R}?`,
    (s) => `Which audit firm checked the books of the subsidiary that ${s.R} says files separately?`,
  ],
  price: [
    (s) => `What was the purchase price in ${s.D}?`,
    (s) => `How much was paid in ${s.D}?`,
    (s) => `What consideration was agreed for ${s.D}?`,
    (s) => `What did ${s.D} cost the buyer?`,
    (s) => `For what sum was ${s.D} agreed?`,
    (s) => `What headline price did ${s.D} carry?`,
  ],
  closing: [
    (s) => `On what date did ${s.D} close?`,
    (s) => `When did ${s.D} formally close?`,
    (s) => `What is the closing date of ${s.D}?`,
    (s) => `When did ${s.D} become effective?`,
    (s) => `On which day did ownership pass in ${s.D}?`,
    (s) => `When was ${s.D} finalised?`,
  ],
  seller: [
    (s) => `Who sold the business in ${s.D}?`,
    (s) => `Which party was the seller in ${s.D}?`,
    (s) => `From whom was the business bought in ${s.D}?`,
    (s) => `Name the vendor in ${s.D}.`,
    (s) => `Who was on the other side of ${s.D}, as seller?`,
    (s) => `Who received the proceeds of ${s.D}?`,
  ],
};

// ---- the store -------------------------------------------------------------------------------------
interface Lawsuit {
  id: string;
  plaintiff: string;
  outcome: Outcome;
  amount: number;
  decided: Day;
}
interface Year {
  y: number;
  report: string;
  lawsuit: Lawsuit;
  filing: string;
  revenue: number;
  auditor: string;
}
interface Company {
  name: string;
  short: string;
  ticker: string;
  subsidiary: string;
  years: [Year, Year];
  release: string;
  agreement: string;
  seller: string;
  price: number;
  closed: Day;
}

/** Lookup words for the sources: a search tool by name, then a fetch tool by document id. */
const SEARCH_WORDS = ['search', 'find', 'documents', 'query'];
const FETCH_WORDS = ['fetch', 'get', 'document', 'read'];

function families(set: CaseSet) {
  const f = <T>(label: string, all: readonly T[]) => set.families(label, all);
  return {
    amount: f('amount-styles', AMOUNT_STYLES),
    date: f('date-styles', DATE_STYLES),
    reportOpen: f('report-open', REPORT_OPEN),
    reportLitigation: f('report-litigation', REPORT_LITIGATION),
    reportSubsidiary: f('report-subsidiary', REPORT_SUBSIDIARY),
    reportPrevious: f('report-previous', REPORT_PREVIOUS),
    reportFiller: f('report-filler', REPORT_FILLER),
    claimantKinds: f('claimant-kinds', CLAIMANT_KINDS),
    docketFiled: f('docket-filed', DOCKET_FILED),
    docketJudge: f('docket-judge', DOCKET_JUDGE),
    docketHearing: f('docket-hearing', DOCKET_HEARING),
    docketCoclaimant: f('docket-coclaimant', DOCKET_COCLAIMANT),
    docketCosts: f('docket-costs', DOCKET_COSTS),
    docketArchived: f('docket-archived', DOCKET_ARCHIVED),
    outcome: Object.fromEntries(OUTCOMES.map((o) => [o, f(`docket-${o}`, DOCKET_OUTCOME[o])])) as Record<
      Outcome,
      Frame[]
    >,
    subOpen: f('sub-open', SUB_OPEN),
    subRevenue: f('sub-revenue', SUB_REVENUE),
    subProfit: f('sub-profit', SUB_PROFIT),
    subAuditor: f('sub-auditor', SUB_AUDITOR),
    releaseDone: f('release-done', RELEASE_DONE),
    releaseTerminated: f('release-terminated', RELEASE_TERMINATED),
    releaseQuote: f('release-quote', RELEASE_QUOTE),
    agreementParties: f('agreement-parties', AGREEMENT_PARTIES),
    agreementPrice: f('agreement-price', AGREEMENT_PRICE),
    agreementDebt: f('agreement-debt', AGREEMENT_DEBT),
    agreementClosed: f('agreement-closed', AGREEMENT_CLOSED),
    agreementLongstop: f('agreement-longstop', AGREEMENT_LONGSTOP),
    agreementAdviser: f('agreement-adviser', AGREEMENT_ADVISER),
    agreementTerminated: f('agreement-terminated', AGREEMENT_TERMINATED),
    newsDocket: f('news-docket', NEWS_DOCKET),
    newsDeal: f('news-deal', NEWS_DEAL),
    mentions: set.families('mentions', MENTIONS, { public: 2 }),
    reportPhrases: f('report-phrases', REPORT_PHRASES),
    dealPhrases: f('deal-phrases', DEAL_PHRASES),
    ask: Object.fromEntries(Object.entries(ASK).map(([a, frames]) => [a, f(`ask-${a}`, frames)])) as Record<
      Attr,
      Frame[]
    >,
  };
}

export const generate: Generate = (rng, _index, set) => {
  const F = families(set);
  const amountOf = (n: number) => rng.pick(F.amount)(n);
  const dateOf = (x: Day) => rng.pick(F.date)(x);
  const money = (lo: number, hi: number) => rng.int(lo, hi) * 10_000;

  // Document ids: a prefix by kind and four digits, unique in the store.
  const used = new Set<string>();
  const newId = (prefix: string): string => {
    for (;;) {
      const id = `${prefix}-${rng.int(1000, 9999)}`;
      if (!used.has(id)) {
        used.add(id);
        return id;
      }
    }
  };

  // Companies: some have a twin named almost the same (same first word, a near second word).
  const nBase = rng.int(8, 10);
  const firsts = rng.sample(COMPANY_FIRST, nBase);
  const names: Array<{ first: string; second: string }> = [];
  for (const first of firsts) {
    const second = rng.pick(COMPANY_SECOND);
    names.push({ first, second });
    if (rng.chance(0.45)) names.push({ first, second: rng.pick(TWIN_SECOND[second]!) });
  }
  const tickers = new Set<string>();
  const subsidiaries = new Set<string>();
  const targets = new Set<string>();
  /** A business bought (or nearly bought): a party's first word and a line of business, unique in the store. */
  const newTarget = (): string => {
    for (;;) {
      const t = `${rng.pick(PARTY_FIRST)} ${rng.pick(SUBSIDIARY_LINE)} Ltd`;
      if (!targets.has(t)) {
        targets.add(t);
        return t;
      }
    }
  };
  // Parties (claimants, sellers, advisers …): unique in the store, first words used once while they last.
  const partyNames = new Set<string>();
  const party = (): string => {
    for (let i = 0; ; i++) {
      const first = rng.pick(PARTY_FIRST);
      const name = `${first} ${rng.pick(PARTY_KIND)}`;
      const firstUsed = [...partyNames].some((p) => p.startsWith(`${first} `));
      if (!partyNames.has(name) && (!firstUsed || i > 30)) {
        partyNames.add(name);
        return name;
      }
    }
  };
  const latest = rng.int(2021, 2024);

  const docs: Doc[] = [];
  const companies: Company[] = names.map(({ first, second }) => {
    const short = `${first} ${second}`;
    const name = `${short} ${rng.pick(COMPANY_SUFFIX)}`;
    let ticker = (first.slice(0, 2) + second.replace(/[^A-Z]/g, '') + second.slice(1, 3))
      .toUpperCase()
      .slice(0, 4);
    while (tickers.has(ticker)) ticker = ticker.slice(0, 3) + String.fromCharCode(65 + rng.int(0, 25));
    tickers.add(ticker);
    let subsidiary = '';
    while (subsidiary === '' || subsidiaries.has(subsidiary))
      subsidiary = `${first} ${rng.pick(SUBSIDIARY_LINE)} ${rng.pick(['Ltd', 'LLC', 'GmbH', 'B.V.'])}`;
    subsidiaries.add(subsidiary);
    const year = (y: number): Year => {
      const outcome = rng.pick(OUTCOMES);
      const paid = outcome === 'settled' || outcome === 'judgment for the plaintiff';
      return {
        y,
        report: newId('AR'),
        lawsuit: {
          id: newId('DK'),
          plaintiff: party(),
          outcome,
          amount: paid ? money(30, 900) : 0,
          decided: { y: y + rng.int(0, 1), m: rng.int(3, 12), d: rng.int(1, 28) },
        },
        filing: newId('SF'),
        revenue: money(500, 9000),
        auditor: rng.pick(AUDITORS),
      };
    };
    return {
      name,
      short,
      ticker,
      subsidiary,
      years: [year(latest - 1), year(latest)],
      release: newId('PR'),
      agreement: newId('AG'),
      seller: party(),
      price: money(200, 9000),
      closed: dayIn(rng, latest),
    };
  });

  for (const c of companies) {
    // Annual reports and what they cite.
    c.years.forEach((yr, i) => {
      const parts = [
        rng.pick(F.reportLitigation)({ DK: yr.lawsuit.id, WHO: rng.pick(F.claimantKinds) }),
        rng.pick(F.reportSubsidiary)({ SUB: c.subsidiary, SF: yr.filing }),
        rng.pick(F.reportFiller)({
          N: String(rng.int(120, 9000)),
          CENTS: String(rng.int(2, 60)),
          R2: amountOf(money(50, 900)),
        }),
      ];
      if (i === 1) parts.push(rng.pick(F.reportPrevious)({ PREV: c.years[0].report, PY: String(yr.y - 1) }));
      const text = [
        rng.pick(F.reportOpen)({ C: c.name, T: c.ticker, Y: String(yr.y), R: amountOf(money(3000, 90000)) }),
        ...rng.shuffle(parts),
      ].join(' ');
      docs.push({
        id: yr.report,
        title: `${c.name}: annual report ${yr.y}`,
        date: iso(dayIn(rng, yr.y + 1)),
        text,
      });

      // The lawsuit's docket.
      const law = yr.lawsuit;
      const filed = dayIn(rng, yr.y - 1);
      // A hearing between filing and decision (the decision falls after March of the year).
      let hearing = dayIn(rng, yr.y);
      for (let i = 0; i < 40 && (!before(filed, hearing) || !before(hearing, law.decided)); i++)
        hearing = dayIn(rng, yr.y);
      const docketParts = [
        rng.pick(F.docketJudge)({ J: rng.pick(JUDGES) }),
        rng.pick(F.docketHearing)({ H: dateOf(hearing) }),
      ];
      if (rng.chance(0.6))
        docketParts.push(rng.pick(F.docketCoclaimant)({ P2: party(), W: dateOf(dayIn(rng, yr.y)) }));
      if (rng.chance(0.6)) docketParts.push(rng.pick(F.docketCosts)({ X: amountOf(money(5, 300)) }));
      if (rng.chance(0.5))
        docketParts.push(
          rng.pick(F.docketArchived)({ X: dateOf({ ...law.decided, y: law.decided.y + rng.int(1, 2) }) }),
        );
      docketParts.push(
        rng.pick(F.outcome[law.outcome])({
          P: law.plaintiff,
          C: c.short,
          D: dateOf(law.decided),
          A: amountOf(law.amount),
        }),
      );
      const docketText = [
        rng.pick(F.docketFiled)({
          P: law.plaintiff,
          C: rng.chance(0.5) ? c.name : c.short,
          COURT: rng.pick(COURTS),
          F: dateOf(filed),
          AC: amountOf(Math.max(law.amount, money(30, 400)) + money(50, 900)),
        }),
        ...rng.shuffle(docketParts),
      ].join(' ');
      docs.push({ id: law.id, title: `${law.plaintiff} v. ${c.name}`, date: iso(filed), text: docketText });

      // The subsidiary's filing.
      const subParts = [
        rng.pick(F.subRevenue)({
          SUB: c.subsidiary,
          PARENT: c.name,
          Y: String(yr.y),
          PY: String(yr.y - 1),
          R: amountOf(yr.revenue),
          R0: amountOf(Math.round((yr.revenue * rng.float(0.7, 1.3)) / 10_000) * 10_000 + 10_000),
        }),
        rng.pick(F.subProfit)({
          OP: amountOf(Math.round((yr.revenue * rng.float(0.05, 0.25)) / 10_000) * 10_000),
        }),
        rng.pick(F.subAuditor)({ AUD: yr.auditor, AUD0: rng.pick(AUDITORS.filter((a) => a !== yr.auditor)) }),
      ];
      const subText = [
        rng.pick(F.subOpen)({ SUB: c.subsidiary, PARENT: c.name, Y: String(yr.y) }),
        ...rng.shuffle(subParts),
      ].join(' ');
      docs.push({
        id: yr.filing,
        title: `${c.subsidiary}: annual filing ${yr.y}`,
        date: iso(dayIn(rng, yr.y + 1)),
        text: subText,
      });
    });

    // The completed acquisition, and the terminated one its release also cites.
    const target = newTarget();
    const target0 = newTarget();
    const agreement0 = newId('AG');
    const announced = { ...c.closed, d: Math.min(28, c.closed.d + rng.int(0, 3)) };
    const releaseText = [
      rng.pick(F.releaseDone)({
        C: c.name,
        T: c.ticker,
        TG: target,
        AG: c.agreement,
        DATE: dateOf(announced),
      }),
      ...rng.shuffle([
        rng.pick(F.releaseTerminated)({ TG0: target0, AG0: agreement0 }),
        rng.pick(F.releaseQuote)({ TG: target, LINE: rng.pick(SUBSIDIARY_LINE).toLowerCase() }),
      ]),
    ].join(' ');
    docs.push({
      id: c.release,
      title: `${c.name} (${c.ticker}) completes acquisition of ${target}`,
      date: iso(announced),
      text: releaseText,
    });
    const signed = dayIn(rng, latest - 1);
    const agreementText = (seller: string, tg: string, price: number, ending: string): string =>
      [
        rng.pick(F.agreementParties)({ SIGN: dateOf(signed), SELLER: seller, C: c.name, TG: tg }),
        ...rng.shuffle([
          rng.pick(F.agreementPrice)({
            PRICE: amountOf(price),
            DEP: amountOf(Math.round(price / 10 / 10_000) * 10_000 + 10_000),
          }),
          rng.pick(F.agreementAdviser)({ ADV: party() }),
          ...(rng.chance(0.5)
            ? [rng.pick(F.agreementLongstop)({ LONG: dateOf(dayIn(rng, latest + 1)) })]
            : []),
          ...(rng.chance(0.6) ? [rng.pick(F.agreementDebt)({ EV: amountOf(price + money(50, 3000)) })] : []),
          ending,
        ]),
      ].join(' ');
    docs.push({
      id: c.agreement,
      title: `Share purchase agreement: ${target}`,
      date: iso(signed),
      text: agreementText(
        c.seller,
        target,
        c.price,
        rng.pick(F.agreementClosed)({ CLOSE: dateOf(c.closed) }),
      ),
    });
    docs.push({
      id: agreement0,
      title: `Share purchase agreement: ${target0}`,
      date: iso(signed),
      text: agreementText(
        party(),
        target0,
        money(200, 9000),
        rng.pick(F.agreementTerminated)({ END: dateOf(dayIn(rng, latest - 1)) }),
      ),
    });

    // News that misreports a figure.
    if (rng.chance(0.6)) {
      const law = rng.pick(c.years).lawsuit;
      const text = rng.chance(0.5)
        ? rng.pick(F.newsDocket)({ SHORT: c.short, DK: law.id, A: amountOf(money(100, 1500)) })
        : rng.pick(F.newsDeal)({
            SHORT: c.short,
            TG: target,
            AG: c.agreement,
            A: amountOf(c.price + money(20, 600)),
          });
      docs.push({ id: newId('NW'), title: `${c.short}: market news`, date: iso(dayIn(rng, latest)), text });
    }
  }

  // Questions: each on one company and one chain, no chain asked twice.
  // A name that ends in a full stop (Inc., Co.) does not take a second one.
  for (const d of docs) d.text = d.text.replace(/\.\./g, '.');
  const byId = new Map(docs.map((d) => [d.id, d]));
  const nQuestions = rng.int(6, 10);
  const questions: Question[] = [];
  const answers: Answer[] = [];
  const chains: Array<{ key: string; first: string; second: string }> = [];
  const asked = new Set<string>();
  for (let tries = 0; questions.length < nQuestions && tries < 200; tries++) {
    const c = rng.pick(companies);
    const named = rng.pick(F.mentions)(c);
    const mention = named.text;
    const topic = rng.pick(['lawsuit', 'lawsuit', 'subsidiary', 'deal'] as const);
    let attr: Attr;
    let first: string;
    let second: string;
    let answer: string;
    let question: string;
    if (topic === 'deal') {
      attr = rng.pick(['price', 'closing', 'seller'] as const);
      first = c.release;
      second = c.agreement;
      answer = attr === 'price' ? String(c.price) : attr === 'closing' ? iso(c.closed) : c.seller;
      question = rng.pick(F.ask[attr])({ D: rng.pick(F.dealPhrases)(mention) });
    } else {
      const phrase = rng.pick(F.reportPhrases);
      const yi = phrase.which === 'latest' ? 1 : phrase.which === 'earlier' ? 0 : rng.int(0, 1);
      const yr = c.years[yi]!;
      const R = phrase.say(mention, yr.y);
      first = yr.report;
      if (topic === 'lawsuit') {
        const law = yr.lawsuit;
        const paid = law.amount > 0;
        attr = rng.pick(
          paid
            ? (['plaintiff', 'outcome', 'amount', 'decided'] as const)
            : (['plaintiff', 'outcome', 'decided'] as const),
        );
        second = law.id;
        answer =
          attr === 'plaintiff'
            ? law.plaintiff
            : attr === 'outcome'
              ? law.outcome
              : attr === 'amount'
                ? String(law.amount)
                : iso(law.decided);
      } else {
        attr = rng.pick(['revenue', 'auditor'] as const);
        second = yr.filing;
        answer = attr === 'revenue' ? String(yr.revenue) : yr.auditor;
      }
      question = rng.pick(F.ask[attr])({ R });
    }
    const key = `${first}:${attr}`;
    if (asked.has(key)) continue;
    asked.add(key);
    const qid = `Q${questions.length + 1}`;
    questions.push({ qid, question: capitalise(question) });
    answers.push({ qid, answer, citations: [first, second].sort() });
    chains.push({ key: named.key, first, second });
  }

  const relevant = new Map<string, string[]>();
  for (const a of answers) for (const d of a.citations) relevant.set(d, [...(relevant.get(d) ?? []), a.qid]);
  const facts = [
    ...questions.map((q, i) => {
      const chain = chains[i]!;
      const spans = [byId.get(chain.first)!.text, byId.get(chain.second)!.text];
      const search = { words: SEARCH_WORDS, arg: chain.key };
      const fetchFirst = { words: FETCH_WORDS, arg: chain.first };
      return {
        id: q.qid,
        text: q.question,
        answers: { answer: answers[i]!.answer, citations: answers[i]!.citations },
        evidence: { answer: spans, citations: spans },
        sources: [
          { span: spans[0]!, via: [search, fetchFirst] },
          { span: spans[1]!, via: [search, fetchFirst, { words: FETCH_WORDS, arg: chain.second }] },
        ],
      };
    }),
    ...docs.map((d) => ({ id: d.id, text: d.text, answers: { relevant_to: relevant.get(d.id) ?? [] } })),
  ];
  return { input: { documents: rng.shuffle(docs), questions }, expected: { answers }, facts };
};
