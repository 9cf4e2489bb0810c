/** The generator's word lists: services, teams, resources, pool names, the typo's neighbouring keys and how a deploy or a config change is described. */

import type { Rng } from '@reps/engine';

export const SERVICES = [
  'api-gateway',
  'checkout',
  'payments',
  'orders',
  'inventory',
  'auth',
  'search',
  'notifications',
  'pricing',
  'shipping',
  'recommendations',
  'batch-reports',
  'ledger',
  'fraud-check',
  'catalog',
  'user-profile',
  'loyalty',
  'returns',
];

export const TEAMS = [
  'Atlas',
  'Borealis',
  'Cobalt',
  'Delta',
  'Ember',
  'Fjord',
  'Granite',
  'Helix',
  'Ion',
  'Juniper',
];

export const RESOURCES = [
  'quote',
  'charge',
  'items',
  'session',
  'lookup',
  'batch',
  'events',
  'reserve',
  'profile',
  'rates',
  'tokens',
  'jobs',
  'ledger-entries',
  'score',
  'labels',
  'points',
];

export const POOL_WORDS = [
  'amber',
  'birch',
  'cedar',
  'dune',
  'elm',
  'flint',
  'gale',
  'heath',
  'iris',
  'jade',
  'kelp',
  'lark',
];

export const NEIGHBOURS: Record<string, string> = {
  a: 's',
  s: 'a',
  e: 'r',
  r: 'e',
  i: 'o',
  o: 'i',
  n: 'm',
  m: 'n',
  t: 'y',
  u: 'y',
  l: 'k',
  c: 'v',
  d: 'f',
  g: 'h',
  p: 'o',
};

/** A change calendar entry: what a change id really was. */
export type ChangeText = (rng: Rng) => string;

export const DEPLOY_CHANGES: ChangeText[] = [
  (rng) =>
    `new build v${rng.int(2, 6)}.${rng.int(0, 40)}.${rng.int(0, 9)} of the service, code changes in the request handlers`,
  (rng) => `code release r${rng.int(100, 999)} with the refactored rules module`,
  (rng) =>
    `container image bumped to ${rng.pick(['sha-', 'build-', 'img-'])}${rng.int(1000, 9999)} (application code)`,
  (rng) => `hotfix ${rng.int(1, 9)}.${rng.int(0, 9)} merged and shipped as a new binary`,
  (rng) =>
    `library upgrade: ${rng.pick(['jackson', 'grpc-java', 'pgx', 'okhttp', 'protobuf'])} to a new major version, rebuilt and redeployed`,
  () => `rollout of the new pricing-engine code path, compiled into the service image`,
  (rng) =>
    `rebuilt image ${rng.int(100, 999)}, the settings parser rewritten; no configuration values touched`,
  () => 'new binary from the release train; config server untouched, flags unchanged',
  (rng) =>
    `patch release ${rng.int(1, 9)}.${rng.int(0, 9)}.${rng.int(10, 40)}: serializer code changed (same settings as before)`,
];

export const CONFIG_CHANGES: ChangeText[] = [
  (rng) =>
    `settings-only change: ${rng.pick(['MAX_BATCH_SIZE', 'WORKER_COUNT', 'QUEUE_PREFETCH'])} set to ${rng.pick(['-1', '0', '100000'])} through the config server, no new code`,
  (rng) =>
    `feature flag ${rng.pick(['new_cart_flow', 'async_capture', 'strict_validation'])} switched on in the flag service, same build as before`,
  (rng) =>
    `timeout tuning pushed from the config repository: upstream timeout ${rng.int(1, 9)}ms, binary unchanged`,
  () => 'rotated the connection string in the runtime configuration; no code shipped',
  (rng) =>
    `environment variable ${rng.pick(['POOL_SIZE', 'RETRY_LIMIT', 'CACHE_TTL'])} edited in the deployment manifest only, image untouched`,
  () => 'configuration reload to point the worker at a new queue name, no release involved',
  (rng) =>
    `no new build; only the runtime value of ${rng.pick(['MAX_BATCH_SIZE', 'WORKER_COUNT', 'RATE_LIMIT'])} changed`,
  () => 'release-train slot used for a settings change only: code identical, one flag enabled',
  () => 'edited the service configuration (a limit halved); the image and code did not change',
];
