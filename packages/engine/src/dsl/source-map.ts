import {
  type Document,
  isMap,
  isPair,
  isScalar,
  LineCounter,
  type Node,
  parseDocument,
  Scalar,
  type YAMLMap,
} from 'yaml';

export type Path = readonly (string | number)[];

export interface Position {
  line: number;
  column: number;
}

export interface YamlProblem {
  message: string;
  position: Position;
}

/**
 * A pipeline document (YAML, or JSON which YAML reads too) with positions for every node, so
 * problems found in the parsed data can point at a line and column in the file.
 */
export class SourceMap {
  readonly problems: YamlProblem[];
  readonly data: unknown;
  private readonly lines = new LineCounter();
  private readonly doc: Document.Parsed;

  constructor(private readonly source: string) {
    this.doc = parseDocument(source, { lineCounter: this.lines, prettyErrors: false, uniqueKeys: true });
    this.problems = this.doc.errors.map((error) => {
      const opened = unclosedQuoteAt(source, error.code, error.message, error.pos[0]);
      return {
        message:
          yamlMessage(error.code, error.message) +
          (opened === undefined ? '' : ': the quote opened here is never closed'),
        position: this.at(opened ?? error.pos[0]),
      };
    });
    this.data = this.problems.length ? undefined : this.doc.toJS({ maxAliasCount: 100 });
  }

  /** The position of an offset in the file (1-based). */
  at(offset: number): Position {
    const { line, col } = this.lines.linePos(Math.max(0, Math.min(offset, this.source.length)));
    return { line, column: col };
  }

  /** Where the value at `path` starts, or its nearest existing ancestor when the path is missing. */
  valueAt(path: Path): Position {
    return this.at(this.nodeAt(path)?.range?.[0] ?? 0);
  }

  /** Where the key naming `path`'s last element starts (for unknown keys, wrong ids). */
  keyAt(path: Path): Position {
    const parent = this.node(path.slice(0, -1));
    const last = path[path.length - 1];
    if (isMap(parent)) {
      const pair = (parent as YAMLMap).items.find(
        (p) => isPair(p) && isScalar(p.key) && p.key.value === last,
      );
      if (pair && isScalar(pair.key) && pair.key.range) return this.at(pair.key.range[0]);
    }
    return this.valueAt(path);
  }

  /** The position of a character inside the string value at `path` (code, expression, template). */
  inString(path: Path, offset: number): Position {
    const node = this.node(path);
    if (!isScalar(node) || typeof node.value !== 'string' || !node.range) return this.valueAt(path);
    if (node.type === Scalar.BLOCK_LITERAL) return this.inBlockLiteral(node, offset);
    return this.at(this.rawOffset(node, offset));
  }

  /** The string at `path` as written (before zod's trimming), when it is a string. */
  stringAt(path: Path): string | undefined {
    const node = this.node(path);
    return isScalar(node) && typeof node.value === 'string' ? node.value : undefined;
  }

  private nodeAt(path: Path): Node | undefined {
    for (let depth = path.length; depth >= 0; depth--) {
      const node = this.node(path.slice(0, depth));
      if (node?.range) return node;
    }
    return undefined;
  }

  private node(path: Path): Node | undefined {
    if (path.length === 0) return (this.doc.contents as Node | null) ?? undefined;
    const found = this.doc.getIn(path, true);
    return found && typeof found === 'object' && 'range' in (found as object) ? (found as Node) : undefined;
  }

  /** `|` keeps lines as written: line k of the value is line k of the block, after its indent. */
  private inBlockLiteral(node: Scalar, offset: number): Position {
    const value = String(node.value);
    const before = value.slice(0, offset).split('\n');
    const lineInValue = before.length - 1;
    const column = before[before.length - 1]!.length;
    const start = node.range![0];
    const headerEnd = this.source.indexOf('\n', start);
    if (headerEnd < 0) return this.at(start);
    const contentLine = this.at(headerEnd + 1).line;
    const firstContent = this.source.slice(headerEnd + 1).match(/^(?:[ \t]*\n)*([ ]*)/);
    const indent = firstContent?.[1]?.length ?? 0;
    return { line: contentLine + lineInValue, column: indent + column + 1 };
  }

  /**
   * Plain, quoted and folded scalars: walk the value and the raw text side by side; folded line
   * breaks and escapes make them differ, so whitespace runs are matched as a whole.
   */
  private rawOffset(node: Scalar, offset: number): number {
    const value = String(node.value);
    const [start, end] = node.range!;
    let raw = start;
    if (node.type === Scalar.QUOTE_DOUBLE || node.type === Scalar.QUOTE_SINGLE) raw++;
    else if (node.type === Scalar.BLOCK_FOLDED) {
      // The value starts after the header's line and the first content line's indentation.
      raw = this.source.indexOf('\n', start) + 1;
      while (raw < end && /\s/.test(this.source[raw]!)) raw++;
    }
    for (let v = 0; v < offset && raw < end; v++) {
      const ch = value[v]!;
      if (this.source[raw] === ch) raw++;
      else if (/\s/.test(ch)) while (raw < end && /\s/.test(this.source[raw]!)) raw++;
      else raw += 2; // an escape sequence such as \n or ''
    }
    return raw;
  }
}

/**
 * YAML reports a missing closing quote where the file ends, often a line past the last one. The
 * mistake is where the quoted string opened: the last quote of that kind, before the end, that
 * starts a value (after `key:`, `- `, `[`, `{` or `,`).
 */
function unclosedQuoteAt(source: string, code: string, message: string, end: number): number | undefined {
  const quote = /Missing closing "quote/.test(message)
    ? '"'
    : /Missing closing 'quote/.test(message)
      ? "'"
      : '';
  if (code !== 'MISSING_CHAR' || !quote) return undefined;
  for (let i = Math.min(end, source.length) - 1; i >= 0; i--) {
    if (source[i] !== quote) continue;
    let j = i - 1;
    while (j >= 0 && (source[j] === ' ' || source[j] === '\t')) j--;
    if (j < 0 || ':-[{,\n'.includes(source[j]!)) return i;
  }
  return undefined;
}

function yamlMessage(code: string, message: string): string {
  const first = message.split('\n')[0]!.replace(/ at line \d+, column \d+.*$/, '');
  if (code === 'DUPLICATE_KEY') return `YAML: ${first} (each key may appear once in a mapping)`;
  return `YAML: ${first}`;
}
