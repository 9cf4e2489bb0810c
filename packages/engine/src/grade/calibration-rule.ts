/**
 * The calibration rule (docs/calibration.md), in one place for the worker's publish gate, the CLI,
 * `npm run calibration` and the catalogue test. A challenge folder's pipelines play roles named by
 * their file names; each role has a bar on the hidden cases:
 *
 * | file                              | role         | holds when                                   |
 * |-----------------------------------|--------------|----------------------------------------------|
 * | baseline.pipeline.yaml            | baseline     | correctness < 50                             |
 * | reference[.name].pipeline.yaml    | reference    | correctness ≥ 90, no case over budget        |
 * | adversary.name.pipeline.yaml      | adversary    | correctness < the pass mark                  |
 * | context-free.pipeline.yaml        | context-free | < the pass mark and ≥ 10 below the best reference |
 * | ablation.name.pipeline.yaml       | ablation     | ≥ 10 below the best reference                |
 *
 * An adversary is the strongest shortcut its author could write in an hour (code only, from the
 * public cases or from everything in the folder); the context-free pipeline is a reference with the
 * evidence stripped from its prompts; an ablation is a reference without one tactic the challenge
 * teaches, so each tactic is shown to be worth its points.
 */

export const BASELINE_CEILING = 50;
export const REFERENCE_FLOOR = 90;
/** What a tactic must be worth: the best reference minus a context-free pipeline or an ablation. */
export const TACTIC_MARGIN = 10;

export const CALIBRATION_ROLES = ['baseline', 'reference', 'adversary', 'context-free', 'ablation'] as const;
export type CalibrationRole = (typeof CALIBRATION_ROLES)[number];

const PIPELINE_SUFFIX = '.pipeline.yaml';
const NAMED = /^(reference|adversary|ablation)\.([a-z0-9][a-z0-9-]{0,39})$/;

/** The role a pipeline plays, from its name (the file name without `.pipeline.yaml`). */
export function calibrationRoleOf(name: string): CalibrationRole | undefined {
  if (name === 'baseline' || name === 'reference' || name === 'context-free') return name;
  const named = NAMED.exec(name);
  return named ? (named[1] as CalibrationRole) : undefined;
}

export interface CalibrationEntry {
  /** The file name without `.pipeline.yaml`: `reference.vote`, `adversary.public` … */
  name: string;
  file: string;
  role: CalibrationRole;
}

/** The pipelines of a folder that calibration grades, in the order of CALIBRATION_ROLES then name. */
export function selectCalibrationPipelines(files: readonly string[]): CalibrationEntry[] {
  const out: CalibrationEntry[] = [];
  for (const file of files) {
    if (!file.endsWith(PIPELINE_SUFFIX)) continue;
    const name = file.slice(0, -PIPELINE_SUFFIX.length);
    const role = calibrationRoleOf(name);
    if (role) out.push({ name, file, role });
  }
  const rank = (e: CalibrationEntry) => CALIBRATION_ROLES.indexOf(e.role);
  return out.sort(
    (a, b) =>
      rank(a) - rank(b) ||
      (a.name === a.role ? -1 : b.name === b.role ? 1 : 0) ||
      a.name.localeCompare(b.name),
  );
}

/**
 * What a folder lacks. Every challenge needs a baseline and a reference; a catalogue challenge
 * (`catalogue: true`) also two adversaries (`adversary.public`, from the public cases only, and
 * `adversary.source`, from everything in the folder) and a context-free pipeline.
 */
export function missingCalibrationPipelines(
  entries: readonly Pick<CalibrationEntry, 'name'>[],
  options: { catalogue?: boolean } = {},
): string[] {
  const names = new Set(entries.map((e) => e.name));
  const needed = ['baseline', 'reference'];
  if (options.catalogue) needed.push('adversary.public', 'adversary.source', 'context-free');
  return needed.filter((n) => !names.has(n)).map((n) => `${n}${PIPELINE_SUFFIX} is missing`);
}

export interface CalibrationScore {
  name: string;
  role: CalibrationRole;
  correctness: number;
  budgetExceeded: number;
  /** The pipeline does not parse for the challenge: it never holds. */
  invalid?: string;
}

export interface CalibrationJudgement {
  holds: boolean;
  /** Why it does not hold, in words. */
  note?: string;
}

/** Judges every line against its role's bar; relative bars use the best reference's score. */
export function judgeCalibration(
  scores: readonly CalibrationScore[],
  passMark: number,
): CalibrationJudgement[] {
  const references = scores.filter((s) => s.role === 'reference' && !s.invalid);
  const best = references.length ? Math.max(...references.map((s) => s.correctness)) : undefined;
  return scores.map((s): CalibrationJudgement => {
    if (s.invalid) return { holds: false, note: `does not parse: ${s.invalid}` };
    const c = s.correctness;
    const needsMargin = (what: string): CalibrationJudgement | undefined => {
      if (best === undefined) return { holds: false, note: `no reference to compare the ${what} with` };
      if (c > best - TACTIC_MARGIN)
        return {
          holds: false,
          note: `the ${what} scores ${c}, within ${TACTIC_MARGIN} points of the best reference (${best}): the tactic it lacks is worth too little`,
        };
      return undefined;
    };
    switch (s.role) {
      case 'baseline':
        return c < BASELINE_CEILING
          ? { holds: true }
          : {
              holds: false,
              note: `the baseline scores ${c}, not below ${BASELINE_CEILING}: the naive approach is good enough`,
            };
      case 'reference':
        if (s.budgetExceeded > 0)
          return { holds: false, note: `${s.budgetExceeded} case(s) ran out of budget` };
        return c >= REFERENCE_FLOOR
          ? { holds: true }
          : { holds: false, note: `the reference scores ${c}, below ${REFERENCE_FLOOR}` };
      case 'adversary':
        return c < passMark
          ? { holds: true }
          : {
              holds: false,
              note: `the adversary scores ${c}, at or above the pass mark ${passMark}: a shortcut passes`,
            };
      case 'context-free':
        if (c >= passMark)
          return {
            holds: false,
            note: `the context-free pipeline scores ${c}, at or above the pass mark ${passMark}: the evidence is not needed`,
          };
        return needsMargin('context-free pipeline') ?? { holds: true };
      default:
        return needsMargin('ablation') ?? { holds: true };
    }
  });
}
