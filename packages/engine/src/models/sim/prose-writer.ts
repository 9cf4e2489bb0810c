import type { Aspect } from '@reps/shared';
import type { Draw } from './answer-drawer.js';
import type { Rng } from './prng.js';
import { type SimCall, vagueValue } from './sim-call.js';
import type { PresentUnit } from './unit-matcher.js';

/**
 * Free-text answers that read like a model's prose ("The risk is high: the clause gives the
 * supplier …"), in a few phrasings, so a pipeline has to parse what it asked for.
 */
export function writeProse(call: SimCall): string {
  const rng = call.rng('prose');
  switch (call.mode) {
    case 'arithmetic':
      return arithmeticProse(call, rng);
    case 'verify':
      return call.units.map((u) => verifyProse(call, u)).join('\n');
    case 'answer':
      return call.units.length === 1 ? singleUnitProse(call, call.units[0]!, rng) : manyUnitsProse(call, rng);
    default:
      return vagueProse(call, rng);
  }
}

function singleUnitProse(call: SimCall, unit: PresentUnit, rng: Rng): string {
  const claims = call.requested.map(({ aspect }) => claim(aspect, call.answer(unit, aspect)));
  const quote = snippet(unit.unit.text, 8);
  const template = rng.int(4);
  if (template === 0) return `${capitalise(joinClaims(claims))}: the text says “${quote}”.`;
  if (template === 1) return `Looking at “${quote}”, ${joinClaims(claims)}.`;
  if (template === 2) {
    const lines = call.requested.map(
      ({ aspect }) => `${title(aspect)}: ${show(call.answer(unit, aspect).value)}`,
    );
    return `${lines.join('\n')}\n\nReason: “${quote}” is the deciding part.`;
  }
  return `I would say ${joinClaims(claims)}, because of “${quote}”.`;
}

function manyUnitsProse(call: SimCall, rng: Rng): string {
  const intro = rng.pick(['Here is my assessment:', 'Going through them one by one:', 'My reading:']);
  const lines = call.units.map((unit) => {
    const claims = call.requested.map(({ aspect }) => claim(aspect, call.answer(unit, aspect)));
    return `- ${unit.label} (“${snippet(unit.unit.text, 5)}”): ${joinClaims(claims)}.`;
  });
  return `${intro}\n${lines.join('\n')}`;
}

function verifyProse(call: SimCall, unit: PresentUnit): string {
  const verdict = call.verdict(unit);
  if (verdict.says) return 'Yes, the proposed answer is correct.';
  const corrections = call.requested.map(({ aspect }) => claim(aspect, call.correctedAnswer(unit, aspect)));
  return `No, the proposed answer is incorrect: ${joinClaims(corrections)}.`;
}

function arithmeticProse(call: SimCall, rng: Rng): string {
  const result = call.arithmetic()!;
  const value = formatNumber(result.value);
  const noun = result.task.op === 'mean' ? 'average' : result.task.op === 'count' ? 'count' : 'total';
  const template = rng.int(3);
  if (template === 0) return `The ${noun} is ${value}.`;
  if (template === 1) return `Adding these up carefully, the ${noun} comes to ${value}.`;
  return `${capitalise(noun)}: ${value}`;
}

/** Nothing recognised: a hedged, plausible answer rather than an error, as a real model would give. */
function vagueProse(call: SimCall, rng: Rng): string {
  const aspect = call.requested[0]?.aspect;
  if (aspect) {
    return `Without the text itself it is hard to be sure, but the ${aspect.name} is probably ${show(vagueValue(rng, aspect))}.`;
  }
  const unit = call.units[0];
  if (unit)
    return `This part (“${snippet(unit.unit.text, 8)}”) looks fairly standard; nothing in it stands out.`;
  const gist = snippet(call.instruction, 8);
  return gist
    ? `It depends on the details. Based on what is given (“${gist}”), there is no clear-cut answer; I would need more context.`
    : 'I need more context to answer that.';
}

function claim(aspect: Aspect, draw: Draw): string {
  if (draw.value === null || draw.value === undefined) return `the ${aspect.name} is unclear`;
  return `the ${aspect.name.replace(/_/g, ' ')} is ${show(draw.value)}`;
}

function joinClaims(claims: string[]): string {
  if (claims.length <= 1) return claims[0] ?? '';
  return `${claims.slice(0, -1).join(', ')} and ${claims[claims.length - 1]}`;
}

function show(value: unknown): string {
  if (typeof value === 'number') return formatNumber(value);
  if (Array.isArray(value)) return value.length === 0 ? 'none' : value.map(show).join(', ');
  if (value === null || value === undefined) return 'unclear';
  return typeof value === 'object' ? JSON.stringify(value) : String(value);
}

/** 12,345.5: thousands separators written by hand, so no locale data can change the output. */
export function formatNumber(value: number): string {
  const [whole, fraction] = String(Math.abs(value)).split('.');
  const grouped = whole!.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `${value < 0 ? '-' : ''}${grouped}${fraction ? `.${fraction}` : ''}`;
}

/** The first words of a text, ending in … when cut. */
export function snippet(text: string, words: number): string {
  const all = text.trim().split(/\s+/).filter(Boolean);
  const head = all.slice(0, words).join(' ');
  return all.length > words ? `${head} …` : head;
}

function title(aspect: Aspect): string {
  return capitalise(aspect.name.replace(/_/g, ' '));
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
