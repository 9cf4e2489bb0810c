import { type CodeKind, parseSnippet } from './js-parse.js';

const problemOf = (source: string, kind: CodeKind) => {
  const parsed = parseSnippet(source, kind);
  if (parsed.ok) throw new Error(`expected ${JSON.stringify(source)} not to parse as ${kind}`);
  return parsed.problem;
};

describe('parseSnippet: code bodies', () => {
  it('parses a function body that returns and awaits, with ES2022+ syntax', () => {
    const body = [
      'class Counter { #n = 0; static zero = 0; inc() { return ++this.#n; } has(o) { return #n in o; } static {} }',
      'let total = 10n;',
      'total ??= 1n;',
      'const [first] = await Promise.all([input?.a?.[0] ?? 1]);',
      'loop: for (const x of [1, 2]) { if (x) continue loop; }',
      'return { first, n: new Counter().inc(), big: String(total), re: /(?<y>\\d{4})/v.test("2024") };',
    ].join('\n');
    const parsed = parseSnippet(body, 'body');
    expect(parsed.ok && parsed.kind === 'body' && parsed.ast.type).toBe('Program');
  });

  it.each([
    ['a bare closing brace', 'return 1 }); globalThis.x = 1; (function(){', 1, 10],
    ['a brace after a line comment', 'return 1 // }\n}); globalThis.x = 1; (function(){', 2, 1],
    ['a brace after a block comment holding braces', 'return 1 /* { */ }); (function(){', 1, 18],
    ['a brace after a string holding braces', "return '{'; }); globalThis.x = 1; (function(){", 1, 13],
    // biome-ignore lint/suspicious/noTemplateCurlyInString: the learner's code holds a template literal.
    ['a brace after a template literal holding braces', 'return `${"}"}{`; }); (function(){', 1, 19],
    ['a brace after a regex holding braces', 'return /[}{]/.test(input) }); (function(){', 1, 27],
  ])('refuses a body that would close the function it runs in (%s)', (_name, body, line, column) => {
    expect(problemOf(body, 'body')).toMatchObject({ message: 'Unexpected "}"', line, column });
  });

  it('refuses sloppy-mode syntax: the code runs in strict mode', () => {
    expect(problemOf('with (input) { return a }', 'body').message).toBe("'with' in strict mode");
    expect(problemOf('return 010', 'body').message).toBe('Invalid number');
    expect(problemOf('var x = 1;\ndelete x;', 'body')).toMatchObject({ line: 2, column: 1 });
    expect(problemOf('const let = 1', 'body').message).toMatch(/let/);
  });

  it('refuses HTML comments, a hashbang and module syntax', () => {
    expect(problemOf('return 1\n--> gone', 'body')).toMatchObject({ line: 2, column: 1 });
    expect(problemOf('<!-- hidden\nreturn 1', 'body').message).toMatch(/HTML comments/);
    expect(problemOf('#!/usr/bin/env node\nreturn 1', 'body').line).toBe(1);
    expect(problemOf("import x from 'fs'", 'body').message).toMatch(/import/);
  });

  it('points an unexpected end at the last character of the code, not at trailing blank lines', () => {
    expect(problemOf('if (input) {\n  return 1;\n\n', 'body')).toEqual({
      message: 'Unexpected end of the code',
      line: 2,
      column: 12,
      offset: 24,
    });
  });
});

describe('parseSnippet: expressions', () => {
  it('parses one expression, with comments and whitespace around it', () => {
    const parsed = parseSnippet(' /* the sum */ (a + b) * 2 // doubled\n', 'expression');
    expect(parsed.ok && parsed.kind === 'expression' && parsed.ast.type).toBe('BinaryExpression');
    expect(parseSnippet('({ high: checked.filter((c) => c.risk === "high") })', 'expression').ok).toBe(true);
    expect(parseSnippet('x => x?.y ?? z', 'expression').ok).toBe(true);
  });

  it.each([
    ['a closing parenthesis', 'a) || (b', 1, 2, 'Unexpected ")"'],
    ['a second statement', 'input; globalThis.x = 1', 1, 6, 'Unexpected ";"'],
    ['a second expression on the next line', 'a\nb', 2, 1, 'Unexpected "b"'],
    ['an unclosed string', 'a "oops', 1, 3, 'Unterminated string constant'],
    ['a statement', 'return 1', 1, 1, 'Unexpected "return"'],
    ['await (only code bodies may await)', 'await input', 1, 7, 'Unexpected "input"'],
  ])(
    'refuses an expression with trailing junk or a statement (%s)',
    (_name, source, line, column, message) => {
      expect(problemOf(source, 'expression')).toMatchObject({ message, line, column });
    },
  );

  it('reports an incomplete expression at its end', () => {
    expect(problemOf('value >>>', 'expression')).toMatchObject({
      message: 'Unexpected end of the code',
      column: 10,
    });
  });
});
