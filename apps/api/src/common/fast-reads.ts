import { createHash } from 'node:crypto';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import { challengeListQuerySchema, leaderboardQuerySchema, ratingQuerySchema } from '@reps/shared';
import { Gauge, type Histogram, type Registry } from 'prom-client';
import { readCookie, SESSION_COOKIE } from '../auth/tokens.js';
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
  /**
   * Entries and bytes one learner may hold (signed-in entries only): past either, their least
   * recently read entry goes. Equivalent URLs spelled differently (`version=01`, `version=1.0`) are
   * different entries, so without it one learner could fill the signed-in space alone.
   */
  perLearnerEntries?: number;
  perLearnerBytes?: number;
  /**
   * The bounds of the signed-in learners' entries, kept apart with the same policy, so that
   * learners and anonymous readers never push out each other's entries. Default: the public bounds.
   */
  signedIn?: Omit<FastReadLimits, 'signedIn'>;
}

export const DEFAULT_LIMITS: FastReadLimits = {
  probationEntries: 200,
  probationBytes: 8 * 2 ** 20,
  protectedEntries: 400,
  protectedBytes: 24 * 2 ** 20,
  entryBytes: 2 * 2 ** 20,
  signedIn: {
    probationEntries: 1000,
    probationBytes: 16 * 2 ** 20,
    protectedEntries: 2000,
    protectedBytes: 32 * 2 ** 20,
    entryBytes: 2 * 2 ** 20,
    perLearnerEntries: 64,
    perLearnerBytes: 4 * 2 ** 20,
  },
};

/** Who a signed-in read is for, as far as its answer can tell: the learner and their role. */
export interface SignedInUser {
  id: string;
  role: string;
}

/** How the fast path learns who a session cookie signs in: from memory only, never a query. */
export interface SessionsInMemory {
  /** The user, when this process holds the session now and trusts it (SessionCache.peek); else undefined. */
  sessionUserInMemory(token: string): SignedInUser | undefined;
}

/**
 * A read answered fresh each time but still before Express (health): `answer` gives the status
 * and body, sent as the normal path sends JSON (Content-Type, Content-Length, Express's weak ETag).
 */
export interface LiveRoute {
  path: string;
  answer: () => Promise<{ status: number; body: unknown }>;
}

/** One pre-serialised answer: the normal path's body and headers for a GET of its URL by its reader. */
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
  /** Reads from memory kept outside ReadCache (noteKeptRead): the entry is stale once one fails. */
  checks: readonly (() => boolean)[];
  /** The learner a signed-in entry is for (their entries are bounded together). */
  owner?: string;
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
    /** Called with every entry the segment lets go of (dropped, pushed out, replaced or moved). */
    private readonly released: (entry: Entry) => void,
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
    this.released(entry);
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

/** Whether an entry may no longer be served: expired, or a read it was built from is no longer kept. */
function stale(entry: Entry, now: number): boolean {
  return entry.expires <= now || !entry.checks.every((stillKept) => stillKept());
}

/**
 * The entries of one kind of reader (anyone, or signed-in learners), in two segments: a new entry
 * is on probation; one asked for again while kept moves to the protected segment, least recently
 * used first, while it has room; once full, only when asked for more often than the entry it would
 * push out (counts halve every AGING_PER_ENTRY accesses per kept entry, so yesterday's favourite
 * does not stay forever). A flood of distinct valid URLs, each asked for once, twice or a few
 * times, churns probation only, so the entries everyone reads stay.
 */
class EntryStore {
  private readonly probation: Segment;
  private readonly protectedSegment: Segment;
  /** Lookups since the counts were last halved. */
  private lookups = 0;
  /** Each owner's kept keys (least recently read first) and their bytes. */
  private readonly owned = new Map<string, { keys: Map<string, number>; bytes: number }>();

  constructor(readonly limits: Omit<FastReadLimits, 'signedIn'>) {
    const released = (entry: Entry) => this.disown(entry);
    this.probation = new Segment(limits.probationEntries, limits.probationBytes, released);
    this.protectedSegment = new Segment(limits.protectedEntries, limits.protectedBytes, released);
  }

  size(): { entries: number; bytes: number } {
    return {
      entries: this.probation.entries.size + this.protectedSegment.entries.size,
      bytes: this.probation.bytes + this.protectedSegment.bytes,
    };
  }

  lookup(key: string): Entry | undefined {
    this.age();
    const now = Date.now();
    const kept = this.protectedSegment.entries.get(key);
    if (kept) {
      kept.hits++;
      if (stale(kept, now)) return undefined;
      this.protectedSegment.touch(kept);
      this.own(kept);
      return kept;
    }
    const trial = this.probation.entries.get(key);
    if (!trial) return undefined;
    trial.hits++;
    if (stale(trial, now)) return undefined;
    if (this.admits(trial)) {
      this.probation.delete(key);
      this.protectedSegment.add(trial);
    } else this.probation.touch(trial);
    this.own(trial);
    return trial;
  }

  /**
   * Keeps a filled entry. A stale one stays until its refill, which takes its place and its count
   * (lookup counted this request already), so a popular read does not start over behind a flood
   * when it expires.
   */
  keep(entry: Entry): void {
    const expired = this.protectedSegment.entries.get(entry.key);
    if (expired) {
      entry.hits = expired.hits;
      this.protectedSegment.add(entry);
    } else {
      entry.hits = this.probation.entries.get(entry.key)?.hits ?? 1;
      this.probation.add(entry);
    }
    this.own(entry);
  }

  /**
   * Notes a kept entry as its owner's most recently read, and lets go of the owner's least recently
   * read ones past their share (perLearnerEntries, perLearnerBytes).
   */
  private own(entry: Entry): void {
    const { owner } = entry;
    if (owner === undefined || !this.kept(entry)) return;
    let mine = this.owned.get(owner);
    if (!mine) {
      mine = { keys: new Map(), bytes: 0 };
      this.owned.set(owner, mine);
    }
    mine.bytes -= mine.keys.get(entry.key) ?? 0;
    mine.keys.delete(entry.key);
    mine.keys.set(entry.key, entry.body.length);
    mine.bytes += entry.body.length;
    const maxEntries = this.limits.perLearnerEntries ?? Number.POSITIVE_INFINITY;
    const maxBytes = this.limits.perLearnerBytes ?? Number.POSITIVE_INFINITY;
    for (const oldest of mine.keys.keys()) {
      if ((mine.keys.size <= maxEntries && mine.bytes <= maxBytes) || oldest === entry.key) break;
      if (!this.probation.delete(oldest)) this.protectedSegment.delete(oldest);
    }
  }

  /** Whether this very entry is kept (a segment may have pushed it out as it was added). */
  private kept(entry: Entry): boolean {
    return (this.protectedSegment.entries.get(entry.key) ?? this.probation.entries.get(entry.key)) === entry;
  }

  private disown(entry: Entry): void {
    const mine = entry.owner === undefined ? undefined : this.owned.get(entry.owner);
    const bytes = mine?.keys.get(entry.key);
    if (!mine || bytes === undefined) return;
    mine.keys.delete(entry.key);
    mine.bytes -= bytes;
    if (mine.keys.size === 0) this.owned.delete(entry.owner as string);
  }

  drop(topic: ReadTopic): void {
    for (const segment of [this.probation, this.protectedSegment])
      for (const entry of segment.entries.values()) if (entry.topics.has(topic)) segment.delete(entry.key);
  }

  /**
   * Whether a probation entry asked for again may move to the protected segment: while there is
   * room, or when asked for more often than the entry it would push out (or that one is stale). A
   * flood that asks for each of its URLs n times thus only displaces entries asked for fewer.
   */
  private admits(candidate: Entry): boolean {
    const victim = this.protectedSegment.oldest();
    if (!victim || this.protectedSegment.fits(candidate)) return true;
    return stale(victim, Date.now()) || candidate.hits > victim.hits;
  }

  /** Halves every count now and then, so what was popular long ago yields to what is popular now. */
  private age(): void {
    const { probationEntries, protectedEntries, agingLookups } = this.limits;
    if (++this.lookups < (agingLookups ?? AGING_PER_ENTRY * (probationEntries + protectedEntries))) return;
    this.lookups = 0;
    for (const segment of [this.probation, this.protectedSegment])
      for (const entry of segment.entries.values()) entry.hits >>= 1;
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

/** A request the fast path may answer: its entry's key, its route, and the learner it is for (if any). */
export interface FastRead {
  key: string;
  route: FastRoute;
  user?: SignedInUser;
}

/**
 * Public reads answered before Express: a GET or HEAD of a @CacheableRead route, with no
 * credentials at all or with a session cookie this process holds in memory, is answered from the
 * bytes and headers the normal path produced for the same normalised URL (and the same learner),
 * so it costs a map lookup instead of Express, Nest's guards, pipes and interceptors, JSON
 * serialisation and ETag hashing.
 *
 * - Filled only from the normal path's own answer: a 200 without Set-Cookie, built from ReadCache
 *   reads (traceReads) none of which has been dropped since, and from memory kept elsewhere that
 *   still holds what was read (noteKeptRead); it expires with the earliest of them, and is dropped
 *   with its topics. An anonymous answer must be public (Cache-Control); a signed-in one private,
 *   and given to the learner the entry is for.
 * - Signed in: the session cookie must sign in a user the session cache holds and trusts right now
 *   (SessionsInMemory; a logout, a password or role change drops it in every process at once), so a
 *   dead session never gets an entry's answer; otherwise the normal path answers (and authenticates).
 *   Entries are per learner and role, in bounds of their own.
 * - The key is the path and the query's name=value pairs sorted by name, as sent (not decoded):
 *   order does not change an answer, so reordering makes no new entry; a name the route does not
 *   take, a repeated name, a pair without `=` or an encoded name falls through (the normal path
 *   answers 400, which is never kept), so made-up parameters cannot create entries.
 * - Bounded in count and bytes (EntryStore), anonymous and signed-in entries apart.
 * - Anything unusual falls through: other methods, an Authorization header, a cookie that signs no
 *   one in, a request body, a long URL, a `%00`, If-Modified-Since without If-None-Match.
 */
export class FastReads {
  private readonly anyone: EntryStore;
  private readonly learners: EntryStore;
  private readonly durations = new Map<string, { observe(seconds: number): void }>();

  constructor(
    private readonly cache: ReadCache,
    private readonly metrics: FastReadMetrics,
    limits: FastReadLimits = DEFAULT_LIMITS,
    private readonly live?: LiveRoute,
    private readonly sessions?: SessionsInMemory,
  ) {
    this.anyone = new EntryStore(limits);
    this.learners = new EntryStore(limits.signedIn ?? limits);
    cache.onDrop((topic) => {
      this.anyone.drop(topic);
      this.learners.drop(topic);
    });
    const size = () => this.size();
    new Gauge({
      name: 'reps_fast_reads_kept_entries',
      help: 'Public reads kept pre-serialised by the fast path (anonymous and signed-in)',
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
      if (this.answer(found, req, res)) return;
      if (req.method !== 'GET') return forward(req, res);
      traceReads((trace) => {
        this.fillOnEnd(found, req, res, trace);
        forward(req, res);
      });
    });
  }

  /** How many entries and bytes are kept, anonymous and signed-in together (for tests and the report). */
  size(): { entries: number; bytes: number } {
    const [a, b] = [this.anyone.size(), this.learners.size()];
    return { entries: a.entries + b.entries, bytes: a.bytes + b.bytes };
  }

  /** The entry's key, route and learner, or undefined when the request is not one the fast path may answer. */
  find(req: IncomingMessage): FastRead | undefined {
    const { url } = req;
    if (!plainRead(req) || !url || url.length > MAX_URL_LENGTH || url.includes('%00')) return undefined;
    const mark = url.indexOf('?');
    const path = mark === -1 ? url : url.slice(0, mark);
    const route = FAST_ROUTES.find((r) => r.path.test(path));
    if (!route) return undefined;
    let key = path;
    if (mark !== -1) {
      if (mark === url.length - 1) return undefined;
      const pairs = url.slice(mark + 1).split('&');
      const names = new Set<string>();
      for (const pair of pairs) {
        const equals = pair.indexOf('=');
        const name = equals === -1 ? '' : pair.slice(0, equals);
        if (!route.params.has(name) || names.has(name)) return undefined;
        names.add(name);
      }
      key = `${path}?${pairs.sort().join('&')}`;
    }
    const { cookie, authorization } = req.headers;
    if (authorization !== undefined) return undefined;
    if (cookie === undefined) return { key, route };
    // Signed in: only a session this process holds now, looked up once the route is known to be one.
    const token = this.sessions && readCookie(cookie, SESSION_COOKIE);
    const user = token ? this.sessions?.sessionUserInMemory(token) : undefined;
    if (!user) return undefined;
    return { key: `${user.id}\u0000${user.role}\u0000${key}`, route, user: { id: user.id, role: user.role } };
  }

  /** Answers from a kept entry; false when there is none (the normal path answers). */
  private answer(found: FastRead, req: IncomingMessage, res: ServerResponse): boolean {
    const started = performance.now();
    const entry = this.storeOf(found).lookup(found.key);
    if (!entry) {
      this.count(found, 'miss');
      return false;
    }
    const id = requestIdOf(req);
    const notModified = isFresh(req, entry.etag);
    const status = notModified ? 304 : 200;
    res.writeHead(status, ['x-request-id', id, ...(notModified ? entry.notModifiedHeaders : entry.headers)]);
    if (notModified || req.method === 'HEAD') res.end();
    else res.end(entry.body);
    this.count(found, 'hit');
    this.duration(req.method as string, entry.route, status).observe((performance.now() - started) / 1000);
    return true;
  }

  private storeOf(found: FastRead): EntryStore {
    return found.user ? this.learners : this.anyone;
  }

  /** reps_fast_reads_total: hit, miss and fill for anonymous reads; signed_in_hit and so on for the rest. */
  private count(found: FastRead, result: 'hit' | 'miss' | 'fill'): void {
    this.metrics.fastReads.inc({ result: found.user ? `signed_in_${result}` : result });
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
  private fillOnEnd(found: FastRead, req: IncomingMessage, res: ServerResponse, trace: ReadTrace): void {
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
    found: FastRead,
    req: IncomingMessage,
    res: ServerResponse,
    trace: ReadTrace,
    atStart: Pick<ReadTrace, 'generations'>,
    chunk: unknown,
    encoding: unknown,
  ): void {
    if (res.statusCode !== 200 || res.hasHeader('set-cookie') || res.hasHeader('content-encoding')) return;
    if (!keepable(found, req, String(res.getHeader('cache-control') ?? ''))) return;
    // Built from cached reads only, none of them since dropped or expired, nor the route's topics.
    if (trace.generations.size === 0 || trace.expires <= Date.now() || !this.cache.unchangedSince(trace))
      return;
    if (!this.cache.unchangedSince(atStart) || !trace.checks.every((stillKept) => stillKept())) return;
    const store = this.storeOf(found);
    const body =
      typeof chunk === 'string'
        ? Buffer.from(chunk, typeof encoding === 'string' ? (encoding as BufferEncoding) : 'utf8')
        : Buffer.isBuffer(chunk)
          ? Buffer.from(chunk)
          : undefined;
    if (!body || body.length > store.limits.entryBytes) return;
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
    store.keep({
      key: found.key,
      body,
      headers,
      notModifiedHeaders,
      etag: typeof etag === 'string' ? etag : undefined,
      expires: trace.expires,
      topics: new Set([...found.route.topics, ...trace.generations.keys()]),
      checks: trace.checks,
      ...(found.user ? { owner: found.user.id } : {}),
      route: matched.route?.path ?? (matched.baseUrl || 'unmatched'),
      hits: 1,
    });
    this.count(found, 'fill');
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
 * A GET or HEAD with no body. If-Modified-Since alone is left to Express (the fast path judges
 * freshness by ETag only).
 */
function plainRead(req: IncomingMessage): boolean {
  const { method, headers } = req;
  return (
    (method === 'GET' || method === 'HEAD') &&
    headers['content-length'] === undefined &&
    headers['transfer-encoding'] === undefined &&
    (headers['if-modified-since'] === undefined || headers['if-none-match'] !== undefined)
  );
}

/** A plain read with no credentials of any kind. */
function anonymousRead(req: IncomingMessage): boolean {
  return plainRead(req) && req.headers.cookie === undefined && req.headers.authorization === undefined;
}

/**
 * Whether the normal path's answer may be kept for the reader: an anonymous one must be public; a
 * signed-in one private, and given (by AuthGuard) to the very learner and role the entry is for,
 * through their session.
 */
function keepable(found: FastRead, req: IncomingMessage, cacheControl: string): boolean {
  if (!found.user) return /^public\b/.test(cacheControl);
  const user = (req as IncomingMessage & { user?: { id?: string; role?: string; via?: string } }).user;
  return (
    /^private\b/.test(cacheControl) &&
    user?.via === 'session' &&
    user.id === found.user.id &&
    user.role === found.user.role
  );
}

/** Express's default ETag of a body (the `etag` package, weak): length in hex and a SHA-1 prefix. */
export function weakEtag(body: Buffer): string {
  const hash = createHash('sha1').update(body).digest('base64').substring(0, 27);
  return `W/"${body.length.toString(16)}-${hash}"`;
}
