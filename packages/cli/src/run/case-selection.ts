import type { CaseKind, Challenge } from '@reps/shared';
import { CliError } from '../cli-error.js';

/**
 * Used for `--cases hidden` when REPS_HIDDEN_SEED is not set. Named so that nobody mistakes it for
 * the server's secret: the cases it gives are local practice cases, not the ones that are graded.
 */
export const LOCAL_HIDDEN_SEED = 'local-dev-hidden-seed';

export interface CaseSelection {
  kind: CaseKind;
  /** The first N cases of the kind; all when absent. */
  count?: number;
  /** The secret of hidden cases. */
  secret?: string;
  /** Hidden runs: whether the seed came from REPS_HIDDEN_SEED or the local default. */
  seedSource?: 'env' | 'local-default';
}

/** `--cases public | hidden | N`: all public cases, all hidden cases, or the first N public ones. */
export function selectCases(
  manifest: Challenge,
  arg: string,
  hiddenSeed: string | undefined,
  warn: (text: string) => void,
): CaseSelection {
  if (arg === 'public') return { kind: 'public' };
  if (arg === 'hidden') {
    if (hiddenSeed) return { kind: 'hidden', secret: hiddenSeed, seedSource: 'env' };
    warn(
      `warning: REPS_HIDDEN_SEED is not set; hidden cases use the local default seed "${LOCAL_HIDDEN_SEED}". ` +
        "They are practice cases, not the server's hidden set.\n",
    );
    return { kind: 'hidden', secret: LOCAL_HIDDEN_SEED, seedSource: 'local-default' };
  }
  return { kind: 'public', count: parseCount(arg, manifest.cases.public, manifest.slug) };
}

function parseCount(arg: string, publicCount: number, slug: string): number {
  if (!/^\d+$/.test(arg) || Number(arg) < 1)
    throw new CliError('validation_failed', `--cases must be public, hidden or a number ≥ 1, not "${arg}"`);
  const count = Number(arg);
  if (count > publicCount)
    throw new CliError('validation_failed', `--cases ${count}: ${slug} has only ${publicCount} public cases`);
  return count;
}
