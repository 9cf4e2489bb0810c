import type { Config } from '@reps/shared';
import type { Repository } from 'typeorm';
import { ReadCache } from '../redis/read-cache.js';
import type { ChallengeRow } from './challenge.entity.js';
import { ChallengeStore } from './challenge-store.js';
import type { ChallengeVersion } from './challenge-version.entity.js';

/** A store over a stand-in catalogue whose published version the test sets, and a cache without Redis. */
function store() {
  const catalogue = { published: 1, queries: 0, duringQuery: undefined as (() => void) | undefined };
  const versions = {
    query: async () => {
      catalogue.queries++;
      const version = catalogue.published;
      catalogue.duringQuery?.();
      catalogue.duringQuery = undefined;
      return [{ id: `v${version}`, version }];
    },
  } as unknown as Repository<ChallengeVersion>;
  const cache = new ReadCache({ REPS_REDIS_PREFIX: 'test', REDIS_URL: 'redis://127.0.0.1:1' } as Config);
  Object.assign(cache, {
    subscribe: () => undefined,
    connect: () => ({ publish: async () => 0, quit: async () => 'OK' }),
  });
  return { catalogue, cache, store: new ChallengeStore(versions, {} as Repository<ChallengeRow>, cache) };
}

describe('ChallengeStore.ref', () => {
  it('keeps the published version for a while, and forgets it when the catalogue is dropped', async () => {
    const { catalogue, cache, store: challenges } = store();
    expect((await challenges.ref('pii-redaction')).version).toBe(1);
    catalogue.published = 2;
    expect((await challenges.ref('pii-redaction')).version).toBe(1);
    expect(catalogue.queries).toBe(1);
    await cache.changed('catalogue');
    expect((await challenges.ref('pii-redaction')).version).toBe(2);
  });

  it('does not keep a version read while a publication was announced', async () => {
    const { catalogue, cache, store: challenges } = store();
    catalogue.duringQuery = () => {
      catalogue.published = 2;
      void cache.changed('catalogue');
    };
    expect((await challenges.ref('pii-redaction')).version).toBe(1); // read before the publication
    expect((await challenges.ref('pii-redaction')).version).toBe(2);
  });
});
