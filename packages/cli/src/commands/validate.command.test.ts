import { reps, scratch } from '../cli-test-kit.js';

const EXAMPLES = [
  'examples/echo-sum/naive.pipeline.yaml',
  'examples/echo-sum/decomposed.pipeline.yaml',
  'examples/echo-sum/checked.pipeline.yaml',
];

const UNKNOWN_MODEL = `name: bad
budget: {}
steps:
  - id: answer
    llm:
      model: gpt-nonsense
      prompt: "{{ input.question }}"
`;

describe('reps validate', () => {
  it('accepts the example pipelines and exits 0', async () => {
    const { code, stdout, stderr } = await reps(['validate', ...EXAMPLES]);
    expect(code).toBe(0);
    expect(stdout).toContain('ok: 3 pipelines valid');
    expect(stderr).toBe('');
  });

  it('prints file:line:col code message per problem and exits 1', async () => {
    const { dir, cleanup } = await scratch({ 'bad.yaml': UNKNOWN_MODEL });
    try {
      const { code, stdout } = await reps(['validate', 'bad.yaml'], { cwd: dir });
      expect(code).toBe(1);
      const lines = stdout.trim().split('\n');
      expect(lines[0]).toMatch(/^bad\.yaml:6:14 invalid_pipeline unknown model "gpt-nonsense"/);
      expect(lines.at(-1)).toBe('1 problem in 1 file');
    } finally {
      await cleanup();
    }
  });

  it('reports YAML syntax errors with their position', async () => {
    const { dir, cleanup } = await scratch({ 'broken.yaml': 'name: x\nsteps: [\n' });
    try {
      const { code, stdout } = await reps(['validate', 'broken.yaml'], { cwd: dir });
      expect(code).toBe(1);
      expect(stdout).toMatch(/^broken\.yaml:\d+:\d+ invalid_pipeline /m);
    } finally {
      await cleanup();
    }
  });

  it('checks models against a challenge when one is given', async () => {
    const { dir, cleanup } = await scratch({
      'echo.yaml': UNKNOWN_MODEL.replace('gpt-nonsense', 'echo'),
    });
    try {
      const without = await reps(['validate', 'echo.yaml'], { cwd: dir });
      expect(without.code).toBe(0);
      const challenge = `${process.cwd()}/packages/engine/src/challenges/fixtures/echo-sum`;
      const withChallenge = await reps(['validate', 'echo.yaml', '--challenge', challenge], { cwd: dir });
      expect(withChallenge.code).toBe(1);
      expect(withChallenge.stdout).toContain('unknown model "echo"');
    } finally {
      await cleanup();
    }
  });

  it('exits 2 with one coded line when a file cannot be read', async () => {
    const { code, stdout, stderr } = await reps(['validate', 'examples/no-such.yaml']);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toBe('reps: not_found: cannot read the pipeline examples/no-such.yaml: no such file\n');
  });

  it('exits 2 on a usage error', async () => {
    const { code, stderr } = await reps(['validate']);
    expect(code).toBe(2);
    expect(stderr).toContain("reps: validation_failed: missing required argument 'file'");
  });
});
