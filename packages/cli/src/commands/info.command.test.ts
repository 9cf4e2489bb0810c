import { SIM_MODELS } from '@reps/engine';
import { reps } from '../cli-test-kit.js';

describe('reps schema', () => {
  it('prints the pipeline JSON Schema', async () => {
    const { code, stdout } = await reps(['schema']);
    expect(code).toBe(0);
    const schema = JSON.parse(stdout);
    expect(schema.required).toEqual(expect.arrayContaining(['name', 'steps']));
    // budget is optional: the challenge's caps apply without one.
    expect(schema.properties).toHaveProperty('budget');
    expect(schema.properties.steps.type).toBe('array');
  });
});

describe('reps models', () => {
  it('prints one row per simulated model from SIM_MODELS', async () => {
    const { code, stdout } = await reps(['models']);
    expect(code).toBe(0);
    for (const model of SIM_MODELS) {
      const row = new RegExp(
        `^${model.id}\\s+[\\d,]+\\s+${model.inputPricePerM.toFixed(2)}\\s+${model.outputPricePerM.toFixed(2)}\\s+${model.baseAccuracy.toFixed(3)}`,
        'm',
      );
      expect(stdout).toMatch(row);
    }
    expect(stdout).toMatch(/^openai\s+openai:<model>\s+not configured: set REPS_OPENAI_BASE_URL/m);
  });

  it('shows a configured provider without printing its key', async () => {
    const env = { REPS_OPENAI_BASE_URL: 'http://127.0.0.1:11434/v1', REPS_OPENAI_API_KEY: 'sk-very-secret' };
    const { stdout } = await reps(['models'], { env });
    expect(stdout).toMatch(/^openai\s+openai:<model>\s+http:\/\/127\.0\.0\.1:11434\/v1 \(key set\)$/m);
    expect(stdout).not.toContain('sk-very-secret');
  });

  it('exits 2 naming the variable when the environment is invalid', async () => {
    const { code, stderr } = await reps(['models'], { env: { REPS_OPENAI_BASE_URL: 'not a url' } });
    expect(code).toBe(2);
    expect(stderr).toBe(
      'reps: invalid_config: REPS_OPENAI_BASE_URL: must be a URL starting with http:// or https://\n',
    );
  });
});
