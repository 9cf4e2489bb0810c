/** The generator's word lists: the companies, their executives and the analysts. */

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
