import type {
  AnyNode,
  Class,
  Expression,
  Function as FunctionNode,
  Pattern,
  Program,
  Statement,
} from 'acorn';
import { base, type RecursiveVisitors, recursive } from 'acorn-walk';

export interface NameUse {
  name: string;
  /** Offset in the snippet. */
  offset: number;
}

/** A free name, with the snippet's own names visible where it is used (for "did you mean" hints). */
export interface FreeName extends NameUse {
  locals: string[];
}

/**
 * The global object of the sandbox: exactly `Object.getOwnPropertyNames(globalThis)` in QuickJS
 * (free-names.test.ts checks it against a real sandbox). No `console`, no timers, no `Atomics`.
 * `undefined`, `NaN` and `Infinity` are properties of the global object too.
 */
export const JS_GLOBALS: ReadonlySet<string> = new Set(
  (
    'Error EvalError RangeError ReferenceError SyntaxError TypeError URIError InternalError AggregateError ' +
    'Array Object Function Iterator parseInt parseFloat isNaN isFinite decodeURI decodeURIComponent encodeURI ' +
    'encodeURIComponent escape unescape Infinity NaN undefined eval Number Boolean String Math Reflect Symbol ' +
    'globalThis BigInt Date RegExp JSON Map Set WeakMap WeakSet ArrayBuffer SharedArrayBuffer ' +
    'Uint8ClampedArray Int8Array Uint8Array Int16Array Uint16Array Int32Array Uint32Array BigInt64Array ' +
    'BigUint64Array Float16Array Float32Array Float64Array DataView Promise'
  ).split(' '),
);

/**
 * A lexical scope. Declarations are hoisted to the whole scope (TDZ does not matter for whether a
 * name exists), so names are resolved after the walk, once every declaration has been seen.
 */
class Scope {
  private readonly names = new Set<string>();

  constructor(
    readonly parent: Scope | undefined,
    /** Function scopes take `var` declarations; block scopes only `let`, `const`, `class` and (strict) functions. */
    readonly isFunction: boolean,
  ) {}

  child(isFunction: boolean): Scope {
    return new Scope(this, isFunction);
  }

  declare(name: string): void {
    this.names.add(name);
  }

  functionScope(): Scope {
    let scope: Scope = this;
    while (!scope.isFunction && scope.parent) scope = scope.parent;
    return scope;
  }

  resolves(name: string): boolean {
    for (let scope: Scope | undefined = this; scope; scope = scope.parent)
      if (scope.names.has(name)) return true;
    return false;
  }

  /** Every name declared here or in an enclosing scope. */
  visible(): string[] {
    const names: string[] = [];
    for (let scope: Scope | undefined = this; scope; scope = scope.parent) names.push(...scope.names);
    return names;
  }
}

interface Reference {
  name: string;
  offset: number;
  scope: Scope;
}

/**
 * Names a parsed snippet reads from outside itself (step ids, scope variables, globals), in source
 * order, one entry per use. Property names (`x.a`, `{ a: 1 }`, class members), labels and every
 * name the snippet declares in a scope enclosing the use (var, let, const, function, class,
 * parameters, catch bindings, a named function expression's own name) are not free; `{ a }` and
 * `typeof a` are uses of `a`. `arguments` is the function's own and never free.
 */
export function freeNames(ast: Program | Expression): FreeName[] {
  const references: Reference[] = [];
  const top = new Scope(undefined, true);
  recursive<Scope>(ast, top, visitors(references));
  return references
    .filter((ref) => ref.name !== 'arguments' && !ref.scope.resolves(ref.name))
    .sort((a, b) => a.offset - b.offset)
    .map(({ name, offset, scope }) => ({ name, offset, locals: scope.visible() }));
}

type Walk = (node: AnyNode, scope: Scope) => void;

function visitors(references: Reference[]): RecursiveVisitors<Scope> {
  const use = (name: string, offset: number, scope: Scope) => references.push({ name, offset, scope });

  /** Declares a binding pattern's names in `target`; defaults and computed keys are uses in `scope`. */
  const bind = (pattern: Pattern, target: Scope, scope: Scope, walk: Walk): void => {
    switch (pattern.type) {
      case 'Identifier':
        target.declare(pattern.name);
        return;
      case 'ObjectPattern':
        for (const property of pattern.properties) {
          if (property.type === 'RestElement') bind(property.argument, target, scope, walk);
          else {
            if (property.computed) walk(property.key, scope);
            bind(property.value, target, scope, walk);
          }
        }
        return;
      case 'ArrayPattern':
        for (const element of pattern.elements) if (element) bind(element, target, scope, walk);
        return;
      case 'RestElement':
        bind(pattern.argument, target, scope, walk);
        return;
      case 'AssignmentPattern':
        bind(pattern.left, target, scope, walk);
        walk(pattern.right, scope);
        return;
      case 'MemberExpression':
        // Not a binding (acorn rejects it in declarations); as an assignment target it reads its object.
        walk(pattern, scope);
        return;
    }
  };

  const statements = (body: Statement[], scope: Scope, walk: Walk) => {
    for (const statement of body) walk(statement, scope);
  };

  const fn = (node: FunctionNode, outer: Scope, walk: Walk) => {
    const scope = outer.child(true);
    // A named function expression sees its own name; a declaration's name is bound outside.
    if (node.type === 'FunctionExpression' && node.id) scope.declare(node.id.name);
    for (const param of node.params) bind(param, scope, scope, walk);
    if (node.body.type === 'BlockStatement') statements(node.body.body, scope, walk);
    else walk(node.body, scope);
  };

  const cls = (node: Class, scope: Scope, walk: Walk) => {
    const inner = scope.child(false);
    if (node.id) inner.declare(node.id.name);
    if (node.superClass) walk(node.superClass, inner);
    walk(node.body, inner);
  };

  /** `for (let i …)` binds i in a scope of the loop's own, around its body. */
  const loop = (parts: (AnyNode | null | undefined)[], body: Statement, outer: Scope, walk: Walk) => {
    const scope = outer.child(false);
    for (const part of parts) if (part) walk(part, scope);
    walk(body, scope);
  };

  return {
    Identifier: (node, scope) => use(node.name, node.start, scope),
    // Assignment targets (`a = 1`, `[a, b] = pair`, `for (a of list)`) write to a name: a use of it.
    Pattern: (node, scope, walk) => {
      if (node.type === 'Identifier') use(node.name, node.start, scope);
      else base.Pattern!(node, scope, walk);
    },
    VariableDeclaration: (node, scope, walk) => {
      const target = node.kind === 'var' ? scope.functionScope() : scope;
      for (const declarator of node.declarations) {
        bind(declarator.id, target, scope, walk);
        if (declarator.init) walk(declarator.init, scope);
      }
    },
    FunctionDeclaration: (node, scope, walk) => {
      if (node.id) scope.declare(node.id.name);
      fn(node, scope, walk);
    },
    Function: (node, scope, walk) => fn(node, scope, walk),
    ClassDeclaration: (node, scope, walk) => {
      if (node.id) scope.declare(node.id.name);
      cls(node, scope, walk);
    },
    ClassExpression: (node, scope, walk) => cls(node, scope, walk),
    BlockStatement: (node, scope, walk) => statements(node.body, scope.child(false), walk),
    // `var` in a static block stays in it.
    StaticBlock: (node, scope, walk) => statements(node.body, scope.child(true), walk),
    ForStatement: (node, scope, walk) => loop([node.init, node.test, node.update], node.body, scope, walk),
    ForInStatement: (node, scope, walk) => loop([node.left, node.right], node.body, scope, walk),
    ForOfStatement: (node, scope, walk) => loop([node.left, node.right], node.body, scope, walk),
    SwitchStatement: (node, scope, walk) => {
      walk(node.discriminant, scope);
      const inner = scope.child(false);
      for (const branch of node.cases) walk(branch, inner);
    },
    CatchClause: (node, scope, walk) => {
      const inner = scope.child(false);
      if (node.param) bind(node.param, inner, inner, walk);
      statements(node.body.body, inner, walk);
    },
  };
}
