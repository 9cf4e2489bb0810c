/**
 * Reads a JSON Schema along a path of keys: the pipeline's (generated from the zod definition in
 * @reps/shared), for completions (which keys an object takes, which values a key allows), and a
 * challenge's input schema, for the warnings about input paths the input does not have.
 */

export type JsonSchema = {
  $ref?: string;
  $defs?: Record<string, JsonSchema>;
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  additionalProperties?: JsonSchema | boolean;
  patternProperties?: Record<string, JsonSchema>;
  required?: string[];
  items?: JsonSchema | JsonSchema[];
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  allOf?: JsonSchema[];
  enum?: unknown[];
  const?: unknown;
  description?: string;
  pattern?: string;
};

/** A schema node with references resolved and unions spread into their alternatives. */
export function alternatives(node: JsonSchema | undefined, root: JsonSchema, depth = 0): JsonSchema[] {
  if (!node || depth > 20) return [];
  if (node.$ref) return alternatives(pointer(root, node.$ref), root, depth + 1);
  const union = node.anyOf ?? node.oneOf ?? node.allOf;
  if (union) return union.flatMap((n) => alternatives(n, root, depth + 1));
  return [node];
}

/** The node a local reference points at (`#/$defs/step`, `#/definitions/ticket`); none for others. */
function pointer(root: JsonSchema, ref: string): JsonSchema | undefined {
  if (!ref.startsWith('#/')) return undefined;
  let node: unknown = root;
  for (const raw of ref.slice(2).split('/')) {
    const key = decodeURIComponent(raw).replace(/~1/g, '/').replace(/~0/g, '~');
    if (typeof node !== 'object' || node === null || !Object.hasOwn(node, key)) return undefined;
    node = (node as Record<string, unknown>)[key];
  }
  return typeof node === 'object' && node !== null ? (node as JsonSchema) : undefined;
}

/** The schema nodes at a path of keys ('*' for an array's items). */
export function schemaAt(root: JsonSchema, path: string[]): JsonSchema[] {
  let nodes = alternatives(root, root);
  for (const key of path) {
    nodes = nodes.flatMap((n) => {
      if (key === '*') return Array.isArray(n.items) ? [] : alternatives(n.items, root);
      // `step` of a map is one step, `steps` a list of them: both reach the step schema.
      return alternatives(n.properties?.[key], root);
    });
    if (nodes.length === 0) return [];
  }
  return nodes;
}

export interface KeyInfo {
  name: string;
  types: Set<string>;
  required: boolean;
}

/** Keys the objects at these nodes take, merged; a key required by every alternative counts as required. */
export function keysOf(nodes: JsonSchema[], root: JsonSchema): KeyInfo[] {
  const out = new Map<string, KeyInfo>();
  for (const node of nodes) {
    for (const [name, prop] of Object.entries(node.properties ?? {})) {
      const info = out.get(name) ?? { name, types: new Set<string>(), required: false };
      for (const alt of alternatives(prop, root)) {
        const types = Array.isArray(alt.type) ? alt.type : alt.type ? [alt.type] : [];
        for (const t of types) info.types.add(t);
      }
      if (node.required?.includes(name) && nodes.length === 1) info.required = true;
      out.set(name, info);
    }
  }
  return [...out.values()];
}

/** Literal values a key allows (enums and consts), and whether it is a boolean. */
export function valuesOf(nodes: JsonSchema[], root: JsonSchema): string[] {
  const values = new Set<string>();
  for (const node of nodes.flatMap((n) => alternatives(n, root))) {
    for (const v of node.enum ?? []) values.add(String(v));
    if (node.const !== undefined) values.add(String(node.const));
    if (node.type === 'boolean') {
      values.add('true');
      values.add('false');
    }
    if (node.type === 'array' && !Array.isArray(node.items))
      for (const v of valuesOf(alternatives(node.items, root), root)) values.add(v);
  }
  return [...values];
}
