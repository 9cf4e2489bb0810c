import { describeRealModel, lookupPrice } from './price-table.js';

describe('lookupPrice', () => {
  it('takes the longest listed prefix of a dated id', () => {
    expect(lookupPrice('openai:gpt-4o-mini-2024-07-18')?.inputPricePerM).toBe(0.15);
    expect(lookupPrice('openai:gpt-4o-2024-08-06')?.inputPricePerM).toBe(2.5);
    expect(lookupPrice('anthropic:claude-sonnet-4-5-20250929')?.outputPricePerM).toBe(15);
    expect(lookupPrice('anthropic:claude-opus-4-1-20250805')?.inputPricePerM).toBe(15);
  });

  it('does not match a prefix that is only part of a name', () => {
    expect(lookupPrice('openai:gpt-4ox')).toBeUndefined();
  });

  it('lets configuration override and extend the table', () => {
    const overrides = { 'openai:gpt-4o': { inputPricePerM: 1, outputPricePerM: 1 } };
    expect(lookupPrice('openai:gpt-4o', overrides)?.inputPricePerM).toBe(1);
    expect(lookupPrice('openai:gpt-4o-2024-08-06', overrides)?.inputPricePerM).toBe(1);
  });
});

describe('describeRealModel', () => {
  it('describes an unknown model as free with an unknown price', () => {
    expect(describeRealModel('openai:my-local-model', 'openai')).toEqual({
      id: 'openai:my-local-model',
      provider: 'openai',
      contextTokens: 128_000,
      inputPricePerM: 0,
      outputPricePerM: 0,
      simulated: false,
      priceKnown: false,
    });
  });
});
