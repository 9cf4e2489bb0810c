import { GraderError } from './grader-error.js';
import { build, MALFORMED, scoreWith } from './scorer-test-kit.js';

const invoiceParams = {
  fields: [
    { path: 'vendor', compare: 'text', weight: 1 },
    { path: 'totals.net', compare: 'numeric', abs: 0.01, weight: 2 },
    { path: 'tags', compare: 'set_f1', weight: 1 },
    { path: 'currency' },
  ],
};
const invoice = { vendor: 'Acme Corp', totals: { net: 120.5 }, tags: ['travel', 'meals'], currency: 'EUR' };

describe('json_fields scorer', () => {
  it('scores a fully right object 1', async () => {
    const output = {
      vendor: 'ACME corp.',
      totals: { net: 120.501 },
      tags: ['meals', 'travel'],
      currency: 'EUR',
    };
    expect(await scoreWith('json_fields', invoiceParams, output, invoice)).toEqual({
      score: 1,
      reason: 'All fields match.',
      fields: { vendor: 1, 'totals.net': 1, tags: 1, currency: 1 },
    });
  });

  it('weights fields and explains each miss', async () => {
    const output = { vendor: 'Acme Corp', totals: { net: 99 }, tags: ['travel'], currency: 'USD' };
    const result = await scoreWith('json_fields', invoiceParams, output, invoice);
    // vendor 1×1, net 0×2, tags F1 2/3 ×1, currency 0×1 → (1 + 2/3) / 5
    expect(result.score).toBeCloseTo((1 + 2 / 3) / 5, 6);
    expect(result.reason).toMatch(/totals\.net: 99 is off by 21\.5/);
    expect(result.reason).toMatch(/tags: F1 0\.67/);
    expect(result.reason).toMatch(/currency: got "USD", expected "EUR"/);
  });

  it('scores a missing field 0 and skips a field the expected value leaves out', async () => {
    const { currency: _omitted, ...withoutCurrency } = invoice;
    const result = await scoreWith(
      'json_fields',
      invoiceParams,
      { vendor: 'Acme Corp', tags: [] },
      withoutCurrency,
    );
    // vendor 1, net missing (weight 2), tags F1 0; currency not scored → 1 / 4
    expect(result.score).toBeCloseTo(1 / 4, 6);
    expect(result.reason).toMatch(/totals\.net: missing/);
  });

  it('matches per-clause records by key and scores their fields', async () => {
    const params = {
      fields: [
        {
          path: 'clauses',
          compare: 'records',
          key: 'n',
          fields: [{ path: 'risk', compare: 'text' }, { path: 'type' }],
        },
      ],
    };
    const expected = {
      clauses: [
        { n: 1, risk: 'low', type: 'boilerplate' },
        { n: 2, risk: 'high', type: 'indemnity' },
        { n: 3, risk: 'medium', type: 'termination' },
      ],
    };
    const output = {
      clauses: [
        { n: '2', risk: 'High', type: 'indemnity' },
        { n: 1, risk: 'low', type: 'liability' },
        { n: 7, risk: 'low', type: 'x' },
      ],
    };
    const result = await scoreWith('json_fields', params, output, expected);
    // n=1: 0.5, n=2: 1, n=3 missing: 0, n=7 extra: 0 → 1.5 / 4
    expect(result.score).toBeCloseTo(1.5 / 4, 6);
    expect(result.reason).toMatch(/clauses\[n=1\]\.type: got "liability", expected "boilerplate"/);
    expect(result.reason).toMatch(/clauses\[n=3\]: missing/);
    expect(result.reason).toMatch(/1 record\(s\) with unexpected n/);
  });

  it('reads dotted paths with array indexes', async () => {
    const params = { fields: [{ path: 'parties.1.name', compare: 'text' }] };
    const expected = { parties: [{ name: 'A' }, { name: 'Beta Ltd' }] };
    expect(
      (await scoreWith('json_fields', params, { parties: [{}, { name: 'beta ltd' }] }, expected)).score,
    ).toBe(1);
  });

  it.each(MALFORMED.filter((v) => typeof v !== 'object' || v === null || Array.isArray(v)))(
    'scores non-object output %p as 0',
    async (output) => {
      expect((await scoreWith('json_fields', invoiceParams, output, invoice)).reason).toMatch(
        /Expected an object, got/,
      );
    },
  );

  it('scores wrong types and NaN inside the object 0 for those fields', async () => {
    const output = { vendor: 7, totals: { net: Number.NaN }, tags: 'travel', currency: null };
    const result = await scoreWith('json_fields', invoiceParams, output, invoice);
    expect(result.score).toBe(0);
    expect(result.reason).toMatch(/vendor: expected text, got a number/);
    expect(result.reason).toMatch(/totals\.net: expected a number, got NaN/);
    expect(result.reason).toMatch(/tags: expected a list, got a string/);
  });

  it('reports an expected value that is not an object as a grader error', async () => {
    await expect(scoreWith('json_fields', invoiceParams, {}, 'nope')).rejects.toBeInstanceOf(GraderError);
  });

  it('rejects params that do not fit the comparison', () => {
    expect(() => build('json_fields', { fields: [] })).toThrow(/scoring\.params\.fields/);
    expect(() => build('json_fields', { fields: [{ path: 'a', compare: 'exact', abs: 1 }] })).toThrow(
      /scoring\.params\.fields\.0\.abs: only applies to compare: numeric/,
    );
    expect(() => build('json_fields', { fields: [{ path: 'a', compare: 'records' }] })).toThrow(
      /needs `key` and `fields`/,
    );
    expect(() => build('json_fields', { fields: [{ path: 'a', compare: 'fuzzy' }] })).toThrow(
      /fields\.0\.compare/,
    );
    expect(() => build('json_fields', { fields: [{ path: 'a', weight: 0 }] })).toThrow(/fields\.0\.weight/);
    expect(() =>
      build('json_fields', {
        fields: [{ path: 'a', compare: 'records', key: 'n', fields: [{ path: 'b', wieght: 2 }] }],
      }),
    ).toThrow(/fields\.0\.fields\.0/);
  });
});
