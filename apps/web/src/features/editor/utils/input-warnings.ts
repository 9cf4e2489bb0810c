import {
  type InputPathRead,
  inputPathReads,
  writePath,
} from '../../../../../../packages/engine/src/dsl/input-paths';
import type { EditorIssue } from './diagnostics';
import { alternatives, type JsonSchema } from './schema-walk';

/** What the editor knows about a case's input: the challenge's input schema and the public cases' inputs. */
export interface InputShape {
  schema?: Record<string, unknown>;
  examples: unknown[];
}

/** How many of an object's property names a warning lists before `…`. */
const LISTED = 8;

/**
 * Warnings for expressions, templates and code that read a property the input does not have
 * (`{{ item.text }}` in a map over `input.tickets` whose tickets have `body`): such a read gives
 * `undefined`, and a template renders it as an empty string. Each path is checked against the
 * input schema and, where the schema lists no properties, the public inputs. Paths through step
 * outputs are unknown and never warned about.
 */
export function inputPathWarnings(text: string, shape: InputShape): EditorIssue[] {
  if (!shape.schema && shape.examples.length === 0) return [];
  const out: EditorIssue[] = [];
  for (const read of inputPathReads(text)) {
    const message = checkRead(read, shape);
    if (message)
      out.push({
        message,
        line: read.position.line,
        column: read.position.column,
        source: 'input',
        severity: 'warning',
      });
  }
  return out;
}

function checkRead(read: InputPathRead, shape: InputShape): string | null {
  const root = (shape.schema ?? {}) as JsonSchema;
  let nodes = shape.schema ? alternatives(root, root) : [];
  let values = shape.examples;
  for (let i = 0; i < read.path.length; i++) {
    const segment = read.path[i]!;
    if (typeof segment === 'number') {
      // Any item of an array: its items schema, and every item of the public inputs' arrays.
      nodes = nodes.flatMap((n) => (n.items && !Array.isArray(n.items) ? alternatives(n.items, root) : []));
      values = values.flatMap((v) => (Array.isArray(v) ? v : []));
      continue;
    }
    // `.length` of an array or a string, a method: not a property of the input's data.
    if (nodes.some((n) => !isObjectNode(n)) || values.some((v) => !isRecord(v))) return null;
    const found = nodes.flatMap((n) => {
      const own = n.properties && Object.hasOwn(n.properties, segment) ? [n.properties[segment]!] : [];
      const patterns = Object.entries(n.patternProperties ?? {})
        .filter(([pattern]) => matches(pattern, segment))
        .map(([, s]) => s);
      const extra = typeof n.additionalProperties === 'object' ? [n.additionalProperties] : [];
      return [...own, ...patterns, ...extra];
    });
    const having = values.filter((v) => Object.hasOwn(v as object, segment));
    if (found.length > 0 || having.length > 0) {
      nodes = found.flatMap((n) => alternatives(n, root));
      values = having.map((v) => (v as Record<string, unknown>)[segment]);
      continue;
    }
    if (segment in Object.prototype) return null; // toString, hasOwnProperty …
    // The schema says when every alternative lists its properties (and takes no others by pattern);
    // where it does not, the public inputs say when there are any.
    const schemaSays =
      nodes.length > 0 && nodes.every((n) => n.properties !== undefined && n.patternProperties === undefined);
    if (!schemaSays && values.length === 0) return null;
    if (i < read.rootLength) return null; // the map's own expression is warned about where it is written
    const names = new Set<string>();
    for (const n of nodes) for (const name of Object.keys(n.properties ?? {})) names.add(name);
    if (!schemaSays) for (const v of values) for (const name of Object.keys(v as object)) names.add(name);
    return `\`${writePath(read.root, read.segments.slice(0, i - read.rootLength + 1))}\`: ${owner(read, i)} ${listing(names, i === read.rootLength && read.root === 'item', segment)}`;
  }
  return null;
}

/** What the missing property was read from: `input`, `the items of input.tickets`, `item.customer`. */
function owner(read: InputPathRead, i: number): string {
  if (i === read.rootLength) return read.root === 'item' ? `the items of ${read.itemsOf}` : read.root;
  return writePath(read.root, read.segments.slice(0, i - read.rootLength));
}

function listing(names: Set<string>, plural: boolean, segment: string): string {
  const [has, they] = plural ? ['have', 'they have'] : ['has', 'it has'];
  const list = [...names];
  const shown = list.length > LISTED ? `${list.slice(0, LISTED).join(', ')}, …` : list.join(', ');
  return `${has} no property ${segment}${list.length ? ` (${they}: ${shown})` : ''}`;
}

function isObjectNode(node: JsonSchema): boolean {
  const types = Array.isArray(node.type) ? node.type : node.type ? [node.type] : [];
  if (types.length === 0) return true; // `{}` or only properties: an object as far as we know
  return types.includes('object');
}

function isRecord(value: unknown): boolean {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function matches(pattern: string, name: string): boolean {
  try {
    return new RegExp(pattern, 'u').test(name);
  } catch {
    return true; // a pattern this browser cannot read may match: say nothing
  }
}
