import type { AnyNode, Expression, Program } from 'acorn';
import { fullAncestor } from 'acorn-walk';
import { freeNames } from './free-names.js';
import { type CodeKind, parseSnippet } from './js-parse.js';
import { type Path, type Position, SourceMap } from './source-map.js';
import { isObject, nestedBlocks, type Snippet, snippetsOf } from './step-parts.js';
import { parseTemplate } from './template.js';

/**
 * A property path into the case's input that an expression, template or code reads, such as
 * `input.tickets[0].body` or `item.text` inside a map over `input.tickets`. The web editor checks
 * them against the challenge's input schema and public inputs, and warns about properties the input
 * does not have (a template that reads one renders `undefined`). Paths through step outputs, and
 * through `item` in a map over anything but an input path, are unknown and not listed.
 *
 * Imports nothing but the DSL's own parsing (acorn, yaml), so the web bundles it without zod.
 */
export interface InputPathRead {
  /** The root name as written. */
  root: 'input' | 'item';
  /** The properties read after the root name, as written: names, and numbers for `[0]`. */
  segments: (string | number)[];
  /**
   * The same path from `input`: for `item`, the mapped array's path and a number (any item)
   * come first. A number stands for an item of an array.
   */
  path: (string | number)[];
  /** How many leading elements of `path` stand for the root name (0 for `input`). */
  rootLength: number;
  /** For `item`: the mapped array as written, e.g. `input.tickets`. */
  itemsOf?: string;
  /** Where the read starts in the file (1-based). */
  position: Position;
}

/** The input paths read by every step's expressions, templates and code; none when the YAML does not parse. */
export function inputPathReads(source: string): InputPathRead[] {
  const map = new SourceMap(source);
  if (map.problems.length || !isObject(map.data) || !Array.isArray(map.data.steps)) return [];
  const out: InputPathRead[] = [];
  // A pending stack instead of recursion: a document can nest deeply.
  const pending: { steps: unknown[]; path: Path; single: boolean; item: MapItem | null }[] = [
    { steps: map.data.steps, path: ['steps'], single: false, item: null },
  ];
  while (pending.length) {
    const block = pending.pop()!;
    block.steps.forEach((step, i) => {
      const at = block.single ? block.path : [...block.path, i];
      for (const snippet of snippetsOf(step, at)) out.push(...readsIn(snippet, map, block.item));
      const inner = isObject(step) && typeof step.map === 'string' ? mapItem(step.map, block.item) : null;
      for (const nested of nestedBlocks(step, at)) {
        // A map's own step(s) see its item; branch and loop blocks see the enclosing one.
        const ofMap = nested.path.length === at.length + 1;
        pending.push({ ...nested, item: ofMap ? inner : block.item });
      }
    });
  }
  return out.sort((a, b) => a.position.line - b.position.line || a.position.column - b.position.column);
}

/** What `item` stands for inside a map over an input path. */
interface MapItem {
  path: (string | number)[];
  itemsOf: string;
}

/** `map: input.tickets` (or `item.lines` in a map over known items): the item's path; else unknown. */
function mapItem(expression: string, outer: MapItem | null): MapItem | null {
  const parsed = parseSnippet(expression, 'expression');
  if (!parsed.ok) return null;
  const whole = chainsIn(parsed.ast).find((c) => c.start === parsed.ast.start && c.end === parsed.ast.end);
  if (!whole) return null;
  const base = whole.root === 'input' ? [] : outer?.path;
  if (!base) return null;
  return { path: [...base, ...whole.segments, 0], itemsOf: writePath(whole.root, whole.segments) };
}

function readsIn(snippet: Snippet, map: SourceMap, item: MapItem | null): InputPathRead[] {
  const pieces: { code: string; kind: CodeKind; offset: number }[] = [];
  if (snippet.kind === 'template') {
    const parsed = parseTemplate(snippet.text);
    if (!parsed.ok) return [];
    for (const part of parsed.parts)
      if ('expression' in part)
        pieces.push({ code: part.expression, kind: 'expression', offset: part.offset });
  } else pieces.push({ code: snippet.text, kind: snippet.kind, offset: 0 });

  const out: InputPathRead[] = [];
  for (const piece of pieces) {
    const parsed = parseSnippet(piece.code, piece.kind);
    if (!parsed.ok) continue;
    for (const chain of chainsIn(parsed.ast)) {
      if (chain.segments.length === 0) continue;
      const base = chain.root === 'input' ? [] : item?.path;
      if (!base) continue;
      out.push({
        root: chain.root,
        segments: chain.segments,
        path: [...base, ...chain.segments],
        rootLength: base.length,
        ...(chain.root === 'item' ? { itemsOf: item!.itemsOf } : {}),
        position: map.inString(snippet.path, piece.offset + chain.start),
      });
    }
  }
  return out;
}

interface Chain {
  root: 'input' | 'item';
  segments: (string | number)[];
  start: number;
  end: number;
}

/**
 * Static member chains from the free names `input` and `item` (a local `item` in an arrow function
 * is not the map's: free-names.ts decides), up to the first computed or non-literal step.
 */
function chainsIn(ast: Program | Expression): Chain[] {
  const free = new Set(
    freeNames(ast)
      .filter((use) => use.name === 'input' || use.name === 'item')
      .map((use) => use.offset),
  );
  const chains: Chain[] = [];
  if (free.size === 0) return chains;
  fullAncestor(ast, (node, _state, ancestors) => {
    if (node.type !== 'Identifier' || !free.has(node.start)) return;
    if (node.name !== 'input' && node.name !== 'item') return;
    const segments: (string | number)[] = [];
    let child: AnyNode = node;
    for (let k = ancestors.length - 2; k >= 0; k--) {
      const parent = ancestors[k]!;
      if (parent.type !== 'MemberExpression' || parent.object !== child) break;
      const property = parent.property;
      if (!parent.computed && property.type === 'Identifier') segments.push(property.name);
      else if (
        parent.computed &&
        property.type === 'Literal' &&
        (typeof property.value === 'string' || typeof property.value === 'number')
      )
        segments.push(property.value);
      else break;
      child = parent;
    }
    chains.push({ root: node.name, segments, start: node.start, end: child.end });
  });
  return chains;
}

/** A path as JavaScript would write it: `input.tickets[0]["first name"]`. */
export function writePath(root: string, segments: readonly (string | number)[]): string {
  return (
    root +
    segments
      .map((s) =>
        typeof s === 'number' ? `[${s}]` : /^[A-Za-z_$][\w$]*$/.test(s) ? `.${s}` : `[${JSON.stringify(s)}]`,
      )
      .join('')
  );
}
