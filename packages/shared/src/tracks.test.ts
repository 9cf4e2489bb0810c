import { nextChallenge, startHere, type TrackChallenge, tracksOf } from './tracks.js';

const c = (slug: string, difficulty: number, skills: string[], title = slug): TrackChallenge => ({
  slug,
  title,
  difficulty,
  skills,
});

const catalogue = [
  c('triage', 1, ['decomposition'], 'Triage'),
  c('routing', 1, ['decomposition'], 'Routing'),
  c('sum', 1, ['sequencing']),
  c('pii', 2, ['decomposition', 'validation']),
  c('emergency', 2, ['decomposition']),
  c('contract', 3, ['decomposition', 'validation']),
  c('meeting', 3, ['decomposition', 'correction']),
  c('incident', 4, ['sequencing', 'validation']),
  c('multi-hop', 5, ['decomposition', 'sequencing', 'correction']),
];
const none = new Set<string>();

describe('startHere', () => {
  it('picks the easiest decomposition-only challenge, by title on a tie', () => {
    expect(startHere(catalogue)?.slug).toBe('routing');
  });
  it('prefers a challenge teaching decomposition alone over one that also teaches another skill', () => {
    expect(
      startHere([c('pii', 1, ['decomposition', 'validation']), c('plain', 1, ['decomposition'], 'Z')])?.slug,
    ).toBe('plain');
  });
  it('falls back to the easiest challenge when none teaches decomposition, and to nothing when empty', () => {
    expect(startHere([c('b', 3, ['sequencing']), c('a', 2, ['validation'])])?.slug).toBe('a');
    expect(startHere([])).toBeUndefined();
  });
});

describe('tracksOf', () => {
  it('gives one path per skill, by difficulty then title, leaving out skills with no challenge', () => {
    const tracks = tracksOf(catalogue, ['decomposition', 'sequencing', 'validation', 'correction', 'unused']);
    expect(tracks.map((t) => t.skill)).toEqual(['decomposition', 'sequencing', 'validation', 'correction']);
    expect(tracks[0].steps.map((s) => s.slug)).toEqual([
      'routing',
      'triage',
      'emergency',
      'pii',
      'contract',
      'meeting',
      'multi-hop',
    ]);
    expect(tracks[1].steps.map((s) => s.slug)).toEqual(['sum', 'incident', 'multi-hop']);
  });
  it('orders skills as the catalogue introduces them, easiest challenge first, when none are given', () => {
    expect(tracksOf(catalogue).map((t) => t.skill)).toEqual([
      'decomposition',
      'sequencing',
      'validation',
      'correction',
    ]);
  });
});

describe('nextChallenge', () => {
  it('suggests a challenge sharing a skill one difficulty up, most skills shared first', () => {
    expect(nextChallenge(catalogue[4], catalogue, none)?.slug).toBe('contract');
    expect(nextChallenge(catalogue[3], catalogue, none)?.slug).toBe('contract');
  });
  it('skips solved challenges and the one just passed', () => {
    expect(nextChallenge(catalogue[1], catalogue, new Set(['pii']))?.slug).toBe('emergency');
  });
  it('stays at the same difficulty when nothing one up shares a skill', () => {
    expect(nextChallenge(catalogue[1], catalogue, new Set(['pii', 'emergency']))?.slug).toBe('triage');
  });
  it('then goes further up, nearest first, then back down', () => {
    expect(nextChallenge(catalogue[2], catalogue, none)?.slug).toBe('incident');
    const solved = new Set(['incident', 'multi-hop']);
    // No sequencing challenge left: any unsolved one, one difficulty up first.
    expect(nextChallenge(catalogue[2], catalogue, solved)?.slug).toBe('emergency');
    expect(nextChallenge(c('top', 5, ['sequencing']), catalogue, new Set(['multi-hop']))?.slug).toBe(
      'incident',
    );
  });
  it('falls back to any unsolved challenge when none shares a skill, and to nothing when all are solved', () => {
    const lonely = c('lonely', 2, ['grading']);
    expect(nextChallenge(lonely, catalogue, none)?.slug).toBe('contract');
    expect(nextChallenge(lonely, catalogue, new Set(catalogue.map((x) => x.slug)))).toBeUndefined();
  });
});
