import { inputPathReads, writePath } from './input-paths.js';
import { parsePipeline } from './parse-pipeline.js';

const reads = (source: string) =>
  inputPathReads(source).map(
    (r) =>
      `${r.position.line}:${r.position.column} ${writePath(r.root, r.segments)} ${JSON.stringify(r.path)}`,
  );

describe('inputPathReads', () => {
  it('finds free input and item paths in templates, expressions and code, at their place in the file', () => {
    const source = `name: t
steps:
  - id: routed
    map: input.tickets
    step:
      llm:
        model: sim-mini
        prompt: >-
          Ticket {{ item.id }}
          says {{ item['body'] }}
  - id: result
    code: |
      const item = routed[0]
      return [item.x, input.tickets[2].subject, input[key]]
`;
    expect(reads(source)).toEqual([
      '4:10 input.tickets ["tickets"]',
      '9:21 item.id ["tickets",0,"id"]',
      '10:19 item.body ["tickets",0,"body"]',
      '14:23 input.tickets[2].subject ["tickets",2,"subject"]',
    ]);
  });

  it('knows no item in a map over a step output, and none outside a map', () => {
    const source = `name: t
steps:
  - id: tickets
    code: return item.a
  - id: routed
    map: tickets
    step: { code: "return item.text" }
`;
    expect(reads(source)).toEqual([]);
    expect(inputPathReads('name: t\nsteps: [\n')).toEqual([]);
  });
});

describe('positions in a folded (>) scalar', () => {
  it('skip the first line’s indentation: an unknown name on it is reported at its column', () => {
    const result = parsePipeline(
      'name: t\nsteps:\n  - id: a\n    llm:\n      model: sim-mini\n      prompt: >-\n        Sum {{ totl }}\n',
    );
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.issues.map((i) => [i.line, i.column])).toEqual([[7, 16]]);
  });
});
