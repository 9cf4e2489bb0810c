import { createHash } from 'node:crypto';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import { challengeListQuerySchema, leaderboardQuerySchema, ratingQuerySchema } from '@reps/shared';
import { Gauge, type Histogram, type Registry } from 'prom-client';
import { versionQuery } from '../challenges/params.js';
import { type ReadCache, type ReadTopic, type ReadTrace, traceReads } from '../redis/read-cache.js';
import { requestIdOf } from './logging.module.js';

/**
 * A public read the fast path may answer: its path, the query parameters it takes (any other
 * name falls through to the normal path, which refuses it with 400), and the topics whose change
 * makes its answer stale besides those its cache reads note (a board also reads which version is
 * current, a catalogue fact, outside ReadCache).
 */
interface FastRoute {
  path: RegExp;
  params: ReadonlySet<string>;
  topics: readonly ReadTopic[];
}

const SEGMENT = '[a-z0-9][a-z0-9-]{0,99}';
const paramsOf = (shape: object): ReadonlySet<string> => new Set(Object.keys(shape));

/** The routes marked @CacheableRead: the catalogue, a challenge page, its board, the ratings. */
export const FAST_ROUTES: readonly FastRoute[] = [
  { path: /^\/api\/challenges$/, params: paramsOf(challengeListQuerySchema.shape), topics: ['catalogue'] },
  {
    path: new RegExp(`^/api/challenges/${SEGMENT}$`),
    params: paramsOf(versionQuery.shape),
    topics: ['catalogue'],
  },
  {
    path: new RegExp(`^/api/challenges/${SEGMENT}/leaderboard$`),
    params: paramsOf(leaderboardQuerySchema.shape),
    topics: ['catalogue', 'standings'],
  },
  {
    path: /^\/api\/leaderboards\/ratings$/,
    params: paramsOf(ratingQuerySchema.shape),
    topics: ['standings'],
  },
];

/** Counts halve after this many lookups per entry the fast path may keep (TinyLFU's reset). */
const AGING_PER_ENTRY = 10;

/** Longer URLs are not looked up at all (no public read needs one). */
const MAX_URL_LENGTH = 512;

export interface FastReadLimits {
  /** Entries seen once; a flood of distinct URLs only ever churns these. */
  probationEntries: number;
  probationBytes: number;
  /**
   * Entries asked for again while on probation, least recently asked first; one moves in from
   * probation only while there is room or when asked for more often than the one it would push out.
   */
  protectedEntries: number;
  protectedBytes: number;
  /** A larger answer is never kept (it is served by the normal path). */
  entryBytes: number;
  /** Lookups between two halvings of every count; AGING_PER_ENTRY per entry that may be kept if absent. */
  agingLookups?: number;
}

export const DEFAULT_LIMITS: FastReadLimits = {
  probationEntries: 200,
  probationBytes: 8 * 2 ** 20,
  protectedEntries: 400,
  protectedBytes: 24 * 2 ** 20,
  entryBytes: 2 * 2 ** 20,
};

/**
 * A read answered fresh each time but still before Express (health): `answer` gives the status
 * and body, sent as the normal path sends JSON (Content-Type, Content-Length, Express's weak ETag).
 */
export interface LiveRoute {
  path: string;
  answer: () => Promise<{ status: number; body: unknown }>;
}

/** One pre-serialised answer: the normal path's body and headers for an anonymous GET of its URL. */
interface Entry {
  key: string;
  body: Buffer;
  /** Name, value, name, value…: what writeHead takes, in the order the normal path set them. */
  headers: string[];
  /** The same without Content-Type and Content-Length, for a 304 (as Express sends it). */
  notModifiedHeaders: string[];
  etag: string | undefined;
  expires: number;
  topics: ReadonlySet<ReadTopic>;
  /** The metrics' route label the normal path gave it (the matched pattern). */
  route: string;
  /** How often it was asked for while kept (the filling request included), halved as time goes on. */
  hits: number;
}

/** A bounded map, least recently used first (Map keeps insertion order; a used key is re-inserted). */
class Segment {
  readonly entries = new Map<string, Entry>();
  bytes = 0;

  constructor(
    private readonly maxEntries: number,
    private readonly maxBytes: number,
  ) {}

  add(entry: Entry): void {
    this.delete(entry.key);
    this.entries.set(entry.key, entry);
    this.bytes += entry.body.length;
    for (const oldest of this.entries.values()) {
      if (this.entries.size <= this.maxEntries && this.bytes <= this.maxBytes) break;
      this.delete(oldest.key);
    }
  }

  delete(key: string): boolean {
    const entry = this.entries.get(key);
    if (!entry) return false;
    this.entries.delete(key);
    this.bytes -= entry.body.length;
    return true;
  }

  /** Moves a kept entry to the back: the last one the segment would drop. */
  touch(entry: Entry): void {
    this.entries.delete(entry.key);
    this.entries.set(entry.key, entry);
  }

  /** The entry the segment drops first. */
  oldest(): Entry | undefined {
    return this.entries.values().next().value;
  }

  /** True when `entry` can be added without dropping another. */
  fits(entry: Entry): boolean {
    return this.entries.size < this.maxEntries && this.bytes + entry.body.length <= this.maxBytes;
  }
}

type Counter = { inc(labels: { result: string }): void };

/** What of MetricsService the fast path uses: the request histogram, its own counter, the registry. */
export interface FastReadMetrics {
  registry: Registry;
  httpDuration: Histogram<'method' | 'route' | 'status'>;
  fastReads: Counter;
}

const NO_CACHE = /(?:^|,)\s*?no-cache\s*?(?:,|$)/;
/** Headers set per request by the normal path, not kept in an entry. */
const PER_REQUEST = new Set(['x-request-id']);
const DROPPED_FROM_304 = new Set(['content-type', 'content-length', 'transfer-encoding']);

/**
 * Anonymous public reads answered before Express: a GET or HEAD with no credentials at all (no
 * Cookie, no Authorization) of a @CacheableRead route is answered from the bytes and headers the
 * normal path produced for the same normalised URL, so it costs a map lookup instead of Express,
 * Nest's guards, pipes and interceptors, JSON serialisation and ETag hashing.
 *
 * - Filled only from the normal path's own answer to an anonymous request: a 200 with a public
 *   Cache-Control and no Set-Cookie, built from ReadCache reads (traceReads) none of which has
 *   been dropped since; it expires with the earliest of them, and is dropped with its topics.
 * - The key is the path and the query's name=value pairs sorted by name, as sent (not decoded):
 *   order does not change an answer, so reordering makes no new entry; a name the route does not
 *   take, a repeated name, a pair without `=` or an encoded name falls through (the normal path
 *   answers 400, which is never kept), so made-up parameters cannot create entries.
 * - Bounded in count and bytes, in two segments: a new entry is on probation; one asked for again
 *   while kept moves to the protected segment, least recently used first, while it has room; once
 *   full, only when asked for more often than the entry it would push out (counts halve every
 *   AGING_PER_ENTRY accesses per kept entry, so yesterday's favourite does not stay forever). A
 *   flood of distinct valid URLs, each asked for once, twice or a few times, churns probation only,
 *   so the entries everyone reads stay.
 * - Anything unusual falls through: other methods, credentials of any kind, a request body, a
 *   long URL, a `%00`, If-Modified-Since without If-None-Match.
 */
export class FastReads {
  private readonly probation: Segment;
  private readonly protectedSegment: Segment;
  private readonly durations = new Map<string, { observe(seconds: number): void }>();
  /** Lookups since the counts were last halved. */
  private lookups = 0;

  constructor(
    private readonly cache: ReadCache,
    private readonly metrics: FastReadMetrics,
    private readonly limits: FastReadLimits = DEFAULT_LIMITS,
    private readonly live?: LiveRoute,
  ) {
    this.probation = new Segment(limits.probationEntries, limits.probationBytes);
    this.protectedSegment = new Segment(limits.protectedEntries, limits.protectedBytes);
    cache.onDrop((topic) => this.drop(topic));
    const size = () => this.size();
    new Gauge({
      name: 'reps_fast_reads_kept_entries',
      help: 'Anonymous public reads kept pre-serialised by the fast path',
      registers: [metrics.registry],
      collect() {
        this.set(size().entries);
      },
    });
    new Gauge({
      name: 'reps_fast_reads_kept_bytes',
      help: 'Bytes of the bodies the fast path keeps',
      registers: [metrics.registry],
      collect() {
        this.set(size().bytes);
      },
    });
  }

  /** Puts the fast path in front of the server's request listener (the Express app). */
  install(server: Server): void {
    const listeners = server.listeners('request') as ((req: IncomingMessage, res: ServerResponse) => void)[];
    const forward = (req: IncomingMessage, res: ServerResponse): void => {
      for (const listener of listeners) listener.call(server, req, res);
    };
    server.removeAllListeners('request');
    server.on('request', (req: IncomingMessage, res: ServerResponse) => {
      if (this.live && req.url === this.live.path && anonymousRead(req))
        return this.answerLive(req, res, forward);
      const found = this.find(req);
      if (!found) return forward(req, res);
      if (this.answer(found.key, req, res)) return;
      if (req.method !== 'GET') return forward(req, res);
      traceReads((trace) => {
        this.fillOnEnd(found, req, res, trace);
        forward(req, res);
      });
    });
  }

  /** How many entries and bytes are kept (for tests and the report). */
  size(): { entries: number; bytes: number } {
    return {
      entries: this.probation.entries.size + this.protectedSegment.entries.size,
      bytes: this.probation.bytes + this.protectedSegment.bytes,
    };
  }

  /** The entry's key and route, or undefined when the request is not one the fast path may answer. */
  find(req: IncomingMessage): { key: string; route: FastRoute } | undefined {
    const { url } = req;
    if (!anonymousRead(req) || !url || url.length > MAX_URL_LENGTH || url.includes('%00')) return undefined;
    const mark = url.indexOf('?');
    const path = mark === -1 ? url : url.slice(0, mark);
    const route = FAST_ROUTES.find((r) => r.path.test(path));
    if (!route) return undefined;
    if (mark === -1) return { key: path, route };
    if (mark === url.length - 1) return undefined;
    const pairs = url.slice(mark + 1).split('&');
    const names = new Set<string>();
    for (const pair of pairs) {
      const equals = pair.indexOf('=');
      const name = equals === -1 ? '' : pair.slice(0, equals);
      if (!route.params.has(name) || names.has(name)) return undefined;
      names.add(name);
    }
    return { key: `${path}?${pairs.sort().join('&')}`, route };
  }

  /** Answers from a kept entry; false when there is none (the normal path answers). */
  private answer(key: string, req: IncomingMessage, res: ServerResponse): boolean {
    const started = performance.now();
    const entry = this.lookup(key);
    if (!entry) {
      this.metrics.fastReads.inc({ result: 'miss' });
      return false;
    }
    const id = requestIdOf(req);
    const notModified = isFresh(req, entry.etag);
    const status = notModified ? 304 : 200;
    res.writeHead(status, ['x-request-id', id, ...(notModified ? entry.notModifiedHeaders : entry.headers)]);
    if (notModified || req.method === 'HEAD') res.end();
    else res.end(entry.body);
    this.metrics.fastReads.inc({ result: 'hit' });
    this.duration(req.method as string, entry.route, status).observe((performance.now() - started) / 1000);
    return true;
  }

  /** Answers the live route; should its answer fail, the normal path answers instead. */
  private answerLive(
    req: IncomingMessage,
    res: ServerResponse,
    forward: (req: IncomingMessage, res: ServerResponse) => void,
  ): void {
    const started = performance.now();
    const live = this.live as LiveRoute;
    live.answer().then(
      ({ status, body }) => {
        const json = Buffer.from(JSON.stringify(body));
        const etag = weakEtag(json);
        const notModified = (status === 200 || status === 304) && isFresh(req, etag);
        const headers = ['x-request-id', requestIdOf(req)];
        if (!notModified)
          headers.push(
            'Content-Type',
            'application/json; charset=utf-8',
            'Content-Length',
            String(json.length),
          );
        headers.push('ETag', etag);
        res.writeHead(notModified ? 304 : status, headers);
        res.end(notModified || req.method === 'HEAD' ? undefined : json);
        this.metrics.fastReads.inc({ result: 'live' });
        this.duration(req.method as string, live.path, res.statusCode).observe(
          (performance.now() - started) / 1000,
        );
      },
      () => forward(req, res),
    );
  }

  /** Keeps what the normal path answers to this request, if it may be kept, when it ends. */
  private fillOnEnd(
    found: { key: string; route: FastRoute },
    req: IncomingMessage,
    res: ServerResponse,
    trace: ReadTrace,
  ): void {
    // The route's own topics as the request starts: a drop while it runs (a version published while
    // a board is read) makes its answer stale even if it read nothing of that topic through the cache.
    const atStart = { generations: new Map(found.route.topics.map((t) => [t, this.cache.generation(t)])) };
    const end = res.end;
    res.end = ((...args: Parameters<ServerResponse['end']>) => {
      res.end = end;
      try {
        this.fill(found, req, res, trace, atStart, args[0], args[1]);
      } catch {
        // Keeping an answer is an optimisation: a failure here must not touch the answer itself.
      }
      return end.apply(res, args);
    }) as ServerResponse['end'];
  }

  private fill(
    { key, route }: { key: string; route: FastRoute },
    req: IncomingMessage,
    res: ServerResponse,
    trace: ReadTrace,
    atStart: Pick<ReadTrace, 'generations'>,
    chunk: unknown,
    encoding: unknown,
  ): void {
    if (res.statusCode !== 200 || res.hasHeader('set-cookie') || res.hasHeader('content-encoding')) return;
    if (!/^public\b/.test(String(res.getHeader('cache-control') ?? ''))) return;
    // Built from cached reads only, none of them since dropped or expired, nor the route's topics.
    if (trace.generations.size === 0 || trace.expires <= Date.now() || !this.cache.unchangedSince(trace))
      return;
    if (!this.cache.unchangedSince(atStart)) return;
    const body =
      typeof chunk === 'string'
        ? Buffer.from(chunk, typeof encoding === 'string' ? (encoding as BufferEncoding) : 'utf8')
        : Buffer.isBuffer(chunk)
          ? Buffer.from(chunk)
          : undefined;
    if (!body || body.length > this.limits.entryBytes) return;
    if (Number(res.getHeader('content-length')) !== body.length) return;
    const headers: string[] = [];
    const notModifiedHeaders: string[] = [];
    // As the normal path spelled them (Node has this since 15.13; its types here lack it).
    const names = (res as unknown as { getRawHeaderNames(): string[] }).getRawHeaderNames();
    for (const name of names) {
      const lower = name.toLowerCase();
      if (PER_REQUEST.has(lower)) continue;
      const value = res.getHeader(name);
      for (const one of Array.isArray(value) ? value : [value]) {
        if (one === undefined) continue;
        headers.push(name, String(one));
        if (!DROPPED_FROM_304.has(lower)) notModifiedHeaders.push(name, String(one));
      }
    }
    const matched = req as IncomingMessage & { route?: { path?: string }; baseUrl?: string };
    const etag = res.getHeader('etag');
    const entry: Entry = {
      key,
      body,
      headers,
      notModifiedHeaders,
      etag: typeof etag === 'string' ? etag : undefined,
      expires: trace.expires,
      topics: new Set([...route.topics, ...trace.generations.keys()]),
      route: matched.route?.path ?? (matched.baseUrl || 'unmatched'),
      hits: 1,
    };
    // An expired entry stays until its refill, which takes its place and its count (lookup counted
    // this request already), so a popular read does not start over behind a flood when it expires.
    const expired = this.protectedSegment.entries.get(key);
    if (expired) {
      entry.hits = expired.hits;
      this.protectedSegment.add(entry);
    } else {
      entry.hits = this.probation.entries.get(key)?.hits ?? 1;
      this.probation.add(entry);
    }
    this.metrics.fastReads.inc({ result: 'fill' });
  }

  private lookup(key: string): Entry | undefined {
    this.age();
    const now = Date.now();
    const kept = this.protectedSegment.entries.get(key);
    if (kept) {
      kept.hits++;
      if (kept.expires <= now) return undefined;
      this.protectedSegment.touch(kept);
      return kept;
    }
    const trial = this.probation.entries.get(key);
    if (!trial) return undefined;
    trial.hits++;
    if (trial.expires <= now) return undefined;
    if (this.admits(trial)) {
      this.probation.delete(key);
      this.protectedSegment.add(trial);
    } else this.probation.touch(trial);
    return trial;
  }

  /**
   * Whether a probation entry asked for again may move to the protected segment: while there is
   * room, or when asked for more often than the entry it would push out (or that one has expired).
   * A flood that asks for each of its URLs n times thus only displaces entries asked for fewer.
   */
  private admits(candidate: Entry): boolean {
    const victim = this.protectedSegment.oldest();
    if (!victim || this.protectedSegment.fits(candidate)) return true;
    return victim.expires <= Date.now() || candidate.hits > victim.hits;
  }

  /** Halves every count now and then, so what was popular long ago yields to what is popular now. */
  private age(): void {
    const { probationEntries, protectedEntries, agingLookups } = this.limits;
    if (++this.lookups < (agingLookups ?? AGING_PER_ENTRY * (probationEntries + protectedEntries))) return;
    this.lookups = 0;
    for (const segment of [this.probation, this.protectedSegment])
      for (const entry of segment.entries.values()) entry.hits >>= 1;
  }

  private drop(topic: ReadTopic): void {
    for (const segment of [this.probation, this.protectedSegment])
      for (const entry of segment.entries.values()) if (entry.topics.has(topic)) segment.delete(entry.key);
  }

  private duration(method: string, route: string, status: number): { observe(seconds: number): void } {
    const label = `${method} ${status} ${route}`;
    let child = this.durations.get(label);
    if (!child) {
      child = this.metrics.httpDuration.labels({ method, route, status: String(status) });
      if (this.durations.size < 100) this.durations.set(label, child);
    }
    return child;
  }
}

/** Express's `fresh` for an answer whose only validator is its ETag (no Last-Modified is sent). */
export function isFresh(req: IncomingMessage, etag: string | undefined): boolean {
  const noneMatch = req.headers['if-none-match'];
  if (!noneMatch) return false;
  const cacheControl = req.headers['cache-control'];
  if (cacheControl && NO_CACHE.test(cacheControl)) return false;
  if (noneMatch === '*') return true;
  if (!etag) return false;
  for (const raw of noneMatch.split(',')) {
    const match = raw.trim();
    if (match === etag || match === `W/${etag}` || `W/${match}` === etag) return true;
  }
  return false;
}

/**
 * A GET or HEAD with no credentials of any kind and no body. If-Modified-Since alone is left to
 * Express (the fast path judges freshness by ETag only).
 */
function anonymousRead(req: IncomingMessage): boolean {
  const { method, headers } = req;
  return (
    (method === 'GET' || method === 'HEAD') &&
    headers.cookie === undefined &&
    headers.authorization === undefined &&
    headers['content-length'] === undefined &&
    headers['transfer-encoding'] === undefined &&
    (headers['if-modified-since'] === undefined || headers['if-none-match'] !== undefined)
  );
}

/** Express's default ETag of a body (the `etag` package, weak): length in hex and a SHA-1 prefix. */
export function weakEtag(body: Buffer): string {
  const hash = createHash('sha1').update(body).digest('base64').substring(0, 27);
  return `W/"${body.length.toString(16)}-${hash}"`;
}
