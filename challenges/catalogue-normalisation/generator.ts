import type { CaseSet, Generate, GeneratorCase, Rng } from '@reps/engine';
import {
  doubleLetter,
  dropLetter,
  neighbourKey,
  round2,
  swapLetters,
  type TypoOptions,
  typo,
} from '@reps/engine/generator-kit';
import {
  CATEGORIES,
  type Category,
  COLOUR_NAMES,
  type Colour,
  type RawUnit,
  S,
  type SizeOption,
  TRADES_AS,
} from './data.js';

/**
 * A marketplace feed of seller listings for a homeware and fitness retailer. Sellers write titles
 * their own way: brand anywhere (or only in the description), fancy colour names, sizes in metric,
 * US or mixed units with odd spellings, and marketing noise. They also mention other brands, other
 * colours, other products and other sizes that are not the listing's own (a lid that fits, a colour
 * sold separately, the bottle it holds), and a seller listing a range refers to an earlier listing
 * of the same feed ("same size as SKU-…"). The catalogue wants one clean record per listing with
 * the size in millilitres or grams.
 *
 * Every pool a regex or a nearest neighbour could learn from (nouns, colour names, layouts, the
 * frames that mention a brand, a colour or a size, the distractor frames, unit spellings) is split
 * into families: public cases show some, hidden cases others.
 */

interface Listing {
  sku: string;
  text: string;
}
interface Input {
  /** The catalogue's brand register, in its canonical spellings. */
  brands: string[];
  listings: Listing[];
}
interface Product {
  sku: string;
  brand: string;
  category: Category;
  colour: Colour;
  size_value: number;
  size_unit: 'ml' | 'g';
}
interface Expected {
  products: Product[];
}

/** Exact factors to the catalogue's units (US customary for fl oz and gal). */
const TO_BASE: Record<RawUnit, number> = {
  ml: 1,
  cl: 10,
  l: 1000,
  'fl oz': 29.5735,
  gal: 3785.41,
  g: 1,
  kg: 1000,
  oz: 28.3495,
  lb: 453.592,
};

/** The register's entry for a brand: its canonical name, then the names it also trades under. */
function registerEntry(brand: string): string {
  const [a, b] = TRADES_AS[brand]!;
  return `${brand} (also trades as ${a} and ${b})`;
}

/** The brief's colour chart, one line per family (brief.md holds these lines word for word). */
function chartLine(colour: Colour): string {
  return `${colour}: ${COLOUR_NAMES[colour].join(', ')}.`;
}

const NOISE = [
  'NEW!!',
  '** FREE P&P **',
  'UK STOCK',
  'Gift Idea',
  'Best Seller',
  '[Fast Dispatch]',
  'SALE',
  '',
  'Limited Stock',
  '★★★★★',
  'Next Day Delivery',
  'Bundle & Save',
];

/** Unit spellings, each a family of its own. */
const UNIT_SPELLINGS: Record<RawUnit, string[]> = {
  ml: ['ml', 'ML', 'mL', 'millilitres', 'mls', 'milliliter'],
  cl: ['cl', 'CL', 'centilitres', 'cL'],
  l: ['L', 'l', 'Ltr', 'Litre', 'litres', 'liter', 'LTR', 'lt'],
  'fl oz': ['fl oz', 'fl. oz', 'FL OZ', 'oz', 'oz.', 'fluid ounces', 'floz'],
  gal: ['gal', 'Gallon', 'US gal', 'gallons', 'GAL'],
  g: ['g', 'G', 'gr', 'grams', 'gms', 'gram'],
  kg: ['kg', 'KG', 'Kg', 'kilo', 'kilograms', 'kgs'],
  oz: ['oz', 'OZ', 'oz.', 'ounce', 'ounces', 'Oz'],
  lb: ['lb', 'lbs', 'LB', 'pound', 'pounds', 'Lbs'],
};

type Frame = (x: string) => string;
/** How the listing's own brand is named. */
const BRAND_FRAMES: Frame[] = [
  (b) => `by ${b}`,
  (b) => `Brand: ${b}`,
  (b) => `From ${b}:`,
  (b) => `${b}`,
  (b) => `Made by ${b}.`,
  (b) => `Manufacturer - ${b}.`,
  (b) => `(${b} official store)`,
  (b) => `genuine ${b} product`,
  (b) => `${b}'s own`,
];
/** Other brands a listing mentions that are not its brand. */
const BRAND_DISTRACTORS: Frame[] = [
  (b) => `compatible with ${b} accessories`,
  (b) => `not affiliated with ${b}`,
  (b) => `cheaper than ${b}`,
  (b) => `replaces the discontinued ${b} model`,
  (b) => `a great alternative to ${b}`,
  (b) => `works alongside ${b} products`,
  (b) => `outlasts ${b} in our tests`,
];
/** How the listing's own colour is named. */
const COLOUR_FRAMES: Frame[] = [
  (c) => `- ${c} -`,
  (c) => `in ${c}`,
  (c) => `(${c})`,
  (c) => `Colour: ${c}.`,
  (c) => `shade ${c}`,
  (c) => `finish: ${c}.`,
  (c) => `${c} edition`,
  (c) => `colourway ${c}`,
];
/** Colours a listing mentions that are not the product's colour. */
const COLOUR_DISTRACTORS: Frame[] = [
  (c) => `also available in ${c} (sold separately)`,
  (c) => `with ${c} lid`,
  (c) => `not ${c} as some photos suggest`,
  (c) => `${c} gift bag included`,
  (c) => `matches our ${c} range`,
  (c) => `${c} handle`,
  (c) => `the ${c} version is out of stock`,
];
/** Parts and extras whose colour is not the product's. */
const ACCESSORIES = [
  'lid',
  'handle',
  'cap',
  'strap',
  'base',
  'spout',
  'wick',
  'label',
  'gift box',
  'pouch',
  'stand',
  'sleeve',
];
type AccessoryFrame = (c: string, a: string) => string;
const ACCESSORY_FRAMES: AccessoryFrame[] = [
  (c, a) => `${a} in ${c}`,
  (c, a) => `${c} ${a}`,
  (c, a) => `${a}: ${c}`,
  (c, a) => `with a ${c}-coloured ${a}`,
  (c, a) => `${c} ${a} sold separately`,
  (c, a) => `the ${a} comes in ${c}`,
  (c, a) => `pictured with a ${c} ${a}`,
];

/** The head words of each category: a novelty product is named by its head, after a modifier. */
const HEADS: Record<Category, string[]> = {
  paint: ['Paint', 'Wall Paint'],
  candle: ['Candle', 'Scented Candle'],
  yarn: ['Yarn', 'Knitting Yarn'],
  water_bottle: ['Water Bottle', 'Drinks Bottle'],
  storage_box: ['Storage Box', 'Storage Tub'],
  watering_can: ['Watering Can'],
  kettle: ['Kettle', 'Electric Kettle'],
  travel_mug: ['Travel Mug', 'Coffee Cup'],
  dumbbell: ['Dumbbell', 'Hand Weight'],
};
/** Novelty modifiers that name another kind of product: "Kettle-shaped Scented Candle". */
const NOVELTY: ((other: string) => string)[] = [
  (o) => `${o}-shaped`,
  (o) => `${o} Print`,
  (o) => `${o}-themed`,
  (o) => `Retro ${o} Look`,
  (o) => `${o} Lovers'`,
];

/** Other products a listing mentions. */
const PRODUCT_DISTRACTORS: Frame[] = [
  (n) => `pairs well with our ${n}`,
  (n) => `fits next to any ${n}`,
  (n) => `${n} not included`,
  (n) => `(looking for a ${n}? see our other listings)`,
  (n) => `as featured with the ${n}`,
  (n) => `not a ${n}`,
];
/** How the size is given. */
const SIZE_FRAMES: Frame[] = [
  (z) => `${z}`,
  (z) => `Size: ${z}.`,
  (z) => `capacity ${z}`,
  (z) => `${z} net`,
  (z) => `contents ${z}`,
  (z) => `(${z})`,
  (z) => `holds ${z}`,
];
/** Numbers that are not the size. */
const SIZE_DISTRACTORS: Frame[] = [
  (z) => `fits ${z} refills`,
  (z) => `was ${z}, now bigger`,
  (z) => `not the ${z} version`,
  (z) => `compare with our ${z} size`,
  (z) => `ships in a box for up to ${z}`,
];
const OTHER_NUMBERS: ((rng: Rng) => string)[] = [
  (rng) => `${rng.int(12, 40)} cm tall`,
  (rng) => `pack of ${rng.int(2, 4)} (size per item)`,
  (rng) => `${rng.int(1, 5)} year guarantee`,
  (rng) => `${rng.int(20, 60)}% off`,
  (rng) => `rated ${rng.int(3, 4)}.${rng.int(1, 9)}/5 by ${rng.int(40, 900)} buyers`,
];
/** A listing of a seller's range that refers to an earlier listing for one of its fields. */
const REFERENCES: Record<'brand' | 'colour' | 'size', ((sku: string) => string)[]> = {
  brand: [
    (s) => `Same maker as ${s}.`,
    (s) => `Brand as per ${s}.`,
    (s) => `From the brand of our listing ${s}.`,
    (s) => `Made by the same company as ${s}.`,
  ],
  colour: [
    (s) => `Same colour as ${s}.`,
    (s) => `Colour matches ${s}.`,
    (s) => `In the shade of listing ${s}.`,
    (s) => `Colourway identical to ${s}.`,
  ],
  size: [
    (s) => `Same size as ${s}.`,
    (s) => `Capacity as ${s}.`,
    (s) => `Size: see ${s}.`,
    (s) => `Identical contents to ${s}.`,
  ],
};

/** A reference by description: the earlier listing's colour name and product. */
const DESCRIBED: Record<'brand' | 'colour' | 'size', ((what: string) => string)[]> = {
  brand: [(w) => `Same maker as the ${w} above.`, (w) => `Made by whoever makes the ${w} in this feed.`],
  colour: [(w) => `Same colour as the ${w} above.`, (w) => `In the shade of the ${w} listed earlier.`],
  size: [(w) => `Same size as the ${w} above.`, (w) => `Contents identical to the ${w} listed earlier.`],
};
/** A pack whose size is given for the whole pack: the size is per item. */
const PACK_TOTALS: ((n: number, total: string) => string)[] = [
  (n, t) => `pack of ${n}, ${t} in total`,
  (n, t) => `${t} across ${n} items`,
  (n, t) => `set of ${n} (${t} altogether)`,
  (n, t) => `${n}-pack totalling ${t}`,
];

interface Families {
  nouns: Record<Category, string[]>;
  colours: Record<Colour, string[]>;
  units: Record<RawUnit, string[]>;
  brandFrames: Frame[];
  brandDistractors: Frame[];
  colourFrames: Frame[];
  colourDistractors: Frame[];
  productDistractors: Frame[];
  sizeFrames: Frame[];
  sizeDistractors: Frame[];
  layouts: number[];
  references: Record<'brand' | 'colour' | 'size', ((sku: string) => string)[]>;
  noise: string[];
  accessoryFrames: AccessoryFrame[];
  accessories: string[];
  described: Record<'brand' | 'colour' | 'size', ((what: string) => string)[]>;
  packTotals: ((n: number, total: string) => string)[];
  novelty: ((other: string) => string)[];
  numberWords: boolean;
  colourStyles: string[];
}

function families(set: CaseSet): Families {
  const per = <K extends string>(
    label: string,
    pools: Record<K, string[]>,
    pub: number,
  ): Record<K, string[]> =>
    Object.fromEntries(
      Object.entries(pools).map(([k, v]) => [
        k,
        set.families(`${label}:${k}`, v as string[], { public: pub }),
      ]),
    ) as Record<K, string[]>;
  return {
    nouns: per(
      'noun',
      Object.fromEntries(Object.entries(CATEGORIES).map(([k, v]) => [k, v.nouns])) as Record<
        Category,
        string[]
      >,
      3,
    ),
    colours: per('colour', COLOUR_NAMES, 3),
    units: per('unit', UNIT_SPELLINGS, 2),
    brandFrames: set.families('brand-frame', BRAND_FRAMES, { public: 3 }),
    brandDistractors: set.families('brand-distractor', BRAND_DISTRACTORS, { public: 2 }),
    colourFrames: set.families('colour-frame', COLOUR_FRAMES, { public: 3 }),
    colourDistractors: set.families('colour-distractor', COLOUR_DISTRACTORS, { public: 2 }),
    productDistractors: set.families('product-distractor', PRODUCT_DISTRACTORS, { public: 2 }),
    sizeFrames: set.families('size-frame', SIZE_FRAMES, { public: 2 }),
    sizeDistractors: set.families('size-distractor', SIZE_DISTRACTORS, { public: 2 }),
    layouts: set.families('layout', [0, 1, 2, 3, 4, 5, 6, 7], { public: 3 }),
    references: {
      brand: set.families('ref-brand', REFERENCES.brand, { public: 1 }),
      colour: set.families('ref-colour', REFERENCES.colour, { public: 1 }),
      size: set.families('ref-size', REFERENCES.size, { public: 1 }),
    },
    noise: set.families('noise', NOISE, { public: 5 }),
    accessoryFrames: set.families('accessory-frame', ACCESSORY_FRAMES, { public: 2 }),
    accessories: set.families('accessory', ACCESSORIES, { public: 4, hidden: 8 }),
    described: {
      brand: set.families('described-brand', DESCRIBED.brand, { public: 1, hidden: 1 }),
      colour: set.families('described-colour', DESCRIBED.colour, { public: 1, hidden: 1 }),
      size: set.families('described-size', DESCRIBED.size, { public: 1, hidden: 1 }),
    },
    packTotals: set.families('pack-total', PACK_TOTALS, { public: 1 }),
    numberWords: set.families('numbers', [false, true], { public: 1 })[0]!,
    novelty: set.families('novelty', NOVELTY, { public: 1 }),
    colourStyles: set.families('colour-style', ['plain', 'hyphen', 'camel', 'caps'], {
      public: 1,
      hidden: 3,
    }),
  };
}

/** How sellers write a size: "2.5L", "2,5 Ltr", "750 ML", "24oz.", "32 fl. oz", "1 Gallon". */
const NUMBER_WORDS: Record<string, string> = {
  '0.5': 'half a',
  '1': 'one',
  '1.5': 'one and a half',
  '2': 'two',
  '2.5': 'two and a half',
  '4': 'four',
  '5': 'five',
  '8': 'eight',
  '10': 'ten',
  '12': 'twelve',
  '15': 'fifteen',
  '16': 'sixteen',
  '20': 'twenty',
  '24': 'twenty-four',
  '32': 'thirty-two',
  '45': 'forty-five',
  '50': 'fifty',
  '60': 'sixty',
  '100': 'one hundred',
  '200': 'two hundred',
};
/** Long unit names for sizes written in words ("two litres"). */
const LONG_UNITS: Record<RawUnit, string> = {
  ml: 'millilitres',
  cl: 'centilitres',
  l: 'litres',
  'fl oz': 'fluid ounces',
  gal: 'US gallons',
  g: 'grams',
  kg: 'kilos',
  oz: 'ounces',
  lb: 'pounds',
};

/** A colour name as a seller styles it: as is, hyphenated, run together, or shouted. */
function styled(rng: Rng, f: Families, name: string): string {
  const style = rng.pick(f.colourStyles);
  if (style === 'plain' || !name.includes(' ') || rng.chance(0.5))
    return style === 'caps' ? name.toUpperCase() : name;
  if (style === 'hyphen') return name.replace(/ /g, '-');
  if (style === 'camel') return name.replace(/ /g, '');
  return name.toUpperCase();
}

/** Another brand of the register, by its name or one of its trade names. */
function otherBrand(rng: Rng, brand: string): string {
  const b = rng.pick(Object.keys(TRADES_AS).filter((x) => x !== brand));
  return cased(rng, rng.chance(0.4) ? rng.pick(TRADES_AS[b]!) : b);
}

function writeSize(rng: Rng, f: Families, size: SizeOption): string {
  const q = size.quantity;
  const word = NUMBER_WORDS[String(q)];
  if (word && f.numberWords && rng.chance(0.35))
    return `${word} ${word === 'half a' || word === 'one' ? LONG_UNITS[size.unit].replace(/s$/, '') : LONG_UNITS[size.unit]}`;
  const comma = !Number.isInteger(q) && rng.chance(0.25) ? String(q).replace('.', ',') : String(q);
  const spaced = size.unit === 'gal' || rng.chance(0.5) ? ' ' : '';
  return `${comma}${spaced}${rng.pick(f.units[size.unit])}`;
}

function cased(rng: Rng, text: string): string {
  const style = rng.int(0, 5);
  if (style === 0) return text.toUpperCase();
  if (style === 1) return text.toLowerCase();
  return text;
}

/** A brand as a seller writes it: cased, "and" for "&", without its last word, or a typo. */
function writeBrand(rng: Rng, brand: string, hidden: boolean): string {
  let b = brand;
  if (b.includes(' & ') && rng.chance(0.3)) b = b.replace(' & ', rng.pick([' and ', '&', ' n ']));
  if (hidden && rng.chance(0.15) && /\s(Co|Paints|Gear|Outdoor|Storage|Electric|Home|Decor)$/.test(b))
    b = b.replace(/\s\S+$/, '');
  if (hidden && rng.chance(0.15)) b = typo(rng, b, SLIP);
  return cased(rng, b);
}

const NEIGHBOURS: Record<string, string> = {
  a: 's',
  e: 'r',
  i: 'o',
  o: 'i',
  n: 'm',
  t: 'y',
  l: 'k',
  r: 'e',
  u: 'y',
};

/** One slip of the keyboard in a word of four or more letters (a swap, a drop, a double, a neighbour). */
const SLIP: TypoOptions = {
  word: /^[A-Za-z]{4,}$/,
  margin: 2,
  edits: [swapLetters, dropLetter, doubleLetter, neighbourKey(NEIGHBOURS)],
};

interface Parts {
  brand?: string;
  colour?: string;
  size?: string;
  noun: string;
  noise: string;
  extras: string[];
  distractors: string[];
  refs: string[];
}

/** Puts the parts of a listing together in one of the layouts. */
function compose(_rng: Rng, layout: number, p: Parts): string {
  const d = p.distractors;
  const opt = (x?: string) => x ?? '';
  const pieces = (() => {
    switch (layout) {
      case 0:
        return [
          `${opt(p.brand)} ${p.noun} ${opt(p.colour)} ${opt(p.size)} ${p.noise}`,
          `— ${p.extras.join(', ')}. ${d.join('. ')}`,
        ];
      case 1:
        return [
          `${p.noise} ${p.noun} ${opt(p.size)} ${opt(p.colour)} ${opt(p.brand)}`,
          `— ${p.extras.join('; ')}. ${d.join('; ')}.`,
        ];
      case 2:
        return [
          `${opt(p.size)} ${opt(p.colour)} ${p.noun} | ${p.extras[0]} ${p.noise}`,
          `— ${opt(p.brand)} ${p.extras[1]}. ${d.join('. ')}`,
        ];
      case 3:
        return [
          `${p.noun} ${opt(p.colour)} ${opt(p.size)} ${p.noise}`,
          `— ${opt(p.brand)} ${p.extras.join(', ')}. ${d.join(', ')}.`,
        ];
      case 4:
        return [
          `${d[0] ?? ''} ${p.noun}, ${opt(p.size)}`,
          `— ${opt(p.colour)} ${opt(p.brand)} ${p.extras.join(' / ')} ${d.slice(1).join(' / ')}`,
        ];
      case 5:
        return [
          `${p.noise} ${opt(p.brand)} ${p.noun}`,
          `— ${p.extras[0]}. ${d.join('. ')}. ${opt(p.colour)} ${opt(p.size)}. ${p.extras[1]}.`,
        ];
      case 6:
        return [
          `[${p.noun}] ${opt(p.colour)}`,
          `— ${d.join(' • ')} • ${opt(p.size)} • ${opt(p.brand)} • ${p.extras.join(' • ')}`,
        ];
      default:
        return [
          `${opt(p.size)} ${p.noun} ${opt(p.brand)}`,
          `— ${d.join('. ')}. ${p.extras.join(', ')}. ${opt(p.colour)}`,
        ];
    }
  })();
  const refs = p.refs.length ? ` ${p.refs.join(' ')}` : '';
  return `${pieces.join(' ')}${refs}`
    .replace(/\s+/g, ' ')
    .replace(/\s+([.,;])/g, '$1')
    .replace(/([.,;])(?:\s*[.,;])+/g, '$1')
    .trim();
}

interface Made {
  colourName?: string;
  noun?: string;
  category: Category;
  brand: string;
  colour: Colour;
  size: SizeOption;
}

export const generate: Generate<Input, Expected> = (rng, index, set) => {
  const f = families(set);
  const hidden = set.kind === 'hidden';
  const count = rng.int(14, 22);
  const categories = Object.keys(CATEGORIES) as Category[];
  const colours = Object.keys(COLOUR_NAMES) as Colour[];
  const allBrands = Object.values(CATEGORIES).flatMap((c) => c.brands);
  const listings: Listing[] = [];
  const products: Product[] = [];
  const facts: GeneratorCase['facts'] = [];
  const made: Made[] = [];
  const seen = new Set<string>();
  const skuBase = 100000 + ((index * 7919) % 800000);
  for (let i = 0; i < count; i++) {
    let text = '';
    let m: Made = { category: 'paint', brand: '', colour: 'black', size: S(1, 'l') };
    let evidence: Record<string, string[]> = {};
    const sku = `SKU-${skuBase + i * 13 + rng.int(0, 12)}`;
    // Two identical listings would be one unit for the simulator and one product for the catalogue.
    for (let attempt = 0; attempt < 20; attempt++) {
      // A listing of a seller's range may take one field from an earlier listing of the same kind.
      const earlier = made
        .map((x, k) => ({ x, k }))
        .filter(({ x }) => i > 0 && rng.chance(0.5) && x.category !== undefined);
      const ref = i > 1 && rng.chance(0.3) && earlier.length ? rng.pick(earlier) : undefined;
      const field = ref ? rng.pick(['brand', 'colour', 'size'] as const) : undefined;
      const category = ref && field !== 'colour' ? ref.x.category : rng.pick(categories);
      m = {
        category,
        brand: ref && field === 'brand' ? ref.x.brand : rng.pick(CATEGORIES[category].brands),
        colour: ref && field === 'colour' ? ref.x.colour : rng.pick(colours),
        size: ref && field === 'size' ? ref.x.size : rng.pick(CATEGORIES[category].sizes),
      };
      const spec = CATEGORIES[category];
      const otherCategory = rng.pick(categories.filter((c) => c !== category));
      const distractors = rng.shuffle(
        [
          rng.chance(0.7) ? rng.pick(f.brandDistractors)(otherBrand(rng, m.brand)) : '',
          rng.chance(0.3) ? rng.pick(f.brandDistractors)(otherBrand(rng, m.brand)) : '',
          rng.chance(0.7)
            ? rng.pick(f.colourDistractors)(
                rng.pick(f.colours[rng.pick(colours.filter((c) => c !== m.colour))]),
              )
            : '',
          rng.chance(0.85)
            ? rng.pick(f.accessoryFrames)(
                styled(rng, f, rng.pick(f.colours[rng.pick(colours.filter((c) => c !== m.colour))])),
                rng.pick(f.accessories),
              )
            : '',
          rng.chance(0.4)
            ? rng.pick(f.accessoryFrames)(
                styled(rng, f, rng.pick(f.colours[rng.pick(colours.filter((c) => c !== m.colour))])),
                rng.pick(f.accessories),
              )
            : '',
          rng.chance(0.6) ? rng.pick(f.productDistractors)(rng.pick(f.nouns[otherCategory])) : '',
          rng.chance(0.65)
            ? rng.pick(f.sizeDistractors)(writeSize(rng, f, rng.pick(spec.sizes.filter((z) => z !== m.size))))
            : '',
          rng.chance(0.4) ? rng.pick(OTHER_NUMBERS)(rng) : '',
        ].filter(Boolean),
      );
      const refs: string[] = [];
      if (ref && field) {
        const r = made[ref.k]!;
        const unique =
          r.colourName !== undefined &&
          made.filter((x) => x.colourName === r.colourName && x.noun === r.noun).length === 1;
        refs.push(
          unique && rng.chance(0.5)
            ? rng.pick(f.described[field])(`${r.colourName} ${r.noun}`)
            : rng.pick(f.references[field])(listings[ref.k]!.sku),
        );
      }
      const alias = rng.chance(hidden ? 0.45 : 0.3);
      // Now and then the size is given for a whole pack: the per-item size is that divided.
      const packOf = rng.chance(0.2) ? rng.int(2, 4) : 0;
      const sizeText = packOf
        ? rng.pick(f.packTotals)(
            packOf,
            writeSize(rng, f, {
              quantity: Math.round(m.size.quantity * packOf * 1000) / 1000,
              unit: m.size.unit,
            }),
          )
        : rng.pick(f.sizeFrames)(writeSize(rng, f, m.size));
      const brandWritten = alias
        ? cased(rng, rng.pick(TRADES_AS[m.brand]!))
        : writeBrand(rng, m.brand, hidden);
      let noun = rng.pick(f.nouns[category]);
      if (rng.chance(hidden ? 0.3 : 0.1)) {
        const other = rng.pick(categories.filter((c) => c !== category));
        noun = `${rng.pick(f.novelty)(rng.pick(HEADS[other]))} ${rng.pick(HEADS[category])}`;
      }
      let colourName = styled(rng, f, rng.pick(f.colours[m.colour]));
      if (hidden && rng.chance(0.12)) noun = typo(rng, noun, SLIP);
      if (hidden && rng.chance(0.12)) colourName = typo(rng, colourName, SLIP);
      m.colourName = field === 'colour' ? undefined : colourName;
      m.noun = noun;
      text = compose(rng, rng.pick(f.layouts), {
        brand: field === 'brand' ? undefined : rng.pick(f.brandFrames)(brandWritten),
        colour: field === 'colour' ? undefined : rng.pick(f.colourFrames)(colourName),
        size: field === 'size' ? undefined : sizeText,
        noun,
        noise: rng.pick(f.noise),
        extras: rng.sample(spec.extras, 2),
        distractors,
        refs,
      });
      evidence = ref && field ? { [field === 'size' ? 'quantity' : field]: [listings[ref.k]!.text] } : {};
      if (ref && field === 'size') evidence.unit = [listings[ref.k]!.text];
      // The brand under another trade name rests on the register; a marketing colour name on the
      // brief's colour chart (the referenced listing's, when the colour is taken from there).
      if (alias && field !== 'brand') evidence.brand = [registerEntry(m.brand)];
      if (field !== 'colour' && colourName.toLowerCase() !== m.colour)
        evidence.colour = [chartLine(m.colour)];
      if (field === 'colour') evidence.colour = [listings[ref!.k]!.text, chartLine(m.colour)];
      if (!seen.has(`${m.category}|${m.brand}|${m.colour}|${m.size.quantity}|${m.size.unit}`)) break;
    }
    seen.add(`${m.category}|${m.brand}|${m.colour}|${m.size.quantity}|${m.size.unit}`);
    const spec = CATEGORIES[m.category];
    const product: Product = {
      sku,
      brand: m.brand,
      category: m.category,
      colour: m.colour,
      size_value: round2(m.size.quantity * TO_BASE[m.size.unit]),
      size_unit: spec.base,
    };
    listings.push({ sku, text });
    products.push(product);
    made.push(m);
    facts.push({
      id: sku,
      text,
      answers: {
        sku,
        brand: m.brand,
        category: m.category,
        colour: m.colour,
        quantity: m.size.quantity,
        unit: m.size.unit,
      },
      ...(Object.keys(evidence).length ? { evidence } : {}),
    });
  }
  const brands = [...allBrands].sort().map(registerEntry);
  return { input: { brands, listings }, expected: { products }, facts };
};
