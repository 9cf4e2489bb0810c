/**
 * Where the cursor is in a YAML pipeline, read from indentation alone (it works while the
 * document is half-typed and does not parse): the path of keys above it, and whether it is
 * typing a key, a key's value, a list item, or text inside a multi-line scalar.
 */

export type YamlPosition =
  | { kind: 'key'; path: string[]; word: string; from: number; column: number; dash: boolean }
  | { kind: 'value'; path: string[]; key: string; word: string; from: number }
  | { kind: 'item'; path: string[]; word: string; from: number }
  | { kind: 'scalar'; path: string[]; word: string; from: number };

const KEY_LINE = /^(\s*)(-\s+)?(?:([A-Za-z_][\w-]*)\s*:(?:\s(.*)|$))?/;

/** `lines` are the document's lines up to and including the cursor's; `before` is its line up to the cursor. */
export function yamlPosition(lines: string[], before: string, lineStart: number): YamlPosition {
  const wordMatch = /[A-Za-z_][\w-]*$/.exec(before);
  const word = wordMatch?.[0] ?? '';
  const from = lineStart + before.length - word.length;

  const keyTyping = /^(\s*)(-\s+)?([A-Za-z_][\w-]*)?$/.exec(before);
  const valueTyping = /^(\s*)(-\s+)?([A-Za-z_][\w-]*)\s*:\s+(.*)$/.exec(before);
  const itemTyping = /^(\s*)-\s+(.*)$/.exec(before);

  if (keyTyping) {
    const indent = keyTyping[1]!.length;
    const dash = Boolean(keyTyping[2]);
    const column = indent + (keyTyping[2]?.length ?? 0);
    const outer = parents(lines, dash ? indent : column);
    if (outer.inScalar) return { kind: 'scalar', path: outer.path, word, from };
    return { kind: 'key', path: dash ? [...outer.path, '*'] : outer.path, word, from, column, dash };
  }
  if (valueTyping) {
    const indent = valueTyping[1]!.length;
    const dash = Boolean(valueTyping[2]);
    const column = indent + (valueTyping[2]?.length ?? 0);
    const outer = parents(lines, dash ? indent : column);
    return {
      kind: 'value',
      path: dash ? [...outer.path, '*'] : outer.path,
      key: valueTyping[3]!,
      word,
      from,
    };
  }
  if (itemTyping) {
    const outer = parents(lines, itemTyping[1]!.length);
    if (outer.inScalar) return { kind: 'scalar', path: outer.path, word, from };
    return { kind: 'item', path: outer.path, word, from };
  }
  const indent = /^\s*/.exec(before)![0].length;
  return { kind: 'scalar', path: parents(lines, indent).path, word, from };
}

/** The keys above a line whose content starts at `target`, outermost first. */
function parents(lines: string[], target: number): { path: string[]; inScalar: boolean } {
  const path: string[] = [];
  let inScalar = false;
  let first = true;
  // The last line is the cursor's own line.
  for (let i = lines.length - 2; i >= 0 && target > 0; i--) {
    const text = lines[i]!;
    if (!text.trim() || text.trimStart().startsWith('#')) continue;
    const m = KEY_LINE.exec(text)!;
    const indent = m[1]!.length;
    const dash = Boolean(m[2]);
    const column = indent + (m[2]?.length ?? 0);
    if (m[3] && column < target) {
      if (first) {
        const rest = (m[4] ?? '').trim();
        inScalar = rest !== '' && !rest.startsWith('#');
      }
      first = false;
      path.unshift(m[3]);
      if (dash) path.unshift('*');
      target = dash ? indent : column;
    } else if (dash && indent < target) {
      first = false;
      path.unshift('*');
      target = indent;
    } else if (column < target) {
      // A continuation line of some scalar above: the cursor is inside that scalar.
      if (first) inScalar = true;
    }
  }
  return { path, inScalar };
}

/** Step ids declared in the document, in order. */
export function stepIds(text: string): string[] {
  const ids = new Set<string>();
  for (const m of text.matchAll(/^[ \t]*(?:-[ \t]+)?id:[ \t]*["']?([A-Za-z_]\w*)/gm)) ids.add(m[1]!);
  return [...ids];
}
