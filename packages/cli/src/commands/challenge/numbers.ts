import { CliError } from '../../cli-error.js';

/** A whole-number flag within bounds, or a usage error naming the flag. */
export function wholeNumber(value: string, flag: string, min: number, max: number): number {
  if (!/^\d+$/.test(value) || Number(value) < min || Number(value) > max)
    throw new CliError(
      'validation_failed',
      `${flag} must be a whole number from ${min} to ${max}, not "${value}"`,
    );
  return Number(value);
}
