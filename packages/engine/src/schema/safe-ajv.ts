import { Ajv, type CodeOptions, type ErrorObject, type ValidateFunction } from 'ajv';
import { RE2JS, RE2JSSyntaxException } from 're2js';

/**
 * JSON Schemas written by learners (llm output.json, validate schema) and by challenge authors
 * (input_schema, output_schema) are compiled here, and only here, so that none can stall or leak
 * a worker (docs/dsl.md, "JSON Schemas"):
 * - `pattern` and `patternProperties` run on RE2 (re2js, linear time), never on the backtracking
 *   JavaScript engine; lookaround and backreferences, which RE2 lacks, are refused up front;
 * - every Ajv is fresh and owned by its caller (one per parse, per pipeline, per challenge), so no
 *   compiled schema outlives its user and no `$id` is registered process-wide;
 * - `$id` is ignored and `$ref` must be a pointer into the same schema (`#/…`), not recursive, and
 *   may not unfold the schema past MAX_SCHEMA_EXPANSION subschemas;
 * - a schema is at most MAX_SCHEMA_BYTES of JSON and MAX_SCHEMA_DEPTH levels deep, and the distinct
 *   schemas of one pipeline at most MAX_PIPELINE_SCHEMA_BYTES together (dsl/check-steps).
 */

/** The largest schema accepted: 32 KiB of (UTF-8) JSON. The catalogue's biggest schemas are < 2 KiB. */
export const MAX_SCHEMA_BYTES = 32 * 1024;
/**
 * The most JSON all the distinct schemas of one pipeline may take together. Compiling is the
 * costly part of checking a pipeline (about 1 s per 64 KiB of schemas on one core).
 */
export const MAX_PIPELINE_SCHEMA_BYTES = 64 * 1024;
/** The deepest schema accepted, in nested JSON objects and arrays (the root is level 1). */
export const MAX_SCHEMA_DEPTH = 32;
/**
 * The most subschemas a schema may unfold to once each `$ref` is replaced by its target. Without
 * it, 26 definitions that each reference the previous one twice make 2^26 checks of one value.
 */
export const MAX_SCHEMA_EXPANSION = 10_000;
/**
 * The most RE2 instructions all the patterns of one schema may compile to. Matching is linear in
 * the text, times this size at worst; `.{0,500}` alone is about 1,000 (use maxLength instead).
 */
export const MAX_PATTERN_PROGRAM = 5_000;
/** uniqueItems compares all pairs: allowed only beside a maxItems at most this. */
export const MAX_UNIQUE_ITEMS = 1_000;

/** A JSON pointer into a schema, as segments: `['properties', 'risk', 'enum']`. */
export type SchemaPath = (string | number)[];

/** Why a schema was refused, and where inside it (for the line and column in the document). */
export interface SchemaProblem {
  /** Inside the schema; [] is the schema itself. */
  path: SchemaPath;
  message: string;
  /** The problem is the last key of `path` itself (an unknown keyword, a patternProperties key). */
  key?: boolean;
}

export type SchemaCompilation =
  | { ok: true; validate: ValidateFunction }
  | { ok: false; problems: SchemaProblem[] };

export interface SchemaAjvOptions {
  /**
   * Unknown keywords, unknown formats and type mismatches are errors (checking a document), else
   * they are ignored (running one that was checked). Default false.
   */
  strict?: boolean;
  /** False ignores `format` altogether (challenge manifests). Default true. */
  validateFormats?: boolean;
}

const LINEAR_ENGINE =
  'patterns run on a linear-time engine (RE2 syntax: no lookahead, lookbehind or backreferences)';

type RegExpEngine = NonNullable<CodeOptions['regExp']>;

/** ajv's `code.regExp` hook: every pattern ajv compiles goes through RE2. */
const linearRegExp: RegExpEngine = Object.assign(
  (pattern: string) => {
    const problem = patternProblem(pattern);
    if (problem) throw new Error(`pattern "${pattern}": ${problem}`);
    const re = RE2JS.compile(RE2JS.translateRegExp(pattern));
    // ajv shares compiled patterns by their toString(); a distinct text per pattern keeps them apart.
    return { test: (text: string) => re.test(text), toString: () => `re2:${pattern}` };
  },
  // Only used by ajv's standalone code generation, which Reps does not use.
  { code: 'linearRegExp' },
);

/** A fresh Ajv whose patterns run on RE2. Each caller owns its instance; nothing is shared. */
export function createSchemaAjv(options: SchemaAjvOptions = {}): Ajv {
  return new Ajv({
    strict: options.strict ?? false,
    allErrors: true,
    allowUnionTypes: true,
    validateFormats: options.validateFormats ?? true,
    // ajv logs what strict mode would reject; checked documents have been through strict mode.
    logger: false,
    code: { regExp: linearRegExp },
    // Inlined, a definition referenced by 150 properties is compiled 150 times (9 s for a 9 KB
    // schema); as a function it is compiled once.
    inlineRefs: false,
  });
}

/**
 * Checks and compiles a schema in `ajv` (a fresh loose one by default): a validate function, or
 * every problem found, each with its path inside the schema.
 */
export function compileSchema(schema: unknown, ajv: Ajv = createSchemaAjv()): SchemaCompilation {
  if (!isObject(schema)) return refuse([{ path: [], message: 'a JSON Schema must be an object' }]);
  const size = schemaSizeProblem(schema);
  if (size) return refuse([size]);
  const stripped = withoutIds(schema);
  if (stripped.$async !== undefined)
    return refuse([{ path: ['$async'], message: '$async schemas are not supported', key: true }]);
  try {
    // Throws rather than answers for a $schema it does not know.
    if (!ajv.validateSchema(stripped)) return refuse((ajv.errors ?? []).map(metaProblem));
    const problems = new SchemaWalk(stripped).problems();
    if (problems.length) return refuse(problems);
    return { ok: true, validate: ajv.compile(stripped) };
  } catch (error) {
    return refuse([compileProblem(stripped, (error as Error).message)]);
  }
}

/** The problems of a schema (empty when it compiles), in a fresh Ajv with these options. */
export function schemaProblems(schema: unknown, options: SchemaAjvOptions = {}): SchemaProblem[] {
  const compiled = compileSchema(schema, createSchemaAjv(options));
  return compiled.ok ? [] : compiled.problems;
}

/** ajv's errorsText without an Ajv: `answer/risk must be equal to one of the allowed values, …`. */
export function schemaErrorsText(errors: ErrorObject[] | null | undefined, dataVar = 'data'): string {
  if (!errors?.length) return 'No errors';
  return errors.map((e) => `${dataVar}${e.instancePath} ${e.message ?? 'is not valid'}`).join(', ');
}

/**
 * Why `pattern` cannot be used (undefined when it can): not ECMAScript regex syntax, or a feature
 * RE2 does not have (lookaround, backreferences, more than 1000 repetitions).
 */
export function patternProblem(pattern: string): string | undefined {
  try {
    // Parsing only: a JavaScript RegExp is never used to match.
    new RegExp(pattern, 'u');
  } catch (error) {
    return `not a valid regular expression: ${(error as Error).message}`;
  }
  const missing = unsupportedFeature(pattern);
  if (missing) return `${missing} is not supported: ${LINEAR_ENGINE}`;
  try {
    RE2JS.compile(RE2JS.translateRegExp(pattern));
    return undefined;
  } catch (error) {
    return `not supported by the linear-time engine: ${re2Reason(error)}`;
  }
}

function refuse(problems: SchemaProblem[]): SchemaCompilation {
  return { ok: false, problems };
}

/** Lookaround and backreferences, found by a scan of a pattern already known to be valid. */
function unsupportedFeature(pattern: string): string | undefined {
  let inClass = false;
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i];
    if (c === '\\') {
      const next = pattern[i + 1] ?? '';
      if (!inClass && /[1-9]/.test(next)) return `a backreference (\\${next})`;
      if (!inClass && next === 'k') return 'a named backreference (\\k<…>)';
      i++;
    } else if (inClass) {
      if (c === ']') inClass = false;
    } else if (c === '[') {
      inClass = true;
    } else if (c === '(' && pattern[i + 1] === '?') {
      const rest = pattern.slice(i + 2, i + 4);
      if (rest.startsWith('=') || rest.startsWith('!')) return 'lookahead';
      if (rest === '<=' || rest === '<!') return 'lookbehind';
    }
  }
  return undefined;
}

function re2Reason(error: unknown): string {
  if (!(error instanceof RE2JSSyntaxException)) return (error as Error).message;
  const where = error.getPattern() ? ` \`${error.getPattern()}\`` : '';
  const hint = /repeat count/.test(error.getDescription()) ? ' (RE2 repeats at most 1000 times)' : '';
  return `${error.getDescription()}${where}${hint}`;
}

/**
 * Too deep or too large (undefined when neither). Depth is checked first and stops at the cap, so
 * this is safe on any object, however deep.
 */
export function schemaSizeProblem(schema: object): SchemaProblem | undefined {
  const deep = tooDeep(schema, [], 1);
  if (deep)
    return {
      path: deep,
      message: `the schema is nested more than ${MAX_SCHEMA_DEPTH} levels deep; flatten it (use $ref to #/definitions/…)`,
    };
  const bytes = Buffer.byteLength(JSON.stringify(schema), 'utf8');
  if (bytes > MAX_SCHEMA_BYTES)
    return {
      path: [],
      message: `the schema is too large: ${kib(bytes)} of JSON, the limit is ${kib(MAX_SCHEMA_BYTES)}`,
    };
  return undefined;
}

function tooDeep(value: unknown, path: SchemaPath, depth: number): SchemaPath | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  if (depth > MAX_SCHEMA_DEPTH) return path;
  const entries: [string | number, unknown][] = Array.isArray(value)
    ? value.map((v, i) => [i, v])
    : Object.entries(value);
  for (const [key, child] of entries) {
    const found = tooDeep(child, [...path, key], depth + 1);
    if (found) return found;
  }
  return undefined;
}

function kib(bytes: number): string {
  return `${Math.round((bytes / 1024) * 10) / 10} KiB`;
}

function metaProblem(error: ErrorObject): SchemaProblem {
  return {
    path: pointerSegments(error.instancePath),
    message: `not a valid JSON Schema: ${error.instancePath || 'schema'} ${error.message ?? ''}`.trim(),
  };
}

/** An ajv compile error (strict mode: unknown keyword, format, …), at the keyword it names. */
function compileProblem(schema: Record<string, unknown>, message: string): SchemaProblem {
  const keyword = /"([^"]+)"/.exec(message)?.[1];
  const at = keyword ? findKey(schema, keyword, []) : undefined;
  const text = `not a valid JSON Schema: ${message.replace(/^strict mode: /, '')}`;
  return at ? { path: at, message: text, key: true } : { path: [], message: text };
}

function findKey(value: unknown, key: string, path: SchemaPath): SchemaPath | undefined {
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const found = findKey(value[i], key, [...path, i]);
      if (found) return found;
    }
  } else if (isObject(value)) {
    if (key in value) return [...path, key];
    for (const [k, v] of Object.entries(value)) {
      const found = findKey(v, key, [...path, k]);
      if (found) return found;
    }
  }
  return undefined;
}

// The keywords whose values are subschemas (as json-schema-traverse, which ajv uses, knows them).
// Anything else (enum, const, default, examples, unknown keywords) is data, never walked.
const ONE_SCHEMA = [
  'additionalItems',
  'additionalProperties',
  'contains',
  'propertyNames',
  'not',
  'if',
  'then',
  'else',
  'unevaluatedItems',
  'unevaluatedProperties',
  'items',
];
const SCHEMA_LISTS = ['allOf', 'anyOf', 'oneOf', 'prefixItems', 'items'];
const SCHEMA_MAPS = [
  'properties',
  'patternProperties',
  'definitions',
  '$defs',
  'dependentSchemas',
  'dependencies',
];

/** The direct subschemas of a schema object, with their keys. */
function subschemas(schema: Record<string, unknown>): [SchemaPath, Record<string, unknown>][] {
  const found: [SchemaPath, Record<string, unknown>][] = [];
  for (const keyword of ONE_SCHEMA) {
    const value = schema[keyword];
    if (isObject(value)) found.push([[keyword], value]);
  }
  for (const keyword of SCHEMA_LISTS) {
    const value = schema[keyword];
    if (Array.isArray(value))
      value.forEach((item, i) => {
        if (isObject(item)) found.push([[keyword, i], item]);
      });
  }
  for (const keyword of SCHEMA_MAPS) {
    const value = schema[keyword];
    if (isObject(value))
      for (const [name, item] of Object.entries(value))
        if (isObject(item)) found.push([[keyword, name], item]);
  }
  return found;
}

/** A copy without `$id` anywhere a subschema can be: ids are ignored, so none can collide. */
function withoutIds(schema: Record<string, unknown>): Record<string, unknown> {
  const strip = (value: unknown) => (isObject(value) ? withoutIds(value) : value);
  // fromEntries defines own properties, so a key such as "__proto__" stays a plain key.
  const copy = Object.fromEntries(Object.entries(schema).filter(([key]) => key !== '$id'));
  for (const keyword of ONE_SCHEMA) if (isObject(copy[keyword])) copy[keyword] = withoutIds(copy[keyword]);
  for (const keyword of SCHEMA_LISTS) {
    const value = copy[keyword];
    if (Array.isArray(value)) copy[keyword] = value.map(strip);
  }
  for (const keyword of SCHEMA_MAPS) {
    const value = copy[keyword];
    if (isObject(value))
      copy[keyword] = Object.fromEntries(Object.entries(value).map(([name, item]) => [name, strip(item)]));
  }
  return copy;
}

/**
 * One pass over a schema (without ids) for what ajv would accept but must not run: patterns RE2
 * cannot run or too large in all, `$ref`s that leave the schema, recurse, or unfold it too much.
 */
class SchemaWalk {
  private readonly found: SchemaProblem[] = [];
  private program = 0;
  /** Subschemas each schema unfolds to, by JSON pointer; undefined while it is being counted. */
  private readonly unfolded = new Map<string, number | undefined>();

  constructor(private readonly root: Record<string, unknown>) {}

  problems(): SchemaProblem[] {
    this.checkPatterns(this.root, []);
    if (this.found.length === 0) this.unfold(this.root, []);
    return this.found;
  }

  private checkPatterns(schema: Record<string, unknown>, path: SchemaPath): void {
    if (typeof schema.pattern === 'string') this.checkPattern(schema.pattern, [...path, 'pattern'], false);
    const maxItems = schema.maxItems;
    if (schema.uniqueItems === true && !(typeof maxItems === 'number' && maxItems <= MAX_UNIQUE_ITEMS))
      this.found.push({
        path: [...path, 'uniqueItems'],
        key: true,
        message: `uniqueItems compares every pair of items: it needs maxItems of at most ${MAX_UNIQUE_ITEMS} beside it`,
      });
    if (isObject(schema.patternProperties))
      for (const key of Object.keys(schema.patternProperties))
        this.checkPattern(key, [...path, 'patternProperties', key], true);
    for (const [at, sub] of subschemas(schema)) this.checkPatterns(sub, [...path, ...at]);
  }

  private checkPattern(pattern: string, path: SchemaPath, key: boolean): void {
    const problem = patternProblem(pattern);
    // As the author wrote it (JSON quoting would double every backslash).
    const text = `"${pattern}"`;
    if (problem) {
      this.found.push({ path, key, message: `pattern ${text}: ${problem}` });
      return;
    }
    const before = this.program;
    this.program += RE2JS.compile(RE2JS.translateRegExp(pattern)).programSize();
    if (before <= MAX_PATTERN_PROGRAM && this.program > MAX_PATTERN_PROGRAM)
      this.found.push({
        path,
        key,
        message: `pattern ${text}: the schema's patterns are too large for the linear-time engine (${this.program} RE2 instructions, the limit is ${MAX_PATTERN_PROGRAM}); use minLength and maxLength for lengths`,
      });
  }

  /** Counts the subschemas `schema` unfolds to (following `$ref`), reporting bad references. */
  private unfold(schema: Record<string, unknown>, path: SchemaPath): number {
    const pointer = toPointer(path);
    if (this.unfolded.has(pointer)) return this.unfolded.get(pointer) ?? 1;
    this.unfolded.set(pointer, undefined);
    let count = 1;
    for (const [at, sub] of subschemas(schema)) count += this.unfold(sub, [...path, ...at]);
    if (typeof schema.$ref === 'string') count += this.follow(schema.$ref, [...path, '$ref']);
    this.unfolded.set(pointer, count);
    if (count > MAX_SCHEMA_EXPANSION && path.length === 0)
      this.report([], `the schema unfolds to more than ${MAX_SCHEMA_EXPANSION} subschemas through its $refs`);
    return Math.min(count, MAX_SCHEMA_EXPANSION + 1);
  }

  private follow(ref: string, at: SchemaPath): number {
    const text = `"${ref}"`;
    const target = ref === '#' ? [] : ref.startsWith('#/') ? fragmentSegments(ref) : undefined;
    if (!target) {
      this.report(at, `$ref ${text}: only references inside the same schema (#/…) are supported`);
      return 1;
    }
    const resolved = resolve(this.root, target);
    if (!resolved) {
      this.report(at, `$ref ${text} points to nothing in this schema`);
      return 1;
    }
    if (!resolved.schema) return 1;
    const pointer = toPointer(resolved.path);
    if (this.unfolded.has(pointer) && this.unfolded.get(pointer) === undefined) {
      this.report(
        at,
        `$ref ${text} is recursive (it leads back into itself); recursive schemas are not supported`,
      );
      return 1;
    }
    return this.unfold(resolved.schema, resolved.path);
  }

  private report(path: SchemaPath, message: string): void {
    if (!this.found.some((p) => p.message === message)) this.found.push({ path, message });
  }
}

/** `#/definitions/a%20b/x~1y` → ['definitions', 'a b', 'x/y'] (undefined when malformed). */
function fragmentSegments(ref: string): SchemaPath | undefined {
  try {
    return ref
      .slice(2)
      .split('/')
      .map((s) => decodeURIComponent(s).replace(/~1/g, '/').replace(/~0/g, '~'));
  } catch {
    return undefined;
  }
}

function resolve(
  root: Record<string, unknown>,
  segments: SchemaPath,
): { schema?: Record<string, unknown>; path: SchemaPath } | undefined {
  let value: unknown = root;
  const path: SchemaPath = [];
  for (const segment of segments) {
    if (Array.isArray(value) && /^\d+$/.test(String(segment))) {
      value = value[Number(segment)];
      path.push(Number(segment));
    } else if (isObject(value) && Object.hasOwn(value, segment)) {
      value = value[segment];
      path.push(segment);
    } else return undefined;
  }
  return isObject(value) ? { schema: value, path } : { path };
}

function toPointer(path: SchemaPath): string {
  return path.map((s) => `/${String(s).replace(/~/g, '~0').replace(/\//g, '~1')}`).join('');
}

function pointerSegments(pointer: string): SchemaPath {
  return pointer
    .split('/')
    .filter(Boolean)
    .map((part) => {
      const text = part.replace(/~1/g, '/').replace(/~0/g, '~');
      return /^\d+$/.test(text) ? Number(text) : text;
    });
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
