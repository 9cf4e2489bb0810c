import pipelineSchema from 'virtual:pipeline-schema';
import { STEP_KIND_INFO, STEP_KINDS } from 'virtual:step-kinds';
import type { Completion, CompletionContext, CompletionResult } from '@codemirror/autocomplete';
import type { EditorView } from '@codemirror/view';
import type { StepKind } from '@reps/shared';
import { agentToolsAt } from './agent-tools-at';
import { kindSnippet } from './kind-snippet';
import { type JsonSchema, keysOf, schemaAt, valuesOf } from './schema-walk';
import { inAgent, scopeOptions } from './scope-options';
import { stepIds, yamlPosition } from './yaml-context';

const root = pipelineSchema as JsonSchema;
const isStepKind = (name: string): name is StepKind => (STEP_KINDS as readonly string[]).includes(name);
/** Keys whose value names another step. */
const STEP_REF_KEYS = new Set(['validate', 'vote', 'needs', 'map', 'output']);

export interface CompletionData {
  models: { id: string; detail: string }[];
  /** The learner's saved skills, for `use:` (a step's or an agent tool's). */
  skills: { name: string; detail: string }[];
}

/** Inserts text and puts the cursor at `cursor` chars in. */
function insertSnippet({ text, cursor }: { text: string; cursor: number }) {
  return (view: EditorView, _c: Completion, from: number, to: number) =>
    view.dispatch({ changes: { from, to, insert: text }, selection: { anchor: from + cursor } });
}

/**
 * Completes step kinds, keys, model names, skill names, step ids and enum values, from the DSL's
 * JSON Schema; inside an agent's prompt, system text and stop_when, also its tools' names and what
 * stop_when has in scope.
 */
export function pipelineCompletions(data: CompletionData) {
  return (context: CompletionContext): CompletionResult | null => {
    const { state, pos } = context;
    const line = state.doc.lineAt(pos);
    const before = line.text.slice(0, pos - line.from);
    const lines: string[] = [];
    for (let n = 1; n <= line.number; n++) lines.push(n === line.number ? before : state.doc.line(n).text);
    const where = yamlPosition(lines, before, line.from);
    if (!context.explicit && where.word === '' && where.kind !== 'value' && where.kind !== 'item')
      return null;

    const ids = () => stepIds(state.doc.toString());
    const toolsHere = () => agentToolsAt(state.doc.toString(), pos);
    let options: Completion[] = [];

    if (where.kind === 'key') {
      const nodes = schemaAt(root, where.path);
      const keys = keysOf(nodes, root);
      const isStep = keys.some((k) => k.name === 'llm') && keys.some((k) => k.name === 'code');
      // A tool is read by its name first, as a step by its id.
      const first = where.path.at(-2) === 'tools' ? 'name' : 'id';
      options = keys.map((k) => {
        if (isStep && isStepKind(k.name)) {
          return {
            label: k.name,
            type: 'keyword',
            detail: STEP_KIND_INFO[k.name].blurb,
            boost: 2,
            apply: insertSnippet(kindSnippet(k.name, where.column, data.models[0]?.id ?? 'sim-mini')),
          };
        }
        return {
          label: k.name,
          type: 'property',
          detail: k.required ? 'required' : [...k.types].join(' | ') || undefined,
          boost: k.name === first ? 3 : k.required ? 1 : 0,
          apply: `${k.name}: `,
        };
      });
    } else if (where.kind === 'value' || where.kind === 'item') {
      const key = where.kind === 'value' ? where.key : where.path[where.path.length - 1];
      const path = where.kind === 'value' ? [...where.path, where.key] : where.path;
      if (key === 'model') {
        options = data.models.map((m) => ({ label: m.id, type: 'constant', detail: m.detail }));
      } else if (key === 'use') {
        options = data.skills.map((s) => ({ label: s.name, type: 'function', detail: s.detail }));
      } else if (key && STEP_REF_KEYS.has(key)) {
        options = ids().map((id) => ({ label: id, type: 'variable', detail: 'step' }));
      }
      options.push(...valuesOf(schemaAt(root, path), root).map((v) => ({ label: v, type: 'enum' as const })));
      if (options.length === 0 && where.word)
        options = scopeOptions(
          ids(),
          inAgent(path, () => toolsHere()),
        );
    } else if (where.word) {
      options = scopeOptions(
        ids(),
        inAgent(where.path, () => toolsHere()),
      );
    }
    if (options.length === 0) return null;
    return { from: where.from, options, validFor: /^[\w-]*$/ };
  };
}
