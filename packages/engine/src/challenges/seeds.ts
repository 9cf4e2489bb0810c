import { createHmac } from 'node:crypto';
import { RepsError } from '@reps/shared';

/** The seed of a challenge version's public cases: public by design, shown with expected outputs. */
export function publicSeed(slug: string, version: number): string {
  return `public:${slug}:${version}`;
}

/**
 * The seed of a challenge version's hidden cases: HMAC-SHA256(REPS_HIDDEN_SEED, `<slug>:<version>`)
 * in hex. Without the server's secret nobody can regenerate the hidden set, and each version gets an
 * unrelated one, so learning an old version's cases tells nothing about the next.
 */
export function hiddenSeed(secret: string, slug: string, version: number): string {
  if (!secret)
    throw new RepsError('invalid_config', 'REPS_HIDDEN_SEED is empty; hidden cases need the secret seed.');
  return createHmac('sha256', secret).update(`${slug}:${version}`).digest('hex');
}
