import { Redis } from 'ioredis';

/**
 * A connection of its own for Redis pub/sub (a subscribed connection can do nothing else): one try
 * per command, and errors swallowed here because its owner reacts to 'ready' and 'close' instead
 * (dropping what it holds in memory while the connection is down).
 */
export function pubSubClient(url: string): Redis {
  const client = new Redis(url, { maxRetriesPerRequest: 1 });
  client.on('error', () => {});
  return client;
}

/** Closes the pub/sub connections an owner opened (none, one or both of them) at shutdown. */
export async function closePubSub(...clients: (Redis | undefined)[]): Promise<void> {
  await Promise.all(clients.map((c) => c?.quit().catch(() => undefined)));
}
