import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';

// Step runners run nested steps through ctx.executor (run-context.ts) instead of importing
// run-block.ts or run-step.ts, which import them: the executor's modules form no import cycle.
// Type-only imports count too, so that the module graph stays a plain tree of layers.

const executorDir = fileURLToPath(new URL('.', import.meta.url));
const srcDir = resolve(executorDir, '..');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return entry.name.endsWith('.ts') && !entry.name.endsWith('.test.ts') ? [path] : [];
  });
}

/** The engine modules `file` imports or re-exports (relative specifiers only; packages cannot loop back). */
function importsOf(file: string): string[] {
  const { importedFiles } = ts.preProcessFile(readFileSync(file, 'utf8'), true, true);
  return importedFiles
    .map((f) => f.fileName)
    .filter((name) => name.startsWith('.'))
    .map((name) => resolve(dirname(file), name.replace(/\.js$/, '.ts')))
    .filter((path) => existsSync(path));
}

/**
 * Cycles among the nodes reachable from `roots`, each as the path that closes it: at least one in
 * every tangle of nodes that reach each other, so none when there is no cycle at all.
 */
function cyclesFrom(roots: string[], edges: (node: string) => string[]): string[][] {
  const cycles: string[][] = [];
  const state = new Map<string, 'open' | 'done'>();
  const stack: string[] = [];
  const visit = (file: string) => {
    state.set(file, 'open');
    stack.push(file);
    for (const next of edges(file)) {
      if (state.get(next) === 'open') cycles.push([...stack.slice(stack.indexOf(next)), next]);
      else if (!state.has(next)) visit(next);
    }
    stack.pop();
    state.set(file, 'done');
  };
  for (const root of roots) if (!state.has(root)) visit(root);
  return cycles;
}

const show = (cycle: string[]) => cycle.map((file) => relative(srcDir, file)).join(' → ');

describe('executor modules', () => {
  it('import each other without a cycle', () => {
    const files = sourceFiles(executorDir);
    expect(files.map((f) => relative(executorDir, f))).toEqual(
      expect.arrayContaining(['run-step.ts', 'run-block.ts', 'step-runners.ts', 'steps/map-step.ts']),
    );
    const imports = new Map<string, string[]>();
    const edges = (file: string) => {
      if (!imports.has(file)) imports.set(file, importsOf(file));
      return imports.get(file)!;
    };
    expect(cyclesFrom(files, edges).map(show)).toEqual([]);
  });

  it('would be caught: the search finds a cycle however deep it closes', () => {
    const graph: Record<string, string[]> = { a: ['b', 'd'], b: ['c'], c: ['a'], d: [] };
    expect(cyclesFrom(['d', 'a'], (node) => graph[node] ?? [])).toEqual([['a', 'b', 'c', 'a']]);
    expect(cyclesFrom(['a'], (node) => (node === 'a' ? ['b'] : []))).toEqual([]);
  });
});
