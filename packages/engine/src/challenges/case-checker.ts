import { type Challenge, type ChallengeCase, factUnitSchema, RepsError } from '@reps/shared';
import type { ValidateFunction } from 'ajv';
import { z } from 'zod';
import { compileManifestSchema, describeSchemaError } from './json-schemas.js';

const factsSchema = z.array(factUnitSchema);

/**
 * Checks generated cases against the manifest: input against input_schema, expected against
 * output_schema, facts against the fact-unit schema (unique ids, answers only for declared
 * aspects). A bad case is the generator's bug; the error names the case and the schema path.
 */
export class CaseChecker {
  private readonly input: ValidateFunction;
  private readonly output: ValidateFunction;
  private readonly aspects: Set<string>;

  constructor(private readonly manifest: Challenge) {
    this.input = compileManifestSchema(manifest.input_schema);
    this.output = compileManifestSchema(manifest.output_schema);
    this.aspects = new Set(manifest.aspects.map((a) => a.name));
  }

  /** Every problem of one case, as sentences without the case prefix. */
  problems(testCase: ChallengeCase): string[] {
    const problems: string[] = [];
    if (!this.input(testCase.input))
      for (const e of this.input.errors ?? [])
        problems.push(`input does not match input_schema ${describeSchemaError('input', e)}`);
    if (!this.output(testCase.expected))
      for (const e of this.output.errors ?? [])
        problems.push(`expected does not match output_schema ${describeSchemaError('expected', e)}`);
    problems.push(...this.factProblems(testCase.facts));
    return problems;
  }

  /** Throws a RepsError (validation_failed) naming the case index when the case is not valid. */
  check(testCase: ChallengeCase): void {
    const problems = this.problems(testCase);
    if (problems.length === 0) return;
    throw new RepsError(
      'validation_failed',
      `generator.ts of ${this.manifest.slug} produced an invalid case ${testCase.id} (index ${testCase.index}):\n${problems
        .slice(0, 10)
        .map((p) => `  ${p}`)
        .join('\n')}`,
      problems.map((message) => ({ code: 'validation_failed', message, path: testCase.id })),
    );
  }

  private factProblems(facts: unknown): string[] {
    const parsed = factsSchema.safeParse(facts);
    if (!parsed.success)
      return parsed.error.issues.map(
        (i) => `facts.${i.path.join('.')} ${i.message.replace(/^Invalid input: /, '')}`,
      );
    const problems: string[] = [];
    const ids = new Set<string>();
    for (const unit of parsed.data) {
      if (ids.has(unit.id)) problems.push(`facts: unit id "${unit.id}" is used twice`);
      ids.add(unit.id);
      for (const aspect of Object.keys(unit.answers))
        if (!this.aspects.has(aspect))
          problems.push(
            `facts: unit "${unit.id}" answers "${aspect}", which is not an aspect of challenge.yaml`,
          );
    }
    return problems;
  }
}
