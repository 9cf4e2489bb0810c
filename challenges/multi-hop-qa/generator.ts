import type { CaseSet, Generate, Rng } from '@reps/engine';
import { capitalise, SLIPS, type Slip } from '@reps/engine/generator-kit';
import { CITIES, COMPANY_NAMES, FIRST, LAST, PRODUCTS, UNIVERSITIES } from './data.js';

/**
 * An analyst's research pack: short profiles of companies and people (from a fictional market),
 * and a few questions none of which one profile answers on its own. A question chains two or three
 * facts across profiles ("the founder of the company that acquired X") or compares two of them.
 *
 * Every fact is written from a family of sentence frames, and each relation is stated in ONE of
 * the two profiles it links (a founding in the company's profile or in the founder's, a takeover in
 * the target's or in the buyer's, a chief executive in either), so the chain's profiles are not
 * simply the ones the question names. Profiles carry distractors: former chief executives, failed
 * bids, early backers, where someone grew up or later taught, a discontinued product. People are
 * named by full name or by title and surname, and names are sometimes misspelt in passing. The
 * set chooses the families: hidden cases use frames and question phrasings no public case shows.
 */

interface Doc {
  id: string;
  title: string;
  text: string;
}
interface Question {
  qid: string;
  question: string;
}
interface Input {
  documents: Doc[];
  questions: Question[];
}
interface Answer {
  qid: string;
  answer: string;
  citations: string[];
}
interface Expected {
  answers: Answer[];
}

const TITLES: Record<'she' | 'he' | 'they', string[]> = {
  she: ['Ms', 'Dr', 'Prof.'],
  he: ['Mr', 'Dr', 'Prof.'],
  they: ['Mx', 'Dr', 'Prof.'],
};

interface Company {
  name: string;
  founded: number;
  hq: string;
  founder: number;
  ceo: number;
  ceoSince: number;
  product: string;
  acquiredBy: number | null;
  acquiredIn: number;
  founderIn: 'company' | 'person';
  ceoIn: 'company' | 'person';
  acquisitionIn: 'target' | 'buyer';
}
interface Person {
  name: string;
  first: string;
  last: string;
  pron: 'she' | 'he' | 'they';
  born: string;
  birthYear: number;
  studied: string;
  title: string;
}

type S = Record<string, string>;
type Frame = (s: S) => string;

const PRON: Record<string, { subj: string; poss: string; be: string; have: string }> = {
  she: { subj: 'she', poss: 'her', be: 'is', have: 'has' },
  he: { subj: 'he', poss: 'his', be: 'is', have: 'has' },
  they: { subj: 'they', poss: 'their', be: 'are', have: 'have' },
};

// ---- company profile frames (s.C company, s.Y year, s.P person mention, s.H city, s.PR product) --
const FOUNDED_WITH: Frame[] = [
  (s) => `${s.C} was founded in ${s.Y} by ${s.P}.`,
  (s) => `${s.P} founded ${s.C} in ${s.Y}.`,
  (s) => `${s.C} was founded in ${s.Y}, not by ${s.P2}, who only put up money, but by ${s.P}.`,
  (s) => `${s.P}, with early money from ${s.P2}, founded ${s.C} in ${s.Y}.`,
  (s) => `${s.C} traces its origins to ${s.Y}, when ${s.P} started it in a rented workshop.`,
  (s) => `Set up by ${s.P} in ${s.Y}, ${s.C} began as a two-person outfit.`,
  (s) => `${s.C} dates from ${s.Y}; its founder is ${s.P}.`,
  (s) => `It was ${s.P} who established ${s.C}, back in ${s.Y}.`,
  (s) => `${s.C} (est. ${s.Y}) is the creation of ${s.P}.`,
  (s) => `The business was started in ${s.Y} by ${s.P}, who gave ${s.C} its name.`,
  (s) => `${s.C} opened its doors in ${s.Y} under its founder, ${s.P}.`,
  (s) => `Although ${s.P2} is often called a co-founder, ${s.C} was started by ${s.P} alone in ${s.Y}.`,
  (s) => `${s.P2} backed the idea, but it was ${s.P} who founded ${s.C} in ${s.Y}.`,
  (s) => `${s.C} was founded in ${s.Y} by ${s.P}; ${s.P2}, sometimes named as founder, joined a year later.`,
];
const FOUNDED_BARE: Frame[] = [
  (s) => `${s.C} was founded in ${s.Y}.`,
  (s) => `${s.C} has been trading since ${s.Y}.`,
  (s) => `${s.C} dates back to ${s.Y}.`,
  (s) => `Established in ${s.Y}, ${s.C} is privately held.`,
  (s) => `${s.C} first registered as a company in ${s.Y}.`,
  (s) => `The year ${s.Y} saw ${s.C} incorporated.`,
];
const HQ: Frame[] = [
  (s) => `It is headquartered in ${s.H}.`,
  (s) => `Its head office is in ${s.H}.`,
  (s) => `Its head office moved from ${s.H2} to ${s.H} in ${s.Y}.`,
  (s) => `The company is based in ${s.H}.`,
  (s) => `It runs its operations from ${s.H}.`,
  (s) => `Its headquarters sit on the waterfront in ${s.H}.`,
  (s) => `Staff report to the main office in ${s.H}.`,
  (s) => `${s.H} is where the firm keeps its head office.`,
  (s) => `It is based in ${s.H}, with a second office in ${s.H2}.`,
  (s) => `Founded in ${s.H2}, it now has its head office in ${s.H}.`,
  (s) => `${s.H2} hosts its lab; the head office is in ${s.H}.`,
];
const PRODUCT: Frame[] = [
  (s) => `Its best-known product is ${s.PR}.`,
  (s) => `It makes ${s.PR}.`,
  (s) => `Most customers know it for ${s.PR}.`,
  (s) => `Its flagship is ${s.PR}.`,
  (s) => `The firm designs and sells ${s.PR}.`,
  (s) => `Revenue comes mostly from ${s.PR}.`,
  (s) => `${capitalise(s.PR)} is the product it is known for.`,
];
const CEO_IN_COMPANY: Frame[] = [
  (s) => `The current chief executive is ${s.P}.`,
  (s) => `${s.P} has led the company since ${s.Y}.`,
  (s) => `${s.P2} handed over to ${s.P} as chief executive in ${s.Y}.`,
  (s) => `${s.P} succeeded ${s.P2} as CEO in ${s.Y}.`,
  (s) => `Today the business is run by ${s.P}.`,
  (s) => `${s.P} took over as CEO in ${s.Y}.`,
  (s) => `Its chief executive, ${s.P}, was appointed in ${s.Y}.`,
  (s) => `Day-to-day leadership has rested with ${s.P} since ${s.Y}.`,
  (s) => `${s.P} is the company's present CEO.`,
  (s) => `In ${s.Y} ${s.P2} was succeeded as chief executive by ${s.P}.`,
  (s) => `${s.P} replaced ${s.P2} at the top in ${s.Y} and still runs the company.`,
  (s) => `${s.P} has run the business since ${s.Y}, when ${s.P2} stepped down.`,
];
const ACQUIRED_IN_TARGET: Frame[] = [
  (s) => `In ${s.Y} it was acquired by ${s.B}.`,
  (s) => `${s.B} bought the company in ${s.Y}.`,
  (s) => `${s.B} outbid ${s.B2} and bought the company in ${s.Y}.`,
  (s) => `Since ${s.Y} it has been part of ${s.B}.`,
  (s) => `It became a subsidiary of ${s.B} in ${s.Y}.`,
  (s) => `${s.B} completed its takeover of the firm in ${s.Y}.`,
  (s) => `The company has been owned by ${s.B} since a ${s.Y} deal.`,
  (s) => `After ${s.B2} pulled out, ${s.B} acquired the firm in ${s.Y}.`,
  (s) => `${s.B2} lost out to ${s.B} in the ${s.Y} auction for the company.`,
  (s) => `It was sold in ${s.Y}: not to ${s.B2}, as expected, but to ${s.B}.`,
];
const ACQUIRED_IN_BUYER: Frame[] = [
  (s) => `In ${s.Y} it acquired ${s.T}.`,
  (s) => `It bought ${s.T} in ${s.Y}.`,
  (s) => `In ${s.Y} it bought ${s.T} after a bid for ${s.T2} failed.`,
  (s) => `${s.T} has been part of the group since ${s.Y}.`,
  (s) => `Its ${s.Y} takeover of ${s.T} doubled its headcount.`,
  (s) => `It added ${s.T} to its portfolio in ${s.Y}.`,
  (s) => `The purchase of ${s.T} closed in ${s.Y}.`,
  (s) => `It looked at ${s.T2} but bought ${s.T} instead, in ${s.Y}.`,
  (s) => `Its ${s.Y} purchase of ${s.T} followed failed talks with ${s.T2}.`,
];
// Distractors of a company profile.
const FORMER_CEO: Frame[] = [
  (s) => `${s.P} was chief executive until ${s.Y}.`,
  (s) => `Former chief executive ${s.P} left in ${s.Y}.`,
  (s) => `${s.P}, its CEO until ${s.Y}, now chairs the board.`,
  (s) => `${s.P} ran the business until stepping down in ${s.Y}.`,
  (s) => `The previous head, ${s.P}, retired in ${s.Y}.`,
  (s) => `Until ${s.Y} the chief executive was ${s.P}.`,
];
const FAILED_BID: Frame[] = [
  (s) => `A takeover bid from ${s.B} in ${s.Y} was rejected.`,
  (s) => `${s.B} tried to buy it in ${s.Y}, but the deal collapsed.`,
  (s) => `Talks about a sale to ${s.B} broke down in ${s.Y}.`,
  (s) => `Shareholders turned down an offer from ${s.B} in ${s.Y}.`,
  (s) => `${s.B} walked away from a proposed merger in ${s.Y}.`,
  (s) => `Regulators blocked a ${s.Y} bid by ${s.B}.`,
];
const BACKER: Frame[] = [
  (s) => `${s.P} was an early investor, not a founder.`,
  (s) => `Early backers included ${s.P}.`,
  (s) => `${s.P} put money in during its first funding round.`,
  (s) => `${s.P} joined the board as a non-executive director.`,
  (s) => `An angel investment from ${s.P} kept it afloat in its first year.`,
  (s) => `${s.P} advised the founders before the company launched.`,
];
const OLD_OFFICE: Frame[] = [
  (s) => `Until ${s.Y} its offices were in ${s.H}.`,
  (s) => `It moved out of ${s.H} in ${s.Y}.`,
  (s) => `It also runs a small sales office in ${s.H}.`,
  (s) => `A research lab in ${s.H} opened in ${s.Y}.`,
  (s) => `Its first workshop, in ${s.H}, closed in ${s.Y}.`,
  (s) => `Its warehouse is near ${s.H}.`,
];
const OLD_PRODUCT: Frame[] = [
  (s) => `It discontinued ${s.PR} in ${s.Y}.`,
  (s) => `An earlier product, ${s.PR}, was dropped in ${s.Y}.`,
  (s) => `It once licensed ${s.PR} from a partner.`,
  (s) => `Plans for ${s.PR} were shelved in ${s.Y}.`,
  (s) => `It distributes ${s.PR} in some markets under licence.`,
  (s) => `Its short-lived ${s.PR.replace(/^the /, '')} was withdrawn in ${s.Y}.`,
];

// ---- person profile frames (s.N name, s.Pr subject pronoun, s.X city, s.Y year, s.U university) --
const BIRTH: Frame[] = [
  (s) => `${s.N} was born in ${s.X} in ${s.Y}.`,
  (s) => `Born in ${s.X} in ${s.Y}, ${s.N} trained as an engineer.`,
  (s) => `Though raised in ${s.X2}, ${s.N} was born in ${s.X} in ${s.Y}.`,
  (s) => `${s.N} was born in ${s.X} in ${s.Y} and moved to ${s.X2} in ${s.Y2}.`,
  (s) => `${s.N} (born ${s.Y}) is a native of ${s.X}.`,
  (s) => `${s.N} came into the world in ${s.X} in ${s.Y}.`,
  (s) => `${s.X}-born ${s.N} arrived in ${s.Y}, the youngest of four.`,
  (s) => `${s.N}'s birthplace is ${s.X}; the year was ${s.Y}.`,
  (s) => `${s.N} was born in ${s.Y}, in ${s.X}.`,
  (s) => `A ${s.Y} birth certificate from ${s.X} names ${s.N}.`,
  (s) => `${s.X}, not ${s.X2} as often reported, is where ${s.N} was born, in ${s.Y}.`,
  (s) => `${s.X2} likes to claim ${s.N}, who was in fact born in ${s.X} in ${s.Y}.`,
  (s) => `${s.N} grew up in ${s.X2} from ${s.Y2}, having been born in ${s.X} in ${s.Y}.`,
];
const STUDIED: Frame[] = [
  (s) => `${s.F} studied at ${s.U}.`,
  (s) => `${capitalise(s.Pr)} ${s.Hold} a degree from ${s.U}.`,
  (s) => `${s.F} studied at ${s.U} after being turned down by ${s.U2}.`,
  (s) => `${s.F} taught at ${s.U2} for years but studied at ${s.U}.`,
  (s) => `${capitalise(s.Pr)} graduated from ${s.U}.`,
  (s) => `${s.F} read economics at ${s.U}.`,
  (s) => `${capitalise(s.Pr)} did ${s.Poss} degree at ${s.U}.`,
  (s) => `${s.F} is a graduate of ${s.U}.`,
  (s) => `${capitalise(s.U)} is where ${s.F} earned a first degree.`,
  (s) => `${s.F}'s alma mater is ${s.U}.`,
  (s) => `Turned down by ${s.U2}, ${s.F} took a degree at ${s.U} instead.`,
  (s) => `${s.F} left ${s.U2} after one term and graduated from ${s.U}.`,
  (s) => `${capitalise(s.Pr)} ${s.Hold} a degree from ${s.U} and a fellowship from ${s.U2}.`,
];
const FOUNDER_IN_PERSON: Frame[] = [
  (s) => `In ${s.Y} ${s.Pr} founded ${s.C}.`,
  (s) => `${capitalise(s.Pr)} ${s.Be} the founder of ${s.C}.`,
  (s) => `After a spell at ${s.C2}, ${s.Pr} founded ${s.C} in ${s.Y}.`,
  (s) => `${capitalise(s.Pr)} started ${s.C} in ${s.Y}.`,
  (s) => `${s.C} is the company ${s.Pr} set up in ${s.Y}.`,
  (s) => `${s.F} founded ${s.C} at the age of ${s.A}.`,
  (s) => `${s.C} was ${s.Poss} own creation, launched in ${s.Y}.`,
  (s) => `${capitalise(s.Pr)} went on to establish ${s.C}.`,
  (s) => `${capitalise(s.Pr)} left ${s.C2} to start ${s.C} in ${s.Y}.`,
  (s) => `${capitalise(s.Pr)} founded ${s.C} in ${s.Y}, having advised ${s.C2} for years.`,
];
const CEO_IN_PERSON: Frame[] = [
  (s) => `${capitalise(s.Pr)} ${s.Have} been chief executive of ${s.C} since ${s.Y}.`,
  (s) => `${capitalise(s.Pr)} now ${s.Run} ${s.C}.`,
  (s) => `${capitalise(s.Pr)} left the board of ${s.C2} to run ${s.C} in ${s.Y}.`,
  (s) => `Today ${s.Pr} ${s.Lead} ${s.C}.`,
  (s) => `${s.F} became CEO of ${s.C} in ${s.Y}.`,
  (s) => `${s.C} has been under ${s.Poss} leadership since ${s.Y}.`,
  (s) => `${s.F} is the current head of ${s.C}.`,
  (s) => `In ${s.Y} ${s.C} appointed ${s.F} chief executive.`,
  (s) => `Having sold ${s.Poss} stake in ${s.C2}, ${s.Pr} now ${s.Run} ${s.C}.`,
  (s) => `${s.F} runs ${s.C}; ${s.C2} only has ${s.Poss} advice.`,
];
const GREW_UP: Frame[] = [
  (s) => `${capitalise(s.Pr)} grew up in ${s.X}.`,
  (s) => `${capitalise(s.Pr)} ${s.Have} lived in ${s.X} since ${s.Y}.`,
  (s) => `${s.F}'s family moved to ${s.X} soon after.`,
  (s) => `${capitalise(s.Pr)} now ${s.Live} in ${s.X}.`,
  (s) => `${s.F} spent ${s.Poss} teens in ${s.X}.`,
  (s) => `Friends know ${s.F} from ${s.Poss} years in ${s.X}.`,
];
const OTHER_UNI: Frame[] = [
  (s) => `${capitalise(s.Pr)} later taught at ${s.U}.`,
  (s) => `${s.F} turned down a place at ${s.U}.`,
  (s) => `${capitalise(s.Pr)} spent a year as a visiting fellow at ${s.U}.`,
  (s) => `${s.F} lectures part-time at ${s.U}.`,
  (s) => `${capitalise(s.U)} gave ${s.F} an honorary doctorate in ${s.Y}.`,
  (s) => `${s.F} once applied to ${s.U} without success.`,
];
const SIDE_ROLE: Frame[] = [
  (s) => `${capitalise(s.Pr)} also ${s.Sit} on the board of ${s.C}.`,
  (s) => `${s.F} advised ${s.C} on its ${s.Y} expansion.`,
  (s) => `${s.F} was briefly chief operating officer at ${s.C}.`,
  (s) => `${s.F} chairs the audit committee of ${s.C}.`,
  (s) => `${capitalise(s.Pr)} invested in ${s.C} in ${s.Y}.`,
  (s) => `${s.F} once worked in sales at ${s.C}.`,
];
const FILLER: Frame[] = [
  (s) => `${capitalise(s.Pr)} ${s.Be} known for a blunt management style.`,
  (s) => `${capitalise(s.Pr)} ${s.Sit} on two charity boards.`,
  (s) => `${capitalise(s.Pr)} rarely ${s.Give} interviews.`,
  (s) => `Colleagues mention ${s.Poss} fondness for long walks.`,
  (s) => `A keen sailor, ${s.F} races most summers.`,
  (s) => `${s.F} collects old maps.`,
  (s) => `${capitalise(s.Pr)} ${s.Speak} four languages.`,
  (s) => `${s.F} mentors young engineers.`,
];

// ---- question frames -----------------------------------------------------------------------
// Slots: s.T target company ref, s.C company ref, s.P person name, s.A / s.B company refs.
const Q_FOUNDER_BIRTHPLACE_OF_BUYER: Frame[] = [
  (s) => `In which city was the founder of the company that acquired ${s.T} born?`,
  (s) => `Where was the person who started the company that bought ${s.T} born?`,
  (s) => `${s.T} was taken over at some point. In what city was the buyer's founder born?`,
  (s) => `Name the birthplace of whoever founded the firm that now owns ${s.T}.`,
  (s) => `The company that absorbed ${s.T} had a founder; which town were they born in?`,
  (s) => `What is the home city, by birth, of the founder of ${s.T}'s parent company?`,
];
const Q_CEO_UNIVERSITY: Frame[] = [
  (s) => `Where did the chief executive of ${s.C} study?`,
  (s) => `Which university did the person who runs ${s.C} attend?`,
  (s) => `What is the alma mater of ${s.C}'s CEO?`,
  (s) => `Whoever leads ${s.C} today: where did they get their degree?`,
  (s) => `From which university did the current head of ${s.C} graduate?`,
  (s) => `Name the university where ${s.C}'s boss studied.`,
];
const Q_FOUNDED_FIRST: Frame[] = [
  (s) => `Which was founded first, ${s.A} or ${s.B}?`,
  (s) => `Which is older as a company: ${s.A} or ${s.B}?`,
  (s) => `Of ${s.A} and ${s.B}, which one was established earlier?`,
  (s) => `${capitalise(s.A)} and ${s.B}: which has been around longer?`,
  (s) => `Which came first, ${s.B} or ${s.A}?`,
  (s) => `Between ${s.B} and ${s.A}, name the company founded earlier.`,
];
const Q_CEO_OF_BUYER: Frame[] = [
  (s) => `Who runs the company that bought ${s.T}?`,
  (s) => `Who is the chief executive of the company that acquired ${s.T}?`,
  (s) => `${s.T} has a parent company. Who heads it?`,
  (s) => `Name the current CEO of ${s.T}'s owner.`,
  (s) => `Who leads the firm that took over ${s.T}?`,
  (s) => `The buyer of ${s.T} is run by whom?`,
];
const Q_FOUNDER_BIRTH_YEAR: Frame[] = [
  (s) => `In what year was the founder of ${s.C} born?`,
  (s) => `When was the person who founded ${s.C} born?`,
  (s) => `What is the birth year of ${s.C}'s founder?`,
  (s) => `${capitalise(s.C)} was started by one person. What year were they born?`,
  (s) => `Give the year of birth of whoever set up ${s.C}.`,
  (s) => `How about ${s.C}'s founder: born in which year?`,
];
const Q_HQ_OF_LED_BY: Frame[] = [
  (s) => `Which city is the company led by ${s.P} based in?`,
  (s) => `Where is the company that ${s.P} runs headquartered?`,
  (s) => `${s.P} is a chief executive. In which city is that company's head office?`,
  (s) => `Name the headquarters city of the firm headed by ${s.P}.`,
  (s) => `Where does the business run by ${s.P} have its head office?`,
  (s) => `In what city is ${s.P}'s company based?`,
];
const Q_BUYER_OF_FOUNDED_BY: Frame[] = [
  (s) => `Which company acquired the company founded by ${s.P}?`,
  (s) => `Who bought the firm that ${s.P} started?`,
  (s) => `${s.P} founded a company that was later sold. To which company?`,
  (s) => `Name the owner of the business ${s.P} set up.`,
  (s) => `Which firm took over ${s.P}'s company?`,
  (s) => `The company ${s.P} founded now belongs to which group?`,
];
const Q_BORN_FIRST: Frame[] = [
  (s) => `Who was born first, the founder of ${s.A} or the chief executive of ${s.B}?`,
  (s) => `Who is older: ${s.A}'s founder or ${s.B}'s CEO?`,
  (s) => `Of the person who started ${s.A} and the person who runs ${s.B}, who was born earlier?`,
  (s) => `Between the head of ${s.B} and the founder of ${s.A}, name the elder.`,
  (s) => `Which is older, whoever founded ${s.A} or whoever leads ${s.B}?`,
  (s) => `The founder of ${s.A} and the CEO of ${s.B}: who was born first?`,
];
const Q_HQ_OF_BUYER_OF_FOUNDED_BY: Frame[] = [
  (s) => `In which city is the company that bought the company founded by ${s.P} headquartered?`,
  (s) => `${s.P} started a firm that was later acquired. Where is the buyer based?`,
  (s) => `Where is the head office of the group that owns the business ${s.P} set up?`,
  (s) => `The company ${s.P} founded was taken over. In which city is its new owner based?`,
  (s) => `Name the headquarters city of the acquirer of ${s.P}'s company.`,
  (s) => `Which city hosts the head office of the firm that took over the company founded by ${s.P}?`,
];
const Q_ACQUISITION_YEAR: Frame[] = [
  (s) => `In what year did ${s.B} take over ${s.C}?`,
  (s) => `When did ${s.C} become part of ${s.B}?`,
  (s) => `What year was ${s.C} acquired by ${s.B}?`,
  (s) => `${capitalise(s.B)} bought ${s.C}. In which year?`,
  (s) => `Give the year ${s.B}'s purchase of ${s.C} closed.`,
  (s) => `How about the sale of ${s.C} to ${s.B}: which year?`,
];
/** Ways to name a company by its product in a question. */
const BY_PRODUCT: Array<(product: string) => string> = [
  (p) => `the company behind ${p}`,
  (p) => `the company that makes ${p}`,
  (p) => `the maker of ${p}`,
  (p) => `the firm that sells ${p}`,
  (p) => `the business known for ${p}`,
  (p) => `the manufacturer of ${p}`,
];

/** How a company's profile may describe a person instead of naming them. */
type Describe = (p: { born: string; job: string }) => string;
const an = (w: string) => (/^[aeiou]/.test(w) ? `an ${w}` : `a ${w}`);
/** By birthplace (the set chooses the phrasings). */
const DESCRIPTIONS: Describe[] = [
  (p) => `the ${p.born}-born ${p.job}`,
  (p) => `${an(p.job)} born in ${p.born}`,
  (p) => `the ${p.job} whose birthplace is ${p.born}`,
  (p) => `${an(p.job)} who was born in ${p.born}`,
];
/** By the other company the person runs (when their own profile says so). */
const RUNS_DESCRIPTIONS = [
  (c: string) => `the current chief executive of ${c}`,
  (c: string) => `the person who now runs ${c}`,
];
const JOBS = ['engineer', 'economist', 'chemist', 'designer', 'lawyer', 'physicist'];

/** Shorter names for a company mentioned in passing ("Brightline" for Brightline Tools). */
const SHORT_NAMES: Array<(name: string) => string> = [
  (n) => (n.includes(' ') && !n.includes('&') ? n.split(' ').slice(0, -1).join(' ') : n),
  (n) => (n.includes('&') ? n : `the ${n.split(' ')[0]} business`),
  (n) =>
    n.includes('&') ? n : `${n.split(' ')[0]} (the ${n.split(' ').slice(1).join(' ').toLowerCase()} firm)`,
  (n) =>
    n.includes('&')
      ? n
      : n
          .split(' ')
          .map((w) => w[0])
          .join('')
          .toUpperCase(),
];

/** Misspells a name in passing: one slip (of the set's kinds, SLIPS) in its longest word. */
function typo(rng: Rng, name: string, slips: readonly Slip[] = SLIPS.slice(0, 1)): string {
  const words = name.split(' ');
  let at = 0;
  words.forEach((w, i) => {
    if (w.length > words[at]!.length) at = i;
  });
  const w = words[at]!;
  if (w.length < 5) return name;
  words[at] = rng.pick(slips)(rng, w);
  return words.join(' ');
}

export const generate: Generate<Input, Expected> = (rng, _index, set: CaseSet) => {
  const fam = <T>(label: string, all: readonly T[]) => set.families(label, all);
  const F = {
    foundedWith: fam('founded-with', FOUNDED_WITH),
    foundedBare: fam('founded-bare', FOUNDED_BARE),
    hq: fam('hq', HQ),
    product: fam('product', PRODUCT),
    ceoCompany: fam('ceo-company', CEO_IN_COMPANY),
    acqTarget: fam('acquired-target', ACQUIRED_IN_TARGET),
    acqBuyer: fam('acquired-buyer', ACQUIRED_IN_BUYER),
    formerCeo: fam('former-ceo', FORMER_CEO),
    failedBid: fam('failed-bid', FAILED_BID),
    backer: fam('backer', BACKER),
    oldOffice: fam('old-office', OLD_OFFICE),
    oldProduct: fam('old-product', OLD_PRODUCT),
    birth: fam('birth', BIRTH),
    studied: fam('studied', STUDIED),
    founderPerson: fam('founder-person', FOUNDER_IN_PERSON),
    ceoPerson: fam('ceo-person', CEO_IN_PERSON),
    grewUp: fam('grew-up', GREW_UP),
    otherUni: fam('other-uni', OTHER_UNI),
    sideRole: fam('side-role', SIDE_ROLE),
    filler: fam('filler', FILLER),
    byProduct: fam('by-product', BY_PRODUCT),
  };
  const Q = {
    founderBirthplaceOfBuyer: fam('q-founder-birthplace-of-buyer', Q_FOUNDER_BIRTHPLACE_OF_BUYER),
    ceoUniversity: fam('q-ceo-university', Q_CEO_UNIVERSITY),
    foundedFirst: fam('q-founded-first', Q_FOUNDED_FIRST),
    ceoOfBuyer: fam('q-ceo-of-buyer', Q_CEO_OF_BUYER),
    founderBirthYear: fam('q-founder-birth-year', Q_FOUNDER_BIRTH_YEAR),
    hqOfLedBy: fam('q-hq-of-led-by', Q_HQ_OF_LED_BY),
    buyerOfFoundedBy: fam('q-buyer-of-founded-by', Q_BUYER_OF_FOUNDED_BY),
    bornFirst: fam('q-born-first', Q_BORN_FIRST),
    hqOfBuyerOfFoundedBy: fam('q-hq-of-buyer-of-founded-by', Q_HQ_OF_BUYER_OF_FOUNDED_BY),
    acquisitionYear: fam('q-acquisition-year', Q_ACQUISITION_YEAR),
  };
  // How often a name is misspelt in passing, and how often a person is named by title and surname.
  const typoRate = set.kind === 'public' ? 0.08 : 0.14;
  const slips = set.families('slips', SLIPS, { public: 1, hidden: 2 });
  // Companies named in passing by a shorter name: which short forms appear is the set's choice.
  const shortStyles = set.families('short-names', SHORT_NAMES, { public: 1, hidden: 2 });
  const shortRate = set.kind === 'public' ? 0.15 : 0.35;
  const titleRate = set.kind === 'public' ? 0.25 : 0.4;

  const nCompanies = 6;
  const nPeople = 9;
  // Company names with distinct first words, people with distinct surnames, so a short reference
  // ("Dr Okonkwo") names one person.
  const companyNames = rng.sample(COMPANY_NAMES, nCompanies);
  const firsts = rng.sample(FIRST, nPeople);
  const lasts = rng.sample(LAST, nPeople);
  const cities = rng.sample(CITIES, 24);
  const unis = rng.sample(UNIVERSITIES, 12);
  const people: Person[] = firsts.map(([first, pron], i) => ({
    name: `${first} ${lasts[i]}`,
    first,
    last: lasts[i]!,
    pron,
    born: cities[i]!,
    birthYear: 0,
    studied: unis[rng.int(0, 7)]!,
    title: rng.pick(TITLES[pron]),
  }));
  // Birth years all different, so "who was born first" has one answer.
  rng
    .sample(
      Array.from({ length: 34 }, (_, i) => 1952 + i),
      nPeople,
    )
    .forEach((y, i) => {
      people[i]!.birthYear = y;
    });
  const products = rng.sample(PRODUCTS, nCompanies + 3);
  const years = rng.sample(
    Array.from({ length: 36 }, (_, i) => 1976 + i),
    nCompanies,
  );
  const companies: Company[] = companyNames.map((name, i) => ({
    name,
    founded: years[i]!,
    hq: cities[9 + i]!,
    founder: i,
    ceo: (i + 3) % nPeople,
    ceoSince: 0,
    product: products[i]!,
    acquiredBy: null,
    acquiredIn: 0,
    founderIn: rng.chance(0.5) ? 'company' : 'person',
    ceoIn: rng.chance(0.5) ? 'company' : 'person',
    acquisitionIn: 'target',
  }));
  for (const c of companies) c.ceoSince = Math.min(2023, c.founded + rng.int(4, 14));
  // Two acquisitions: company 1 by company 0, company 3 by company 2 (after both were founded).
  for (const [target, buyer] of [
    [1, 0],
    [3, 2],
  ] as const) {
    const t = companies[target]!;
    t.acquiredBy = buyer;
    t.acquiredIn = Math.max(t.founded, companies[buyer]!.founded) + rng.int(3, 9);
    t.acquisitionIn = rng.chance(0.5) ? 'target' : 'buyer';
  }

  // A person described rather than named (founder or chief executive in a company's profile): the
  // person's own profile, which says where they were born and what they run, joins the chain.
  const descriptions = set.families('descriptions', DESCRIPTIONS, { public: 1, hidden: 2 });
  const runsDescriptions = set.families('runs-descriptions', RUNS_DESCRIPTIONS, { public: 1, hidden: 1 });
  const descRate = set.kind === 'public' ? 0.15 : 0.4;
  const founderDescribed: boolean[] = [];
  const ceoDescribed: boolean[] = [];
  const describe = (p: number, c: number): string | null => {
    if (!rng.chance(descRate)) return null;
    const runs = companies.findIndex((o, oi) => oi !== c && o.ceo === p && o.ceoIn === 'person');
    const job = JOBS[(p + c) % JOBS.length]!;
    if (runs >= 0 && rng.chance(0.5)) return rng.pick(runsDescriptions)(companies[runs]!.name);
    return rng.pick(descriptions)({ born: people[p]!.born, job });
  };
  const named = (p: number, c: number, flags: boolean[]): string => {
    const d = describe(p, c);
    flags[c] = d !== null;
    return d ?? mention(p);
  };
  const mention = (p: number): string => {
    const person = people[p]!;
    const base = rng.chance(titleRate) ? `${person.title} ${person.last}` : person.name;
    return rng.chance(typoRate) ? typo(rng, base, slips) : base;
  };
  const companyMention = (c: number): string => {
    const full = companies[c]!.name;
    const name = rng.chance(shortRate) ? rng.pick(shortStyles)(full) : full;
    return rng.chance(typoRate) ? typo(rng, name, slips) : name;
  };
  const otherPerson = (exclude: number[]): number =>
    rng.pick(Array.from({ length: nPeople }, (_, i) => i).filter((i) => !exclude.includes(i)));
  const otherCompany = (exclude: number[]): number =>
    rng.pick(Array.from({ length: nCompanies }, (_, i) => i).filter((i) => !exclude.includes(i)));

  // Company profiles.
  const companyText: string[] = companies.map((c, i) => {
    const first =
      c.founderIn === 'company'
        ? rng.pick(F.foundedWith)({
            C: c.name,
            Y: String(c.founded),
            P: named(c.founder, i, founderDescribed),
            P2: mention(otherPerson([c.founder, c.ceo])),
          })
        : rng.pick(F.foundedBare)({ C: c.name, Y: String(c.founded) });
    const parts: string[] = [
      rng.pick(F.hq)({
        H: c.hq,
        H2: rng.pick(cities.filter((x) => x !== c.hq)),
        Y: String(c.founded + rng.int(2, 15)),
      }),
      rng.pick(F.product)({ PR: c.product }),
    ];
    const bought = companies.map((t, ti) => (t.acquiredBy === i ? ti : -1)).filter((x) => x >= 0);
    if (c.ceoIn === 'company')
      parts.push(
        rng.pick(F.ceoCompany)({
          P: named(c.ceo, i, ceoDescribed),
          P2: mention(otherPerson([c.ceo])),
          Y: String(c.ceoSince),
        }),
      );
    if (c.acquiredBy !== null && c.acquisitionIn === 'target')
      parts.push(
        rng.pick(F.acqTarget)({
          B: companyMention(c.acquiredBy),
          B2: companyMention(otherCompany([i, c.acquiredBy, ...bought])),
          Y: String(c.acquiredIn),
        }),
      );
    for (const t of companies)
      if (t.acquiredBy === i && t.acquisitionIn === 'buyer')
        parts.push(
          rng.pick(F.acqBuyer)({
            T: companyMention(companies.indexOf(t)),
            T2: companyMention(otherCompany([i, c.acquiredBy ?? i, ...bought])),
            Y: String(t.acquiredIn),
          }),
        );
    // Distractors: two or three of them.
    const distractors: Array<() => string> = [
      () =>
        rng.pick(F.formerCeo)({
          P: mention(otherPerson([c.founder, c.ceo])),
          Y: String(Math.max(c.founded + 1, c.ceoSince - rng.int(0, 1))),
        }),
      () => {
        const linked = companies.map((t, ti) => (t.acquiredBy === i ? ti : -1)).filter((x) => x >= 0);
        const bidder = otherCompany([i, c.acquiredBy ?? i, ...linked]);
        const from = Math.max(c.founded, companies[bidder]!.founded);
        return rng.pick(F.failedBid)({ B: companyMention(bidder), Y: String(from + rng.int(1, 8)) });
      },
      () => rng.pick(F.backer)({ P: mention(otherPerson([c.founder, c.ceo])) }),
      () =>
        rng.pick(F.oldOffice)({
          H: rng.pick(cities.filter((x) => x !== c.hq)),
          Y: String(c.founded + rng.int(2, 15)),
        }),
      () =>
        rng.pick(F.oldProduct)({
          PR: products[nCompanies + rng.int(0, 2)]!,
          Y: String(c.founded + rng.int(2, 15)),
        }),
    ];
    for (const d of rng.sample(distractors, set.kind === 'public' ? rng.int(2, 3) : rng.int(3, 4)))
      parts.push(d());
    return [first, ...rng.shuffle(parts)].join(' ');
  });

  // Person profiles.
  const personText: string[] = people.map((p, i) => {
    const pr = PRON[p.pron]!;
    const they = p.pron === 'they';
    const slots: S = {
      N: p.name,
      F: rng.chance(0.5) ? p.first : p.name,
      Pr: pr.subj,
      Poss: pr.poss,
      Be: pr.be,
      Have: pr.have,
      Lead: they ? 'lead' : 'leads',
      Live: they ? 'live' : 'lives',
      Sit: they ? 'sit' : 'sits',
      Hold: they ? 'hold' : 'holds',
      Run: they ? 'run' : 'runs',
      Give: they ? 'give' : 'gives',
      Speak: they ? 'speak' : 'speaks',
    };
    const parts: string[] = [
      rng.pick(F.studied)({ ...slots, U: p.studied, U2: rng.pick(unis.filter((u) => u !== p.studied)) }),
    ];
    const own = companies.map((c, ci) => (c.founder === i || c.ceo === i ? ci : -1)).filter((x) => x >= 0);
    companies.forEach((c, ci) => {
      if (c.founder === i && c.founderIn === 'person')
        parts.push(
          rng.pick(F.founderPerson)({
            ...slots,
            C: companyMention(ci),
            C2: companyMention(otherCompany(own)),
            Y: String(c.founded),
            A: String(c.founded - p.birthYear),
          }),
        );
      if (c.ceo === i && c.ceoIn === 'person')
        parts.push(
          rng.pick(F.ceoPerson)({
            ...slots,
            C: companyMention(ci),
            C2: companyMention(otherCompany(own)),
            Y: String(c.ceoSince),
          }),
        );
    });
    const distractors: Array<() => string> = [
      () =>
        rng.pick(F.grewUp)({
          ...slots,
          X: rng.pick(cities.filter((x) => x !== p.born)),
          Y: String(p.birthYear + rng.int(3, 30)),
        }),
      () =>
        rng.pick(F.otherUni)({
          ...slots,
          U: rng.pick(unis.filter((u) => u !== p.studied)),
          Y: String(p.birthYear + rng.int(30, 45)),
        }),
      () => {
        return rng.pick(F.sideRole)({
          ...slots,
          C: companyMention(otherCompany(own)),
          Y: String(p.birthYear + rng.int(30, 40)),
        });
      },
    ];
    for (const d of rng.sample(distractors, set.kind === 'public' ? rng.int(1, 3) : rng.int(2, 3)))
      parts.push(d());
    if (rng.chance(0.5)) parts.push(rng.pick(F.filler)(slots));
    const birth = rng.pick(F.birth)({
      N: p.name,
      X: p.born,
      X2: rng.pick(cities.filter((x) => x !== p.born)),
      Y: String(p.birthYear),
      Y2: String(p.birthYear + rng.int(5, 25)),
    });
    return [birth, ...rng.shuffle(parts)].join(' ');
  });

  const docs: Doc[] = [];
  const docOfCompany: string[] = [];
  const docOfPerson: string[] = [];
  const order = rng.shuffle([
    ...companies.map((_, i) => ({ kind: 'c', i })),
    ...people.map((_, i) => ({ kind: 'p', i })),
  ]);
  order.forEach((entry, n) => {
    const id = `D${n + 1}`;
    if (entry.kind === 'c') {
      docs.push({ id, title: companies[entry.i]!.name, text: companyText[entry.i]! });
      docOfCompany[entry.i] = id;
    } else {
      docs.push({ id, title: people[entry.i]!.name, text: personText[entry.i]! });
      docOfPerson[entry.i] = id;
    }
  });
  // Where each relation is stated: the profiles a chain cites.
  const founderDoc = (c: number) =>
    companies[c]!.founderIn === 'company' ? docOfCompany[c]! : docOfPerson[companies[c]!.founder]!;
  const ceoDoc = (c: number) =>
    companies[c]!.ceoIn === 'company' ? docOfCompany[c]! : docOfPerson[companies[c]!.ceo]!;
  const founderDocs = (c: number) =>
    founderDescribed[c] ? [founderDoc(c), docOfPerson[companies[c]!.founder]!] : [founderDoc(c)];
  const ceoDocs = (c: number) =>
    ceoDescribed[c] ? [ceoDoc(c), docOfPerson[companies[c]!.ceo]!] : [ceoDoc(c)];
  const acquisitionDoc = (t: number) =>
    companies[t]!.acquisitionIn === 'target' ? docOfCompany[t]! : docOfCompany[companies[t]!.acquiredBy!]!;

  const qTypo = (name: string) => (rng.chance(typoRate / 2) ? typo(rng, name, slips) : name);
  /** A company named in a question: by name, or by its product (its own profile is then cited). */
  const companyRef = (c: number): { text: string; cites: string[] } =>
    rng.chance(0.35)
      ? { text: rng.pick(F.byProduct)(companies[c]!.product), cites: [docOfCompany[c]!] }
      : { text: qTypo(companies[c]!.name), cites: [] };
  const targets = [1, 3];
  const strip = (u: string) => u.replace(/^the /, '');

  type Made = { question: string; answer: string; cites: string[] };
  /** A question from a family, avoiding "the maker of X's founder" and starting with a capital. */
  const ask = (frames: Frame[], slots: S): string => {
    const refs = Object.values(slots).filter((v) => v.startsWith('the '));
    let q = rng.pick(frames)(slots);
    for (let i = 0; i < 12 && refs.some((r) => q.includes(`${r}'s`)); i++) q = rng.pick(frames)(slots);
    if (refs.some((r) => q.includes(`${r}'s`))) q = frames[0]!(slots);
    return capitalise(q);
  };
  const templates: Array<() => Made> = [
    () => {
      const t = rng.pick(targets);
      const b = companies[t]!.acquiredBy!;
      const ref = companyRef(t);
      return {
        question: ask(Q.founderBirthplaceOfBuyer, { T: ref.text }),
        answer: people[companies[b]!.founder]!.born,
        cites: [...ref.cites, acquisitionDoc(t), ...founderDocs(b), docOfPerson[companies[b]!.founder]!],
      };
    },
    () => {
      const c = rng.int(0, nCompanies - 1);
      const ref = companyRef(c);
      return {
        question: ask(Q.ceoUniversity, { C: ref.text }),
        answer: strip(people[companies[c]!.ceo]!.studied),
        cites: [...ref.cites, ...ceoDocs(c), docOfPerson[companies[c]!.ceo]!],
      };
    },
    () => {
      const [a, b] = rng.sample([0, 1, 2, 3, 4, 5], 2) as [number, number];
      const older = companies[a]!.founded < companies[b]!.founded ? a : b;
      const ra = companyRef(a);
      return {
        question: ask(Q.foundedFirst, { A: ra.text, B: qTypo(companies[b]!.name) }),
        answer: companies[older]!.name,
        cites: [docOfCompany[a]!, docOfCompany[b]!],
      };
    },
    () => {
      const t = rng.pick(targets);
      const b = companies[t]!.acquiredBy!;
      const ref = companyRef(t);
      return {
        question: ask(Q.ceoOfBuyer, { T: ref.text }),
        answer: people[companies[b]!.ceo]!.name,
        cites: [...ref.cites, acquisitionDoc(t), ...ceoDocs(b)],
      };
    },
    () => {
      const c = rng.int(0, nCompanies - 1);
      const ref = companyRef(c);
      return {
        question: ask(Q.founderBirthYear, { C: ref.text }),
        answer: String(people[companies[c]!.founder]!.birthYear),
        cites: [...ref.cites, ...founderDocs(c), docOfPerson[companies[c]!.founder]!],
      };
    },
    () => {
      const c = rng.int(0, nCompanies - 1);
      return {
        question: ask(Q.hqOfLedBy, { P: qTypo(people[companies[c]!.ceo]!.name) }),
        answer: companies[c]!.hq,
        cites: [...ceoDocs(c), docOfCompany[c]!],
      };
    },
    () => {
      const t = rng.pick(targets);
      const b = companies[t]!.acquiredBy!;
      return {
        question: ask(Q.buyerOfFoundedBy, { P: qTypo(people[companies[t]!.founder]!.name) }),
        answer: companies[b]!.name,
        cites: [...founderDocs(t), acquisitionDoc(t)],
      };
    },
    () => {
      let [a, b] = rng.sample([0, 1, 2, 3, 4, 5], 2) as [number, number];
      while (companies[a]!.founder === companies[b]!.ceo)
        [a, b] = rng.sample([0, 1, 2, 3, 4, 5], 2) as [number, number];
      const fa = companies[a]!.founder;
      const cb = companies[b]!.ceo;
      const elder = people[fa]!.birthYear < people[cb]!.birthYear ? fa : cb;
      const ra = companyRef(a);
      const rb = companyRef(b);
      return {
        question: ask(Q.bornFirst, { A: ra.text, B: rb.text }),
        answer: people[elder]!.name,
        cites: [
          ...ra.cites,
          ...rb.cites,
          ...founderDocs(a),
          ...ceoDocs(b),
          docOfPerson[fa]!,
          docOfPerson[cb]!,
        ],
      };
    },
    () => {
      const t = rng.pick(targets);
      const b = companies[t]!.acquiredBy!;
      return {
        question: ask(Q.hqOfBuyerOfFoundedBy, { P: qTypo(people[companies[t]!.founder]!.name) }),
        answer: companies[b]!.hq,
        cites: [...founderDocs(t), acquisitionDoc(t), docOfCompany[b]!],
      };
    },
    () => {
      const t = rng.pick(targets);
      const b = companies[t]!.acquiredBy!;
      const ref = companyRef(t);
      return {
        question: ask(Q.acquisitionYear, { C: ref.text, B: qTypo(companies[b]!.name) }),
        answer: String(companies[t]!.acquiredIn),
        cites: [...ref.cites, acquisitionDoc(t)],
      };
    },
  ];
  const count = rng.int(3, 5);
  const chosen = rng.sample(templates, count);
  const questions: Question[] = [];
  const answers: Answer[] = [];
  const chains: string[][] = [];
  const seen = new Set<string>();
  for (const make of chosen) {
    let q = make();
    for (let i = 0; i < 10 && seen.has(q.question); i++) q = make();
    if (seen.has(q.question)) continue;
    seen.add(q.question);
    const qid = `Q${questions.length + 1}`;
    questions.push({ qid, question: q.question });
    const citations = [...new Set(q.cites)].sort((a, b) => Number(a.slice(1)) - Number(b.slice(1)));
    answers.push({ qid, answer: q.answer, citations });
    chains.push(citations);
  }
  const textOf = new Map(docs.map((d) => [d.id, d.text]));
  const relevant = new Map<string, string[]>();
  for (const a of answers) for (const d of a.citations) relevant.set(d, [...(relevant.get(d) ?? []), a.qid]);
  const facts = [
    ...questions.map((q, i) => {
      // The answer rests on every profile of the chain: a model that is not shown them guesses.
      const spans = chains[i]!.map((d) => textOf.get(d)!);
      return {
        id: q.qid,
        text: q.question,
        answers: { answer: answers[i]!.answer, citations: answers[i]!.citations },
        evidence: { answer: spans, citations: spans },
      };
    }),
    ...docs.map((d) => ({ id: d.id, text: d.text, answers: { relevant_to: relevant.get(d.id) ?? [] } })),
  ];
  return { input: { documents: docs, questions }, expected: { answers }, facts };
};
