import type { Aspect } from '@reps/shared';
import { valueKey } from './answer-drawer.js';

/**
 * Reads "aspect: value" statements out of free text or JSON: `"risk": "high"`, `risk = high`,
 * `the risk is high`, `rated the risk as high`. Used to find a proposed answer in a verification
 * prompt and the answer that feedback called wrong.
 */
export function findAspectValues(text: string, aspect: Aspect, truth: unknown): unknown[] {
  const names = [aspect.name, ...aspect.synonyms].map(namePattern).join('|');
  const pattern = new RegExp(
    `(?:${names})["'\`]?\\s*(?:[:=]|\\bis\\b|\\bwas\\b|\\bas\\b|\\bof\\b)\\s*(?:"([^"\\n]*)"|'([^'\\n]*)'|(-?\\d[\\d,]*(?:\\.\\d+)?)|([\\p{L}\\p{N}_-]+))`,
    'giu',
  );
  const found: unknown[] = [];
  for (const m of text.matchAll(pattern)) {
    const value = accept(aspect, truth, m[1] ?? m[2], m[3], m[4]);
    if (value !== undefined) found.push(value);
  }
  // "The total 85 is wrong": a number right after the aspect's name states it too.
  if (
    found.length === 0 &&
    (typeof truth === 'number' || aspect.type === 'number' || aspect.type === 'integer')
  ) {
    const bare = new RegExp(`(?:${names})["'\`]?\\s+(-?\\d[\\d,]*(?:\\.\\d+)?)(?![\\p{L}\\p{N}])`, 'giu');
    for (const m of text.matchAll(bare)) {
      const value = accept(aspect, truth, undefined, m[1]);
      if (value !== undefined) found.push(value);
    }
  }
  return found;
}

/** Closed values of an aspect mentioned anywhere in a text, as bare words. */
export function mentionedValues(lowerText: string, aspect: Aspect): unknown[] {
  const values = aspect.values ?? [];
  return values.filter((v) =>
    new RegExp(`(?<![\\p{L}\\p{N}])${escapeRegExp(String(v).toLowerCase())}(?![\\p{L}\\p{N}])`, 'u').test(
      lowerText,
    ),
  );
}

function accept(aspect: Aspect, truth: unknown, quoted?: string, numeric?: string, word?: string): unknown {
  const raw = quoted ?? numeric ?? word;
  if (raw === undefined) return undefined;
  const closed = aspect.values ?? (typeof truth === 'boolean' ? [true, false] : undefined);
  if (closed && closed.length > 0) {
    const key = valueKey(normaliseBoolean(raw));
    return closed.find((v) => valueKey(v) === key);
  }
  if (typeof truth === 'number' || aspect.type === 'number' || aspect.type === 'integer') {
    const n = Number((numeric ?? raw).replace(/,/g, ''));
    return Number.isFinite(n) ? n : undefined;
  }
  // A free-text value needs quotes: a bare word after "is" is too often just prose.
  return quoted;
}

function normaliseBoolean(raw: string): string | boolean {
  const lower = raw.toLowerCase();
  if (lower === 'true' || lower === 'yes') return true;
  if (lower === 'false' || lower === 'no') return false;
  return raw;
}

function namePattern(name: string): string {
  // `risk_level` also matches "risk level" and "riskLevel".
  return name
    .split(/[\s_-]+/)
    .map(escape)
    .join('[\\s_-]?');
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
