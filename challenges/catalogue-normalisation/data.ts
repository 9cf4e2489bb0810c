/**
 * The generator's tables: the categories (nouns, sizes, brands), the colour names and the names
 * each brand also trades under.
 */

export type Category =
  | 'paint'
  | 'candle'
  | 'yarn'
  | 'water_bottle'
  | 'storage_box'
  | 'watering_can'
  | 'kettle'
  | 'travel_mug'
  | 'dumbbell';

export type Colour =
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

export type RawUnit = 'ml' | 'cl' | 'l' | 'fl oz' | 'gal' | 'g' | 'kg' | 'oz' | 'lb';

export interface SizeOption {
  quantity: number;
  unit: RawUnit;
}

export interface CategorySpec {
  nouns: string[];
  base: 'ml' | 'g';
  sizes: SizeOption[];
  brands: string[];
  extras: string[];
}

export const S = (quantity: number, unit: RawUnit): SizeOption => ({ quantity, unit });

export const CATEGORIES: Record<Category, CategorySpec> = {
  paint: {
    nouns: [
      'Matt Emulsion Paint',
      'Chalk Paint',
      'Eggshell Wood Paint',
      'Kitchen & Bathroom Paint',
      'Satin Wall Paint',
      'Furniture Paint',
      'Masonry Paint',
      'Gloss Trim Paint',
      'Tin of Interior Paint',
    ],
    base: 'ml',
    sizes: [S(2.5, 'l'), S(750, 'ml'), S(5, 'l'), S(1, 'gal'), S(32, 'fl oz'), S(1.25, 'l'), S(250, 'ml')],
    brands: ['Hartwell Paints', 'Colourhaus', 'Brightside Decor', 'Farrow Lane'],
    extras: ['low VOC', 'one coat coverage', 'wipeable finish', 'dries in 2 hours'],
  },
  candle: {
    nouns: [
      'Soy Wax Candle',
      'Scented Jar Candle',
      'Pillar Candle',
      'Three Wick Candle',
      'Tin Candle',
      'Rapeseed Wax Candle',
      'Beeswax Candle',
      'Reed-free Scented Candle',
      'Glass Votive Candle',
    ],
    base: 'g',
    sizes: [S(8, 'oz'), S(200, 'g'), S(1.1, 'lb'), S(14.5, 'oz'), S(450, 'g'), S(120, 'g')],
    brands: ['Lumen & Co', 'Wickford', 'Hearthlight', 'Maison Cire'],
    extras: ['45 hour burn time', 'cotton wick', 'vegan', 'hand poured in Devon'],
  },
  yarn: {
    nouns: [
      'Chunky Knitting Yarn',
      'Merino DK Yarn',
      'Cotton Crochet Yarn',
      'Aran Wool Blend',
      'Sock Yarn',
      'Alpaca Blend Yarn',
      'Super Bulky Wool',
      'Double Knit Acrylic',
      'Hank of Lace Weight Yarn',
    ],
    base: 'g',
    sizes: [S(100, 'g'), S(3.5, 'oz'), S(50, 'g'), S(1.76, 'oz'), S(200, 'g'), S(0.5, 'kg')],
    brands: ['Woolcraft', 'Yarnsmith', 'Loop & Purl', 'Highland Fibre Co'],
    extras: ['machine washable', 'super soft', 'ideal for beginners', 'OEKO-TEX certified'],
  },
  water_bottle: {
    nouns: [
      'Insulated Water Bottle',
      'Sports Bottle',
      'Stainless Steel Flask',
      'Leakproof Drinks Bottle',
      'Gym Bottle',
      'Vacuum Hydration Flask',
      'Squeeze Cycling Bottle',
      'Kids Drinking Bottle',
      'Glass Water Bottle',
    ],
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
    nouns: [
      'Plastic Storage Box with Lid',
      'Stackable Storage Tub',
      'Underbed Storage Box',
      'Clip Lock Box',
      'Toy Storage Crate',
      'Shoe Storage Container',
      'Attic Storage Trunk',
      'Lidded Storage Bin',
      'Pantry Organiser Box',
    ],
    base: 'ml',
    sizes: [S(12, 'l'), S(45, 'l'), S(32, 'l'), S(5, 'l'), S(60, 'l'), S(9, 'l')],
    brands: ['Stakit', 'HomeTidy', 'BoxWell', 'Nestor Storage'],
    extras: ['stackable', 'clip lock handles', 'food safe', 'made from recycled plastic'],
  },
  watering_can: {
    nouns: [
      'Watering Can',
      'Indoor Watering Can',
      'Galvanised Watering Can',
      'Long Spout Watering Can',
      'Plant Watering Pot',
      'Garden Sprinkling Can',
      'Houseplant Mister Can',
      'Metal Rose Can',
      'Balcony Watering Jug',
    ],
    base: 'ml',
    sizes: [S(5, 'l'), S(1.5, 'gal'), S(10, 'l'), S(1, 'l'), S(2, 'gal'), S(1.8, 'l')],
    brands: ['Greenthumb', 'Potting Shed Co', 'Verdelia', 'Burgon & Bloom'],
    extras: ['removable rose', 'balanced handle', 'rust resistant', 'for house plants'],
  },
  kettle: {
    nouns: [
      'Electric Kettle',
      'Rapid Boil Kettle',
      'Cordless Jug Kettle',
      'Dome Kettle',
      'Stainless Steel Kettle',
      'Quiet Boil Kettle',
      'Variable Temperature Kettle',
      'Glass Kettle',
      'Traditional Hob-style Electric Kettle',
    ],
    base: 'ml',
    sizes: [S(1.7, 'l'), S(1.5, 'l'), S(1, 'l'), S(170, 'cl'), S(0.8, 'l')],
    brands: ['Breville Home', 'Kelvin & Hart', 'Swanbrook', 'Morrow Electric'],
    extras: ['3kW rapid boil', 'limescale filter', 'auto shut off', '360 degree base'],
  },
  travel_mug: {
    nouns: [
      'Travel Mug',
      'Insulated Coffee Cup',
      'Leakproof Tumbler',
      'Reusable Coffee Cup',
      'Commuter Mug',
      'Thermal Cup',
      'Vacuum Tumbler with Handle',
      'Takeaway Cup',
      'Car Coffee Mug',
    ],
    base: 'ml',
    sizes: [S(350, 'ml'), S(12, 'fl oz'), S(16, 'fl oz'), S(450, 'ml'), S(20, 'fl oz'), S(34, 'cl')],
    brands: ['Brewmate', 'Kopi Go', 'Thermoflo', 'Daily Grind Co'],
    extras: ['fits car cup holders', 'one hand lid', 'double walled', 'plastic free'],
  },
  dumbbell: {
    nouns: [
      'Neoprene Dumbbell',
      'Hex Dumbbell',
      'Vinyl Hand Weight',
      'Cast Iron Kettlebell',
      'Rubber Hex Weight',
      'Chrome Dumbbell',
      'Adjustable Dumbbell Plate',
      'Soft Kettlebell',
      'Studio Hand Weight',
    ],
    base: 'g',
    sizes: [S(2, 'kg'), S(5, 'lb'), S(10, 'lb'), S(4, 'kg'), S(1.5, 'kg'), S(15, 'lb'), S(8, 'kg')],
    brands: ['IronPeak', 'FitForge', 'Corestrong', 'Apex Athletic'],
    extras: ['non slip grip', 'sold individually', 'home gym', 'easy to read markings'],
  },
};

export const COLOUR_NAMES: Record<Colour, string[]> = {
  black: [
    'Black',
    'Jet Black',
    'Onyx',
    'Matte Black',
    'Midnight Black',
    'Ebony',
    'Liquorice',
    'Raven',
    'Coal',
  ],
  white: ['White', 'Ivory', 'Chalk White', 'Snow', 'Pure White', 'Alabaster', 'Porcelain', 'Cotton', 'Frost'],
  grey: ['Grey', 'Charcoal', 'Slate', 'Dove Grey', 'Gunmetal', 'Pewter', 'Ash', 'Storm', 'Graphite'],
  red: ['Red', 'Crimson', 'Cherry', 'Pillar Box Red', 'Scarlet', 'Ruby', 'Poppy', 'Garnet', 'Vermilion'],
  blue: ['Blue', 'Navy', 'Cobalt', 'Sky Blue', 'Denim', 'Sapphire', 'Cornflower', 'Indigo', 'Midnight Navy'],
  green: ['Green', 'Sage Green', 'Forest', 'Olive', 'Emerald', 'Moss', 'Pistachio', 'Fern', 'Bottle Green'],
  yellow: ['Yellow', 'Mustard', 'Lemon', 'Ochre', 'Sunflower', 'Saffron', 'Buttercup', 'Canary', 'Honey'],
  pink: ['Pink', 'Blush', 'Rose', 'Dusky Pink', 'Candyfloss', 'Flamingo', 'Peony', 'Salmon', 'Fuchsia'],
  purple: ['Purple', 'Lilac', 'Plum', 'Lavender', 'Aubergine', 'Violet', 'Heather', 'Amethyst', 'Mulberry'],
  orange: [
    'Orange',
    'Terracotta',
    'Burnt Orange',
    'Tangerine',
    'Rust',
    'Apricot',
    'Copper',
    'Pumpkin',
    'Marmalade',
  ],
  brown: ['Brown', 'Chocolate', 'Walnut', 'Mocha', 'Caramel', 'Chestnut', 'Hazelnut', 'Tobacco', 'Espresso'],
  teal: [
    'Teal',
    'Duck Egg',
    'Petrol Blue',
    'Aqua',
    'Peacock',
    'Lagoon',
    'Kingfisher',
    'Jade Teal',
    'Deep Sea',
  ],
};

/** Other names a brand trades under; the register lists them after its canonical name. */
export const TRADES_AS: Record<string, [string, string]> = {
  'Hartwell Paints': ['Hartwell Coatings', 'HWP'],
  Colourhaus: ['Haus of Colour', 'CLH Paints'],
  'Brightside Decor': ['Brightside Interiors', 'BSD Home'],
  'Farrow Lane': ['Lane Heritage Paints', 'FL Colour'],
  'Lumen & Co': ['Lumen Candles', 'LMN Home'],
  Wickford: ['Wickford Candle Works', 'WCK'],
  Hearthlight: ['Hearth & Flame', 'HLT Scents'],
  'Maison Cire': ['Cire Paris', 'MC Bougies'],
  Woolcraft: ['Woolcraft Mills', 'WLC Yarns'],
  Yarnsmith: ['The Yarn Smithy', 'YSM'],
  'Loop & Purl': ['LoopPurl Studio', 'L&P Yarn'],
  'Highland Fibre Co': ['Highland Mills', 'HFC Wool'],
  Hydrova: ['Hydrova Hydration', 'HDV'],
  'Summit Gear': ['Summit Outdoor Supply', 'SMT Gear'],
  AquaTrail: ['Aqua Trail Co', 'ATR Bottles'],
  'Cascade Outdoor': ['Cascade Adventure', 'CSC Outdoor'],
  Stakit: ['Stak-It Storage', 'STK Home'],
  HomeTidy: ['Tidy Home Goods', 'HMT'],
  BoxWell: ['Boxwell Containers', 'BXW'],
  'Nestor Storage': ['Nestor Home Systems', 'NST Boxes'],
  Greenthumb: ['Green Thumb Garden', 'GTH'],
  'Potting Shed Co': ['The Potting Shed', 'PSC Garden'],
  Verdelia: ['Verdelia Gardenware', 'VRD'],
  'Burgon & Bloom': ['Burgon Garden Tools', 'B&B Garden'],
  'Breville Home': ['Breville Kitchen', 'BRV Home'],
  'Kelvin & Hart': ['Kelvin Hart Appliances', 'K&H'],
  Swanbrook: ['Swan Brook Electricals', 'SWB'],
  'Morrow Electric': ['Morrow Appliances', 'MRW Electric'],
  Brewmate: ['Brew Mate Drinkware', 'BRM'],
  'Kopi Go': ['KopiGo Cups', 'KPG'],
  Thermoflo: ['Thermo Flow', 'TFL Drinkware'],
  'Daily Grind Co': ['Daily Grind Drinkware', 'DGC'],
  IronPeak: ['Iron Peak Fitness', 'IPK'],
  FitForge: ['Fit Forge Equipment', 'FFG'],
  Corestrong: ['Core Strong Athletics', 'CST Fitness'],
  'Apex Athletic': ['Apex Fitness Supply', 'APX'],
};
