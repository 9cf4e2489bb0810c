import { parseJsonOutput, withJsonInstruction } from './json-output.js';

describe('parseJsonOutput', () => {
  it.each([
    ['{"a":1}', { a: 1 }],
    ['  [1, 2]\n', [1, 2]],
    ['```json\n{"a":1}\n```', { a: 1 }],
    ['```\n{"a":1}\n```', { a: 1 }],
    ['\n```JSON\n{"a": [true]}```\n', { a: [true] }],
    ['null', null],
    ['"text"', 'text'],
  ])('parses %j', (text, expected) => {
    expect(parseJsonOutput(text)).toEqual(expected);
  });

  it.each(['Here you go: {"a":1}', '{"a":1} hope this helps', '```json\n{"a":\n```', '', 'yes'])(
    'leaves %j unparsed (undefined)',
    (text) => {
      expect(parseJsonOutput(text)).toBeUndefined();
    },
  );
});

describe('withJsonInstruction', () => {
  const schema = { type: 'object' };

  it('adds a system message with the schema when there is none', () => {
    const messages = withJsonInstruction([{ role: 'user', content: 'q' }], { kind: 'json', schema }, true);
    expect(messages).toHaveLength(2);
    expect(messages[0]).toMatchObject({ role: 'system' });
    expect(messages[0].content).toContain('{"type":"object"}');
  });

  it('asks for the JSON as the final answer when tools are offered', () => {
    const [plain] = withJsonInstruction([], { kind: 'json', schema }, true);
    const [withTools] = withJsonInstruction([], { kind: 'json', schema }, true, true);
    expect(plain.content.startsWith('Reply with only a JSON value')).toBe(true);
    expect(withTools.content).toContain(
      'Call tools as you need; your final answer must be only a JSON value',
    );
    expect(withTools.content).toContain('{"type":"object"}');
  });

  it('leaves text requests and enforced schemas alone', () => {
    const original = [{ role: 'user' as const, content: 'q' }];
    expect(withJsonInstruction(original, { kind: 'text' }, true)).toEqual(original);
    expect(withJsonInstruction(original, { kind: 'json', schema }, false)).toEqual(original);
  });
});
