/**
 * The YAML examples of a Markdown page (docs/*.md, README.md), for the test that runs them. Each
 * ```yaml fence says what it is in an HTML comment on the line before it, which readers of the
 * rendered page do not see:
 *
 *   <!-- example: support-ticket-routing -->   a complete pipeline for that challenge (its slug)
 *   <!-- fragment -->                          a piece that illustrates one key, not a pipeline
 *
 * A fence with neither is `unmarked`, so a new example cannot skip the check by accident.
 */
export type FenceMarker =
  | { kind: 'example'; challenge: string }
  | { kind: 'fragment' }
  | { kind: 'unmarked' };

export interface YamlFence {
  /** The page, as the caller named it (for messages). */
  file: string;
  /** 1-based line of the opening fence. */
  line: number;
  source: string;
  marker: FenceMarker;
}

const OPENING = /^ {0,3}(`{3,}|~{3,})\s*([^\s`]*)/;
const MARKER = /^<!--\s*(?:example:\s*([a-z0-9][a-z0-9-]*)|(fragment))\s*-->$/;

/** Every ```yaml (or ```yml) fence of a page, in order, with the marker before it. */
export function yamlFences(markdown: string, file: string): YamlFence[] {
  const lines = markdown.split(/\r?\n/);
  const fences: YamlFence[] = [];
  for (let i = 0; i < lines.length; i++) {
    const opening = OPENING.exec(lines[i]!);
    if (!opening) continue;
    const [, delimiter, info] = opening as unknown as [string, string, string];
    const end = closingLine(lines, i + 1, delimiter);
    if (/^ya?ml$/i.test(info)) {
      fences.push({
        file,
        line: i + 1,
        source: `${lines.slice(i + 1, end).join('\n')}\n`,
        marker: markerBefore(lines, i),
      });
    }
    // Whatever a fence holds (another fence in a ```markdown block, say) is not the page's own.
    i = end;
  }
  return fences;
}

/** The line that closes a fence (same character, at least as long), or the end of the page. */
function closingLine(lines: string[], from: number, delimiter: string): number {
  const closing = new RegExp(`^ {0,3}${delimiter[0]}{${delimiter.length},}\\s*$`);
  for (let j = from; j < lines.length; j++) if (closing.test(lines[j]!)) return j;
  return lines.length;
}

function markerBefore(lines: string[], fenceLine: number): FenceMarker {
  const previous = lines[fenceLine - 1]?.trim() ?? '';
  const match = MARKER.exec(previous);
  if (!match) return { kind: 'unmarked' };
  return match[1] ? { kind: 'example', challenge: match[1] } : { kind: 'fragment' };
}
