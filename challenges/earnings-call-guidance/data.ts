/** The generator's word lists: the six metrics and their names, the companies, their executives and the analysts. */

export const COMPANIES = [
  ['Northbeam Semiconductor', 'NBSC'],
  ['Calloway Brands', 'CLWY'],
  ['Veridian Health Systems', 'VHS'],
  ['Ardent Logistics', 'ARDL'],
  ['Kestrel Software', 'KSTR'],
  ['Solace Foods', 'SLF'],
  ['Tidewater Energy Services', 'TWES'],
  ['Pinnacle Medical Devices', 'PMD'],
  ['Aurora Retail Group', 'ARG'],
  ['Halvard Industrial', 'HVD'],
  ['Quillon Payments', 'QPAY'],
  ['Merrow Hospitality', 'MRW'],
];

export const PEOPLE = [
  'Dana Whitfield',
  'Marcus Oyelaran',
  'Priya Venkataraman',
  'Tom Ashby',
  'Elena Sokolova',
  'Gareth Lim',
  'Ines Carvalho',
  'Rob Nakamura',
];

export const ANALYSTS = [
  ['Rachel Kim', 'Morgan Stanley'],
  ['Hugo Brandt', 'Goldman Sachs'],
  ['Aisha Rahman', 'JPMorgan'],
  ['Connor Walsh', 'Bernstein'],
  ['Mei Tanaka', 'UBS'],
  ['Luis Ortega', 'Barclays'],
  ['Sam Patel', 'Jefferies'],
  ['Olga Petrova', 'Citi'],
];

export const METRICS = [
  'revenue',
  'eps',
  'gross_margin',
  'operating_margin',
  'free_cash_flow',
  'capex',
] as const;

export type Metric = (typeof METRICS)[number];

export const NAMES: Record<Metric, string[]> = {
  revenue: ['revenue', 'total revenue', 'net sales', 'top line', 'net revenue', 'sales', 'turnover'],
  eps: [
    'adjusted EPS',
    'earnings per share',
    'non-GAAP EPS',
    'diluted EPS',
    'EPS',
    'adjusted earnings per share',
  ],
  gross_margin: [
    'gross margin',
    'adjusted gross margin',
    'GAAP gross margin',
    'gross profit margin',
    'product gross margin rate',
  ],
  operating_margin: [
    'operating margin',
    'adjusted operating margin',
    'EBIT margin',
    'operating profit margin',
    'segment-neutral operating margin',
  ],
  free_cash_flow: [
    'free cash flow',
    'FCF',
    'adjusted free cash flow',
    'cash flow after capex',
    'free cash generation',
  ],
  capex: [
    'capital expenditures',
    'capex',
    'capital spending',
    'capital investment',
    'gross capex',
    'spend on property and equipment',
  ],
};
