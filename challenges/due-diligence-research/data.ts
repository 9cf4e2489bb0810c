/** The generator's word lists: company names, subsidiaries' lines of business, parties, auditors, judges. */

/** First words of company names; no two companies of a store share one unless they are twins. */
export const COMPANY_FIRST = [
  'Harbor',
  'Kestrel',
  'Ostrava',
  'Brightline',
  'Corvid',
  'Juniper',
  'Pemberton',
  'Solvay',
  'Marlowe',
  'Tessellate',
  'Vantor',
  'Greywell',
  'Lumora',
  'Fjordline',
  'Cassava',
  'Obsidian',
  'Wrenfield',
  'Tamarind',
  'Elbrus',
  'Sable',
  'Driftwood',
  'Helix',
  'Pardalis',
  'Rookery',
  'Umber',
  'Quillfeather',
  'Nimbus',
  'Arden',
  'Halvorsen',
  'Calder',
  'Bramble',
  'Meridian',
];

/** Second words: what the company does. */
export const COMPANY_SECOND = [
  'Foods',
  'Freight',
  'Metals',
  'Tools',
  'Analytics',
  'Biotech',
  'Energy',
  'Payments',
  'Textiles',
  'Shipping',
  'Logistics',
  'Ceramics',
  'Insurance',
  'Software',
  'Mining',
  'Media',
  'Health',
  'Robotics',
  'Avionics',
  'Chemicals',
];

/** A twin's second word: a company named almost like another one (Harbor Foods, Harbor Foodservice). */
export const TWIN_SECOND: Record<string, string[]> = {
  Foods: ['Foodservice', 'Food Group'],
  Freight: ['Freightways', 'Air Freight'],
  Metals: ['Metalworks', 'Metal Trading'],
  Tools: ['Toolworks', 'Tool Hire'],
  Analytics: ['Analytic Systems', 'Data Analytics'],
  Biotech: ['Biotechnologies', 'Bio Labs'],
  Energy: ['Energy Services', 'Power'],
  Payments: ['Pay', 'Payment Systems'],
  Textiles: ['Textile Mills', 'Fabrics'],
  Shipping: ['Shipholding', 'Ship Management'],
  Logistics: ['Logistic Partners', 'Supply Chain'],
  Ceramics: ['Ceramic Works', 'Tiles'],
  Insurance: ['Insurance Brokers', 'Assurance'],
  Software: ['Soft', 'Software Labs'],
  Mining: ['Minerals', 'Mining Services'],
  Media: ['Media Group', 'Broadcasting'],
  Health: ['Healthcare', 'Health Partners'],
  Robotics: ['Robotic Systems', 'Automation'],
  Avionics: ['Aviation', 'Aerospace'],
  Chemicals: ['Chemical Works', 'Specialty Chemicals'],
};

export const COMPANY_SUFFIX = ['Inc.', 'plc', 'Holdings', 'Group', 'Corp.', 'AG', 'N.V.', 'SA'];

/** A subsidiary's line of business, appended to the parent's first word. */
export const SUBSIDIARY_LINE = [
  'Logistics',
  'Capital',
  'Europe',
  'Retail',
  'Digital',
  'Services',
  'Components',
  'Leasing',
  'Asia Pacific',
  'Trading',
  'Properties',
  'Labs',
];

/** Claimants and sellers: other businesses and funds, never a company of the store. */
export const PARTIES = [
  'Norland Supply Co.',
  'Bexley Pension Trust',
  'Castellan Partners',
  'Redmere Fabrication',
  'Ashgrove Capital',
  'Tolland Packaging',
  'Quarry Lane Investors',
  'Westbrook Components',
  'Ilford & Dunne LLP',
  'Saltmarsh Distribution',
  'Penrose Equity Fund',
  'Haverly Chemicals',
  'Orrin Valley Farms',
  'Kilnworth Engineering',
  'Dunmore Retail Ltd',
  'Greenhithe Holdings',
  'Brackley Freight Services',
  'Marchbank Properties',
  'Selwyn Growth Partners',
  'Tarrant Electrical',
  'Vessey Medical Supplies',
  'Coldharbour Ventures',
  'Lindqvist Family Office',
  'Rutherglen Steel',
];

export const AUDITORS = [
  'Hartley Moss LLP',
  'Crane Whitaker & Co.',
  'Baird Lindell Audit',
  'Ferrers Quinn LLP',
  'Okafor Brandt Accountants',
  'Talbot Reyes & Partners',
  'Delacroix Vos Audit',
  'Pryce Nakamura LLP',
];

export const JUDGES = [
  'Judge Miriam Achterberg',
  'Judge Tomasz Carvalho',
  'Judge Ines Halloran',
  'Judge Kwabena Thorsen',
  'Judge Delphine Okonkwo',
  'Judge Rustam Bianchi',
  'Judge Saskia Lund',
  'Judge Haruto Nasser',
];

export const ADVISERS = [
  'Greaves Lomax Securities',
  'Northgate Advisory',
  'Pell & Strand Capital Markets',
  'Ridley Harcourt Partners',
  'Ambrose Keller Corporate Finance',
  'Vail Dorsey & Co.',
];

export const COURTS = [
  'the District Court for the Northern District',
  'the Commercial Court',
  'the Superior Court (Business Division)',
  'the High Court, Chancery Division',
  'the Court of Chancery',
  'the Circuit Court, Commercial Docket',
];
