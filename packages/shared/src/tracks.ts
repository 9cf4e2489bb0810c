/**
 * Where to go next, as pure rules the API and the web app share: the start-here challenge, one
 * ordered track per skill, and the next challenge after a pass. They read only what a catalogue
 * card says (skills, difficulty, title) and whether the learner solved it; no manifest key is
 * needed, so a new challenge finds its place by its difficulty and skills alone. Plain code with no
 * imports, exported as `@reps/shared/tracks` so the web app uses it without zod.
 */

export interface TrackChallenge {
  slug: string;
  title: string;
  difficulty: number;
  skills: readonly string[];
}

/** The order of a track and of every tie below: difficulty, then title, then slug. */
export function byDifficulty(a: TrackChallenge, b: TrackChallenge): number {
  return a.difficulty - b.difficulty || a.title.localeCompare(b.title) || a.slug.localeCompare(b.slug);
}

/** The skill a new learner starts with: splitting a task into steps comes before the rest. */
export const START_SKILL = 'decomposition';

/**
 * The start-here challenge: the easiest challenge that teaches decomposition and nothing else
 * (fewest skills at the lowest difficulty, then by title); with no decomposition challenge, the
 * easiest challenge of all. Undefined for an empty catalogue.
 */
export function startHere<T extends TrackChallenge>(catalogue: readonly T[]): T | undefined {
  const teaching = catalogue.filter((c) => c.skills.includes(START_SKILL));
  const pool = teaching.length > 0 ? teaching : catalogue;
  return [...pool].sort(
    (a, b) => a.difficulty - b.difficulty || a.skills.length - b.skills.length || byDifficulty(a, b),
  )[0];
}

/**
 * One ordered path per skill, each by difficulty then title. Skills come in the order given, or by
 * default in the order the catalogue (easiest first) introduces them.
 */
export function tracksOf<T extends TrackChallenge>(
  catalogue: readonly T[],
  skills: readonly string[] = [...new Set([...catalogue].sort(byDifficulty).flatMap((c) => c.skills))],
): { skill: string; steps: T[] }[] {
  return skills
    .map((skill) => ({ skill, steps: catalogue.filter((c) => c.skills.includes(skill)).sort(byDifficulty) }))
    .filter((track) => track.steps.length > 0);
}

/**
 * The challenge to suggest after passing `done`, among those not solved yet (and not `done`):
 * 1. one sharing a skill with `done`, one difficulty up (most skills shared first);
 * 2. else sharing a skill, at the same difficulty;
 * 3. else sharing a skill, the nearest difficulty further up;
 * 4. else sharing a skill, the nearest difficulty below (one left behind);
 * 5. else any unsolved challenge, by the same difficulty preference;
 * ties by difficulty, then title. Undefined when everything is solved.
 */
export function nextChallenge<T extends TrackChallenge>(
  done: TrackChallenge,
  catalogue: readonly T[],
  solved: ReadonlySet<string>,
): T | undefined {
  const shared = (c: TrackChallenge) => c.skills.filter((s) => done.skills.includes(s)).length;
  const step = (c: TrackChallenge) => {
    const up = c.difficulty - done.difficulty;
    if (up === 1) return 0;
    if (up === 0) return 1;
    return up > 1 ? 1 + up : 10 - up; // further up, nearest first; then below, nearest first
  };
  const key = (c: TrackChallenge) => [shared(c) > 0 ? 0 : 1, step(c), -shared(c)];
  const candidates = catalogue.filter((c) => c.slug !== done.slug && !solved.has(c.slug));
  return candidates.sort((a, b) => {
    const [ka, kb] = [key(a), key(b)];
    for (let i = 0; i < ka.length; i++) if (ka[i] !== kb[i]) return ka[i] - kb[i];
    return byDifficulty(a, b);
  })[0];
}
