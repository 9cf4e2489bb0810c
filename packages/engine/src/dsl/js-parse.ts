import {
  type Expression,
  getLineInfo,
  type Options,
  type Program,
  parse,
  parseExpressionAt,
  tokenizer,
} from 'acorn';

/** How a snippet runs: an expression (`map`, `check`, `output`, `{{ }}` parts…) or a code step's body. */
export type CodeKind = 'expression' | 'body';

/** A syntax problem in a snippet: 1-based line and column, and the offset, within the snippet. */
export interface CodeProblem {
  message: string;
  line: number;
  column: number;
  offset: number;
}

export type ParsedSnippet =
  | { ok: true; kind: 'expression'; ast: Expression }
  | { ok: true; kind: 'body'; ast: Program }
  | { ok: false; problem: CodeProblem };

/**
 * Snippets run inside a 'use strict' function in QuickJS, whose syntax is ES2025 (regexp
 * modifiers and duplicate named groups, but no `using`). A script in strict mode, not a module: no
 * import or export declarations.
 */
const COMMON: Options = {
  ecmaVersion: 2025,
  sourceType: 'script',
  strict: true,
  allowHashBang: false,
};

/** A code step's body: a function body that may `return`, and `await` (it then runs as an async function). */
const BODY: Options = { ...COMMON, allowReturnOutsideFunction: true, allowAwaitOutsideFunction: true };
/** Parentheses kept as nodes: without them `(a)`'s node would end before the `)`, hiding where parsing stopped. */
const EXPRESSION: Options = { ...COMMON, allowAwaitOutsideFunction: false, preserveParens: true };

class SnippetSyntaxError extends Error {
  constructor(
    message: string,
    readonly pos: number,
  ) {
    super(message);
  }
}

/**
 * Parses learner JavaScript with acorn; nothing is compiled or run. A body must be a complete
 * function body on its own (a `}` that would close the function it runs in is a syntax error) and
 * an expression must be exactly one expression, with nothing but comments after it.
 */
export function parseSnippet(source: string, kind: CodeKind): ParsedSnippet {
  const options = kind === 'body' ? BODY : EXPRESSION;
  const onComment = rejectHtmlComments(source);
  try {
    if (kind === 'body') return { ok: true, kind, ast: parse(source, { ...options, onComment }) };
    const ast = parseExpressionAt(source, 0, { ...options, onComment });
    assertOnlyComments(source, ast.end, onComment);
    return { ok: true, kind, ast };
  } catch (error) {
    return { ok: false, problem: problemOf(source, error) };
  }
}

type CommentHandler = (block: boolean, text: string, start: number, end: number) => void;

/** `<!--` and `-->` start comments in sloppy scripts only (Annex B); here they are a mistake. */
function rejectHtmlComments(source: string): CommentHandler {
  return (_block, _text, start) => {
    if (source.startsWith('//', start) || source.startsWith('/*', start)) return;
    throw new SnippetSyntaxError('HTML comments (<!-- or -->) are not allowed; use // or /* */', start);
  };
}

/** Whatever follows the expression must be whitespace or comments: `a) || (b` and `a; b()` are not one expression. */
function assertOnlyComments(source: string, end: number, onComment: CommentHandler): void {
  const rest = tokenizer(source.slice(end), {
    ...EXPRESSION,
    onComment: (block, text, start, stop) => onComment(block, text, start + end, stop + end),
  });
  try {
    const token = rest.getToken();
    if (token.end > token.start)
      throw new SnippetSyntaxError(
        unexpected(source.slice(end + token.start, end + token.end)),
        end + token.start,
      );
  } catch (error) {
    // A token that does not even lex (an unclosed string after the expression) is just as unexpected.
    if (error instanceof SnippetSyntaxError) throw error;
    const pos = (error as { pos?: unknown }).pos;
    throw new SnippetSyntaxError(
      'Unexpected text after the expression',
      end + (typeof pos === 'number' ? pos : 0),
    );
  }
}

function unexpected(token: string): string {
  return `Unexpected ${JSON.stringify(token.length > 20 ? `${token.slice(0, 20)}…` : token)}`;
}

function problemOf(source: string, error: unknown): CodeProblem {
  if (!(error instanceof SyntaxError) && !(error instanceof SnippetSyntaxError)) throw error;
  const acornError = error as SyntaxError & { pos?: number; raisedAt?: number };
  let offset = typeof acornError.pos === 'number' ? acornError.pos : 0;
  let message = error.message.replace(/ \(\d+:\d+\)$/, '');
  const codeEnd = source.trimEnd().length;
  if (message === 'Unexpected token') {
    const token = source.slice(offset, acornError.raisedAt ?? offset);
    if (offset >= codeEnd) message = 'Unexpected end of the code';
    else if (token) message = unexpected(token);
  }
  // An error in trailing whitespace (an unclosed bracket found at the end) points at the last character.
  offset = Math.min(offset, codeEnd);
  const { line, column } = getLineInfo(source, offset);
  return { message, line, column: column + 1, offset };
}
