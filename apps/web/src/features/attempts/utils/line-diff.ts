/** One line of a diff: in both texts, only in the first (`del`), or only in the second (`add`). */
export interface DiffLine {
  op: 'same' | 'del' | 'add';
  text: string;
  /** 1-based line numbers in the first and the second text, where the line is in them. */
  a: number | null;
  b: number | null;
}

/** Above this many cells (lines × lines, after the common ends) the middle is shown replaced whole. */
const MAX_CELLS = 4_000_000;

/**
 * A line diff of two texts by longest common subsequence: the common head and tail are taken off
 * first, so two versions of one pipeline compare in about the size of what changed. Lines that
 * differ only in a trailing `\r` or trailing spaces count as the same.
 */
export function lineDiff(before: string, after: string): DiffLine[] {
  const a = splitLines(before);
  const b = splitLines(after);
  const same = (i: number, j: number) => a[i]!.trimEnd() === b[j]!.trimEnd();
  let head = 0;
  while (head < a.length && head < b.length && same(head, head)) head++;
  let tail = 0;
  while (tail < a.length - head && tail < b.length - head && same(a.length - 1 - tail, b.length - 1 - tail))
    tail++;

  const out: DiffLine[] = [];
  for (let i = 0; i < head; i++) out.push({ op: 'same', text: b[i]!, a: i + 1, b: i + 1 });
  out.push(...middle(a, b, head, a.length - tail, b.length - tail, same));
  for (let k = tail; k > 0; k--) {
    const i = a.length - k;
    const j = b.length - k;
    out.push({ op: 'same', text: b[j]!, a: i + 1, b: j + 1 });
  }
  return out;
}

/** The LCS walk over a[from..aEnd) and b[from..bEnd). */
function middle(
  a: string[],
  b: string[],
  from: number,
  aEnd: number,
  bEnd: number,
  same: (i: number, j: number) => boolean,
): DiffLine[] {
  const n = aEnd - from;
  const m = bEnd - from;
  const out: DiffLine[] = [];
  const del = (i: number) => out.push({ op: 'del', text: a[i]!, a: i + 1, b: null });
  const add = (j: number) => out.push({ op: 'add', text: b[j]!, a: null, b: j + 1 });
  if (n === 0 || m === 0 || n * m > MAX_CELLS) {
    for (let i = from; i < aEnd; i++) del(i);
    for (let j = from; j < bEnd; j++) add(j);
    return out;
  }
  // lcs[i * (m + 1) + j]: the longest common subsequence of a's and b's middles from i and j on.
  const width = m + 1;
  const lcs = new Uint32Array((n + 1) * width);
  for (let i = n - 1; i >= 0; i--)
    for (let j = m - 1; j >= 0; j--)
      lcs[i * width + j] = same(from + i, from + j)
        ? lcs[(i + 1) * width + j + 1]! + 1
        : Math.max(lcs[(i + 1) * width + j]!, lcs[i * width + j + 1]!);
  let i = 0;
  let j = 0;
  while (i < n && j < m) {
    if (same(from + i, from + j)) {
      out.push({ op: 'same', text: b[from + j]!, a: from + i + 1, b: from + j + 1 });
      i++;
      j++;
    } else if (lcs[(i + 1) * width + j]! >= lcs[i * width + j + 1]!) {
      del(from + i++);
    } else {
      add(from + j++);
    }
  }
  while (i < n) del(from + i++);
  while (j < m) add(from + j++);
  return out;
}

/** Lines of a text; a final newline does not make an empty last line, and an empty text has none. */
function splitLines(text: string): string[] {
  if (text === '') return [];
  const lines = text.split(/\r?\n/);
  if (lines.at(-1) === '') lines.pop();
  return lines;
}

/** How many lines the diff adds and removes. */
export function diffStats(diff: DiffLine[]): { added: number; removed: number } {
  let added = 0;
  let removed = 0;
  for (const line of diff) {
    if (line.op === 'add') added++;
    else if (line.op === 'del') removed++;
  }
  return { added, removed };
}
