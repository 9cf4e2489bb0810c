import type { z } from 'zod';
import { stepSchema, stepSchemasByKind } from './pipeline.js';
import { type ChildStepsAt, STEP_KIND_INFO, STEP_KINDS } from './step-kinds.js';

interface Def {
  type: string;
  shape?: Record<string, z.ZodType>;
  innerType?: z.ZodType;
  element?: z.ZodType;
}

/** Where a kind's schema holds steps: the step schema itself (single) or an array of it. */
function stepPlaces(schema: z.ZodType, path: string[] = [], out: ChildStepsAt[] = []): ChildStepsAt[] {
  if (schema === stepSchema) {
    out.push({ path, single: true });
    return out;
  }
  const def = schema._zod.def as unknown as Def;
  if (def.type === 'object') {
    for (const [key, value] of Object.entries(def.shape!)) stepPlaces(value, [...path, key], out);
  } else if (def.type === 'optional' || def.type === 'nullable' || def.type === 'default') {
    stepPlaces(def.innerType!, path, out);
  } else if (def.type === 'array') {
    if (def.element === stepSchema) out.push({ path });
    else stepPlaces(def.element!, [...path, '*'], out);
  }
  return out;
}

describe('STEP_KIND_INFO', () => {
  it('names, for every kind, exactly the places where its schema holds nested steps', () => {
    for (const kind of STEP_KINDS) {
      const declared = STEP_KIND_INFO[kind].children.map((c) => ({ path: [...c.path], single: !!c.single }));
      const inSchema = stepPlaces(stepSchemasByKind[kind]).map((c) => ({ path: c.path, single: !!c.single }));
      expect({ kind, children: inSchema }).toEqual({ kind, children: declared });
    }
    // The walk does find nested steps where there are some.
    expect(stepPlaces(stepSchemasByKind.branch)).toEqual([
      { path: ['branch', 'cases', '*', 'steps'] },
      { path: ['branch', 'default'] },
    ]);
  });

  it('gives every kind a distinct label, a blurb and a snippet that starts with its key', () => {
    expect(new Set(STEP_KINDS.map((kind) => STEP_KIND_INFO[kind].label)).size).toBe(STEP_KINDS.length);
    for (const kind of STEP_KINDS) {
      const info = STEP_KIND_INFO[kind];
      expect(info.blurb).not.toBe('');
      expect(info.snippet.startsWith(`${kind}:`)).toBe(true);
    }
    expect(Object.keys(STEP_KIND_INFO)).toEqual([...STEP_KINDS]);
  });
});
