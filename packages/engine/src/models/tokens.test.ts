import { countTokens } from 'gpt-tokenizer/encoding/o200k_base';
import {
  costUsd,
  countMessageTokens,
  countPieceTokens,
  countTextTokens,
  countToolCallTokens,
  countToolSpecTokens,
  TOKENS_PER_MESSAGE,
  TOKENS_PER_REPLY,
  TOKENS_PER_TOOL,
  TOKENS_PER_TOOL_CALL,
} from './tokens.js';

const plain = { disallowedSpecial: new Set<string>() };

/** A small deterministic PRNG so the random texts are the same on every run. */
function rng(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1103515245 + 12345) % 2147483648;
    return state / 2147483648;
  };
}

/** `count` texts of `least` to `least + spread - 1` pieces drawn from `alphabet`. */
function randomTexts(
  random: () => number,
  alphabet: readonly string[],
  count: number,
  least: number,
  spread: number,
) {
  return Array.from({ length: count }, () =>
    Array.from(
      { length: least + Math.floor(random() * spread) },
      () => alphabet[Math.floor(random() * alphabet.length)],
    ).join(''),
  );
}

describe('countTextTokens', () => {
  it('counts like gpt-tokenizer on prose with lines, lists and code', () => {
    const text = [
      'You are a careful contracts lawyer.',
      '',
      '1. The Tenant shall pay $1,200.00 within 30 days.',
      '2. Either party may terminate on 90 days\u2019 notice.',
      '  - indented item',
      '// a comment',
      '/path/to/file.txt',
      '```json',
      '{"risk": "high", "type": "indemnity"}',
      '```',
      'Ünïcödé, 日本語のテキスト, emoji 🎉.',
    ].join('\n');
    expect(countTextTokens(text)).toBe(countTokens(text, plain));
  });

  it('stays exact on random texts built from the characters that matter at line breaks', () => {
    const alphabet = [
      '\n',
      '\n\n',
      ' ',
      '  ',
      '\t',
      '/',
      '.',
      ',',
      "'s",
      'a',
      'Word',
      '42',
      '1234',
      'é',
      '\r\n',
      '-',
      '日本',
    ];
    for (const text of randomTexts(rng(7), alphabet, 300, 5, 60))
      expect(countTextTokens(text)).toBe(countTokens(text, plain));
  });

  it('gives the same count when asked again (served from its cache)', () => {
    const text = 'Line one\nLine two\nLine three';
    const first = countTextTokens(text);
    expect(countTextTokens(text)).toBe(first);
    expect(countTextTokens(`${text}\nA new last line`)).toBe(countTokens(`${text}\nA new last line`, plain));
  });

  it('counts special-token text as plain text instead of throwing', () => {
    const text = 'ignore <|endoftext|> and <|im_start|>';
    expect(countTextTokens(text)).toBe(countTokens(text, plain));
    expect(countTextTokens(text)).toBeGreaterThan(2);
  });

  it('counts the empty string as 0', () => {
    expect(countTextTokens('')).toBe(0);
  });
});

describe('countPieceTokens', () => {
  it('stays exact on random texts of words, numbers, punctuation, apostrophes and lines', () => {
    const alphabet = [
      'a',
      'Word',
      'ALL',
      '42',
      '12345',
      'é',
      'ß',
      '日本',
      '😀',
      '\u0301',
      "'",
      "'s",
      "'ll",
      '\u2019',
      '"',
      ',',
      '.',
      ':',
      '{',
      '}',
      '[',
      ']',
      '-',
      '/',
      '_',
      '$',
      '#',
      '!',
      ' ',
      '  ',
      '\n',
      '\n\n',
      '\r\n',
      '\t',
      '<|endoftext|>',
    ];
    for (const text of randomTexts(rng(11), alphabet, 3000, 1, 40))
      expect({ text, count: countPieceTokens(text) }).toEqual({ text, count: countTokens(text, plain) });
  });

  it('counts JSON answers, compact and indented, as gpt-tokenizer does', () => {
    const random = rng(5);
    const values = [
      'Dana Whitfield',
      "it's due",
      'send the budget, by Friday',
      '2024-03-15',
      12.5,
      true,
      null,
    ];
    for (let n = 0; n < 300; n++) {
      const item = Object.fromEntries(
        ['agreed', 'owner', 'task', 'due'].map((k) => [k, values[Math.floor(random() * values.length)]]),
      );
      for (const text of [
        JSON.stringify({ items: [item] }),
        JSON.stringify({ items: [item, item] }, null, 2),
      ])
        expect(countPieceTokens(text)).toBe(countTokens(text, plain));
    }
    expect(countPieceTokens('')).toBe(0);
  });
});

describe('countMessageTokens', () => {
  it('adds the chat format overhead per message and for the reply', () => {
    const messages = [
      { role: 'system' as const, content: 'Be brief.' },
      { role: 'user' as const, content: 'Hello there' },
    ];
    const content = countTokens('Be brief.') + countTokens('Hello there');
    expect(countMessageTokens(messages)).toBe(content + 2 * TOKENS_PER_MESSAGE + TOKENS_PER_REPLY);
  });
});

describe('tool tokens', () => {
  const lookup = {
    name: 'lookup',
    description: 'Finds the clauses that mention a term.',
    input_schema: { type: 'object', properties: { term: { type: 'string' } } },
  };
  const call = { id: 'call_1', name: 'lookup', arguments: { term: 'rent' } };

  it('counts a tool spec as its name, description and schema plus the framing', () => {
    const text =
      countTokens('lookup') +
      countTokens('Finds the clauses that mention a term.') +
      countTokens(JSON.stringify(lookup.input_schema));
    expect(countToolSpecTokens([lookup])).toBe(text + TOKENS_PER_TOOL);
    expect(countToolSpecTokens([lookup, lookup])).toBe(2 * (text + TOKENS_PER_TOOL));
    expect(countToolSpecTokens(undefined)).toBe(0);
  });

  it('counts tool calls by name and arguments, raw text as written', () => {
    expect(countToolCallTokens([call])).toBe(
      TOKENS_PER_TOOL_CALL + countTokens('lookup') + countTokens('{"term":"rent"}'),
    );
    expect(countToolCallTokens([{ ...call, arguments: '{"term": "rent' }])).toBe(
      TOKENS_PER_TOOL_CALL + countTokens('lookup') + countTokens('{"term": "rent'),
    );
  });

  it("adds an assistant turn's calls and a tool result's call id to the prompt", () => {
    const user = { role: 'user' as const, content: 'Rent?' };
    const turn = [
      user,
      { role: 'assistant' as const, content: '', tool_calls: [call] },
      { role: 'tool' as const, tool_call_id: 'call_1', name: 'lookup', content: '1,200' },
    ];
    expect(countMessageTokens(turn)).toBe(
      countMessageTokens([user, { role: 'assistant', content: '' }, { role: 'tool', content: '1,200' }]) +
        countToolCallTokens([call]) +
        countTokens('call_1'),
    );
  });
});

describe('costUsd', () => {
  it('prices tokens per million', () => {
    const usage = { input_tokens: 2_000, output_tokens: 500 };
    expect(costUsd(usage, { inputPricePerM: 0.1, outputPricePerM: 0.4 })).toBe(0.0004);
    expect(costUsd(usage, { inputPricePerM: 10, outputPricePerM: 40 })).toBe(0.04);
  });

  it('costs nothing for free models', () => {
    expect(costUsd({ input_tokens: 5, output_tokens: 5 }, { inputPricePerM: 0, outputPricePerM: 0 })).toBe(0);
  });
});
