import type { Generate, Rng } from '@reps/engine';

/**
 * A marketplace feed of seller listings for a homeware and fitness retailer. Sellers write titles
 * their own way: brand anywhere (or only in the description), fancy colour names, sizes in metric,
 * US or mixed units with odd spellings, and marketing noise. The catalogue wants one clean record
 * per listing with the size in millilitres or grams.
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
type Category =
  | 'paint'
  | 'candle'
  | 'yarn'
  | 'water_bottle'
  | 'storage_box'
  | 'watering_can'
  | 'kettle'
  | 'travel_mug'
  | 'dumbbell';
type Colour =
  | 'black'
  | 'white'
  | 'grey'
  | 'red'
  | 'blue'
  | 'green'
  | 'yellow'
  | 'pink'
  | 'purple'
  | 'orange'
  | 'brown'
  | 'teal';
type RawUnit = 'ml' | 'cl' | 'l' | 'fl oz' | 'gal' | 'g' | 'kg' | 'oz' | 'lb';
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

interface SizeOption {
  quantity: number;
  unit: RawUnit;
}

interface CategorySpec {
  nouns: string[];
  base: 'ml' | 'g';
  sizes: SizeOption[];
  brands: string[];
  extras: string[];
}

const S = (quantity: number, unit: RawUnit): SizeOption => ({ quantity, unit });

const CATEGORIES: Record<Category, CategorySpec> = {
  paint: {
    nouns: ['Matt Emulsion Paint', 'Chalk Paint', 'Eggshell Wood Paint', 'Kitchen & Bathroom Paint'],
    base: 'ml',
    sizes: [S(2.5, 'l'), S(750, 'ml'), S(5, 'l'), S(1, 'gal'), S(32, 'fl oz'), S(1.25, 'l'), S(250, 'ml')],
    brands: ['Hartwell Paints', 'Colourhaus', 'Brightside Decor', 'Farrow Lane'],
    extras: ['low VOC', 'one coat coverage', 'wipeable finish', 'dries in 2 hours'],
  },
  candle: {
    nouns: ['Soy Wax Candle', 'Scented Jar Candle', 'Pillar Candle', 'Three Wick Candle'],
    base: 'g',
    sizes: [S(8, 'oz'), S(200, 'g'), S(1.1, 'lb'), S(14.5, 'oz'), S(450, 'g'), S(120, 'g')],
    brands: ['Lumen & Co', 'Wickford', 'Hearthlight', 'Maison Cire'],
    extras: ['45 hour burn time', 'cotton wick', 'vegan', 'hand poured in Devon'],
  },
  yarn: {
    nouns: ['Chunky Knitting Yarn', 'Merino DK Yarn', 'Cotton Crochet Yarn', 'Aran Wool Blend'],
    base: 'g',
    sizes: [S(100, 'g'), S(3.5, 'oz'), S(50, 'g'), S(1.76, 'oz'), S(200, 'g'), S(0.5, 'kg')],
    brands: ['Woolcraft', 'Yarnsmith', 'Loop & Purl', 'Highland Fibre Co'],
    extras: ['machine washable', 'super soft', 'ideal for beginners', 'OEKO-TEX certified'],
  },
  water_bottle: {
    nouns: ['Insulated Water Bottle', 'Sports Bottle', 'Stainless Steel Flask', 'Leakproof Drinks Bottle'],
    base: 'ml',
    sizes: [
      S(750, 'ml'),
      S(24, 'fl oz'),
      S(1, 'l'),
      S(32, 'fl oz'),
      S(500, 'ml'),
      S(1.5, 'l'),
      S(18, 'fl oz'),
    ],
    brands: ['Hydrova', 'Summit Gear', 'AquaTrail', 'Cascade Outdoor'],
    extras: ['BPA free', 'keeps drinks cold for 24 hours', 'dishwasher safe lid', 'carry loop'],
  },
  storage_box: {
    nouns: ['Plastic Storage Box with Lid', 'Stackable Storage Tub', 'Underbed Storage Box', 'Clip Lock Box'],
    base: 'ml',
    sizes: [S(12, 'l'), S(45, 'l'), S(32, 'l'), S(5, 'l'), S(60, 'l'), S(9, 'l')],
    brands: ['Stakit', 'HomeTidy', 'BoxWell', 'Nestor Storage'],
    extras: ['stackable', 'clip lock handles', 'food safe', 'made from recycled plastic'],
  },
  watering_can: {
    nouns: ['Watering Can', 'Indoor Watering Can', 'Galvanised Watering Can', 'Long Spout Watering Can'],
    base: 'ml',
    sizes: [S(5, 'l'), S(1.5, 'gal'), S(10, 'l'), S(1, 'l'), S(2, 'gal'), S(1.8, 'l')],
    brands: ['Greenthumb', 'Potting Shed Co', 'Verdelia', 'Burgon & Bloom'],
    extras: ['removable rose', 'balanced handle', 'rust resistant', 'for house plants'],
  },
  kettle: {
    nouns: ['Electric Kettle', 'Rapid Boil Kettle', 'Cordless Jug Kettle', 'Dome Kettle'],
    base: 'ml',
    sizes: [S(1.7, 'l'), S(1.5, 'l'), S(1, 'l'), S(170, 'cl'), S(0.8, 'l')],
    brands: ['Breville Home', 'Kelvin & Hart', 'Swanbrook', 'Morrow Electric'],
    extras: ['3kW rapid boil', 'limescale filter', 'auto shut off', '360 degree base'],
  },
  travel_mug: {
    nouns: ['Travel Mug', 'Insulated Coffee Cup', 'Leakproof Tumbler', 'Reusable Coffee Cup'],
    base: 'ml',
    sizes: [S(350, 'ml'), S(12, 'fl oz'), S(16, 'fl oz'), S(450, 'ml'), S(20, 'fl oz'), S(34, 'cl')],
    brands: ['Brewmate', 'Kopi Go', 'Thermoflo', 'Daily Grind Co'],
    extras: ['fits car cup holders', 'one hand lid', 'double walled', 'plastic free'],
  },
  dumbbell: {
    nouns: ['Neoprene Dumbbell', 'Hex Dumbbell', 'Vinyl Hand Weight', 'Cast Iron Kettlebell'],
    base: 'g',
    sizes: [S(2, 'kg'), S(5, 'lb'), S(10, 'lb'), S(4, 'kg'), S(1.5, 'kg'), S(15, 'lb'), S(8, 'kg')],
    brands: ['IronPeak', 'FitForge', 'Corestrong', 'Apex Athletic'],
    extras: ['non slip grip', 'sold individually', 'home gym', 'easy to read markings'],
  },
};

const COLOUR_NAMES: Record<Colour, string[]> = {
  black: ['Black', 'Jet Black', 'Onyx', 'Matte Black', 'Midnight Black'],
  white: ['White', 'Ivory', 'Chalk White', 'Snow', 'Pure White'],
  grey: ['Grey', 'Charcoal', 'Slate', 'Dove Grey', 'Gunmetal'],
  red: ['Red', 'Crimson', 'Cherry', 'Pillar Box Red', 'Scarlet'],
  blue: ['Blue', 'Navy', 'Cobalt', 'Sky Blue', 'Denim'],
  green: ['Green', 'Sage Green', 'Forest', 'Olive', 'Emerald'],
  yellow: ['Yellow', 'Mustard', 'Lemon', 'Ochre', 'Sunflower'],
  pink: ['Pink', 'Blush', 'Rose', 'Dusky Pink', 'Candyfloss'],
  purple: ['Purple', 'Lilac', 'Plum', 'Lavender', 'Aubergine'],
  orange: ['Orange', 'Terracotta', 'Burnt Orange', 'Tangerine', 'Rust'],
  brown: ['Brown', 'Chocolate', 'Walnut', 'Mocha', 'Caramel'],
  teal: ['Teal', 'Duck Egg', 'Petrol Blue', 'Aqua', 'Peacock'],
};

const NOISE = [
  'NEW!!',
  '** FREE P&P **',
  'UK STOCK',
  'Gift Idea',
  'Best Seller',
  '[Fast Dispatch]',
  'SALE',
  '',
];

/** How sellers write a size: "2.5L", "2,5 Ltr", "750 ML", "24oz.", "32 fl. oz", "1 Gallon". */
function writeSize(rng: Rng, size: SizeOption): string {
  const q = size.quantity;
  const comma = !Number.isInteger(q) && rng.chance(0.2) ? String(q).replace('.', ',') : String(q);
  const spaced = rng.chance(0.5) ? ' ' : '';
  switch (size.unit) {
    case 'ml':
      return `${comma}${spaced}${rng.pick(['ml', 'ML', 'mL', 'ml'])}`;
    case 'cl':
      return `${comma}${spaced}cl`;
    case 'l':
      return `${comma}${spaced}${rng.pick(['L', 'l', 'Ltr', 'Litre', 'litres'])}`;
    case 'fl oz':
      return `${comma}${spaced}${rng.pick(['fl oz', 'fl. oz', 'FL OZ', 'oz', 'oz.'])}`;
    case 'gal':
      return `${comma} ${rng.pick(['gal', 'Gallon', 'US gal'])}`;
    case 'g':
      return `${comma}${spaced}${rng.pick(['g', 'G', 'gr', 'grams'])}`;
    case 'kg':
      return `${comma}${spaced}${rng.pick(['kg', 'KG', 'Kg', 'kilo'])}`;
    case 'oz':
      return `${comma}${spaced}${rng.pick(['oz', 'OZ', 'oz.', 'ounce'])}`;
    case 'lb':
      return `${comma}${spaced}${rng.pick(['lb', 'lbs', 'LB', 'pound'])}`;
  }
}

function cased(rng: Rng, text: string): string {
  const style = rng.int(0, 5);
  if (style === 0) return text.toUpperCase();
  if (style === 1) return text.toLowerCase();
  return text;
}

function round2(x: number): number {
  return Math.round(x * 100) / 100;
}

function buildListing(rng: Rng, category: Category, brand: string, colour: Colour, size: SizeOption): string {
  const spec = CATEGORIES[category];
  const noun = rng.pick(spec.nouns);
  const colourName = rng.pick(COLOUR_NAMES[colour]);
  const sizeText = writeSize(rng, size);
  const noise = rng.pick(NOISE);
  const extra = rng.sample(spec.extras, 2);
  const brandWritten = cased(rng, rng.chance(0.15) ? brand.replace(' & ', ' and ') : brand);
  const layout = rng.int(0, 3);
  let title: string;
  let description: string;
  if (layout === 0) {
    title = `${brandWritten} ${noun} - ${colourName} - ${sizeText} ${noise}`;
    description = `${extra[0]}, ${extra[1]}.`;
  } else if (layout === 1) {
    title = `${noise} ${noun} ${sizeText} in ${colourName} by ${brandWritten}`;
    description = `${extra[0]}; ${extra[1]}.`;
  } else if (layout === 2) {
    title = `${sizeText} ${colourName} ${noun} | ${extra[0]} ${noise}`;
    description = `Brand: ${brandWritten}. ${extra[1]}.`;
  } else {
    title = `${cased(rng, `${noun} (${colourName})`)} ${sizeText} ${noise}`;
    description = `From ${brandWritten}: ${extra[0]}, ${extra[1]}. Colour: ${colourName}.`;
  }
  return `${title.replace(/\s+/g, ' ').trim()} — ${description}`;
}

export const generate: Generate<Input, Expected> = (rng, index) => {
  const count = rng.int(14, 22);
  const categories = Object.keys(CATEGORIES) as Category[];
  const colours = Object.keys(COLOUR_NAMES) as Colour[];
  const listings: Listing[] = [];
  const products: Product[] = [];
  const facts = [];
  const seen = new Set<string>();
  const skuBase = 100000 + ((index * 7919) % 800000);
  for (let i = 0; i < count; i++) {
    let text = '';
    let category: Category = 'paint';
    let brand = '';
    let colour: Colour = 'black';
    let size: SizeOption = S(1, 'l');
    // Two identical listings would be one unit for the simulator and one product for the catalogue.
    for (let attempt = 0; attempt < 20; attempt++) {
      category = rng.pick(categories);
      brand = rng.pick(CATEGORIES[category].brands);
      colour = rng.pick(colours);
      size = rng.pick(CATEGORIES[category].sizes);
      text = buildListing(rng, category, brand, colour, size);
      if (!seen.has(`${category}|${brand}|${colour}|${size.quantity}|${size.unit}`)) break;
    }
    seen.add(`${category}|${brand}|${colour}|${size.quantity}|${size.unit}`);
    const sku = `SKU-${skuBase + i * 13 + rng.int(0, 12)}`;
    const spec = CATEGORIES[category];
    const product: Product = {
      sku,
      brand,
      category,
      colour,
      size_value: round2(size.quantity * TO_BASE[size.unit]),
      size_unit: spec.base,
    };
    listings.push({ sku, text });
    products.push(product);
    facts.push({
      id: sku,
      text,
      answers: { sku, brand, category, colour, quantity: size.quantity, unit: size.unit },
    });
  }
  const brands = Object.values(CATEGORIES)
    .flatMap((c) => c.brands)
    .sort();
  return { input: { brands, listings }, expected: { products }, facts };
};
