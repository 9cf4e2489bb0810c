import { Text } from '@codemirror/state';
import { parsePipeline } from '../../../../../../packages/engine/src/dsl/parse-pipeline';
import { type EditorIssue, mergeIssues, toDiagnostic, yamlSyntaxIssues } from './diagnostics';

/** A YAML error on line 5: a second `:` in a compact mapping. */
const brokenOnLine5 = 'name: t\nsteps:\n  - id: a\n    code: return 1\n    bad: : y\n';

const serverIssues = (text: string): EditorIssue[] => {
  const result = parsePipeline(text);
  if (result.ok) throw new Error('expected the pipeline to be refused');
  return result.issues.map((i) => ({
    message: i.message,
    line: i.line!,
    column: i.column!,
    source: 'server' as const,
    path: i.path,
  }));
};

describe('the editor’s YAML issues', () => {
  it('points a YAML error at its own line and column, where the API points it', () => {
    const issues = yamlSyntaxIssues(brokenOnLine5);
    expect(issues).toEqual([
      {
        message: 'YAML: Nested mappings are not allowed in compact mappings',
        line: 5,
        column: 10,
        source: 'yaml',
      },
    ]);
    const [server] = serverIssues(brokenOnLine5);
    expect([server!.line, server!.column, server!.message]).toEqual([5, 10, issues[0]!.message]);
  });

  it('finds errors past the first line in other shapes too', () => {
    const unclosed = yamlSyntaxIssues('name: t\nsteps:\n  - id: a\n    code: [1, 2\n');
    expect(unclosed.length).toBeGreaterThan(0);
    expect(unclosed.every((i) => i.line > 1)).toBe(true);
    const duplicate = yamlSyntaxIssues('name: t\nsteps: []\nname: u\n');
    expect(duplicate.map((i) => [i.line, i.column])).toEqual([[3, 1]]);
    expect(yamlSyntaxIssues('  \n')).toEqual([]);
  });
});

describe('mergeIssues', () => {
  it('lists a YAML error found by both the browser and the API once, as the browser’s', () => {
    const merged = mergeIssues(yamlSyntaxIssues(brokenOnLine5), serverIssues(brokenOnLine5));
    expect(merged).toHaveLength(1);
    expect(merged[0]!.source).toBe('yaml');
  });

  it('drops a repeat of the same line, column and message, keeps the rest in order of place', () => {
    const at = (line: number, column: number, message: string, source: EditorIssue['source']) => ({
      line,
      column,
      message,
      source,
    });
    const merged = mergeIssues(
      [at(5, 3, 'YAML: bad indent', 'yaml'), at(5, 3, 'YAML: bad indent', 'yaml')],
      [
        at(5, 3, 'bad indent', 'server'),
        at(5, 4, 'bad indent', 'server'),
        at(2, 1, 'unknown key', 'server'),
        at(5, 3, 'another problem here', 'server'),
        at(0, 0, 'no place', 'server'),
      ],
    );
    expect(merged.map((i) => `${i.line}:${i.column} ${i.source} ${i.message}`)).toEqual([
      '2:1 server unknown key',
      '5:3 yaml YAML: bad indent',
      '5:3 server another problem here',
      '5:4 server bad indent',
      '0:0 server no place',
    ]);
  });
});

describe('toDiagnostic', () => {
  const doc = Text.of(['steps:', '  - id: a', '    prompt: "{{ item.text }} please"']);

  it('marks the word at an error and the whole path at a warning', () => {
    const error = toDiagnostic(doc, {
      message: 'm',
      line: 2,
      column: 5,
      source: 'server',
      path: 'steps.0.id',
    });
    expect([doc.sliceString(error.from, error.to), error.severity, error.message]).toEqual([
      'id',
      'error',
      'm (steps.0.id)',
    ]);
    const warning = toDiagnostic(doc, {
      message: 'w',
      line: 3,
      column: 17,
      source: 'input',
      severity: 'warning',
    });
    expect([doc.sliceString(warning.from, warning.to), warning.severity]).toEqual(['item.text', 'warning']);
  });

  it('marks the last character written when the place is a blank line at the end (an unclosed bracket)', () => {
    const text = 'name: t\nsteps:\n  - id: a\n    code: [1, 2\n';
    const [issue] = yamlSyntaxIssues(text);
    expect([issue!.line, issue!.column]).toEqual([5, 1]);
    const unclosed = Text.of(text.split('\n'));
    const d = toDiagnostic(unclosed, issue!);
    expect([unclosed.lineAt(d.from).number, unclosed.sliceString(d.from, d.to)]).toEqual([4, '2']);
  });
});
