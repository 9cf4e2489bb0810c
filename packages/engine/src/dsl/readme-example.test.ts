import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parsePipeline } from './parse-pipeline.js';

// The README's pipeline is the first one a learner reads: it must stay valid as the DSL evolves.
const readme = readFileSync(join(process.cwd(), 'README.md'), 'utf8');

describe('the README', () => {
  it('shows a pipeline that parses without issues', () => {
    const block = /```yaml\n([\s\S]*?)```/.exec(readme)?.[1];
    expect(block).toBeDefined();
    const result = parsePipeline(block ?? '', { knownModels: (id) => id.startsWith('sim-') });
    expect(result.ok ? [] : result.issues).toEqual([]);
  });
});
