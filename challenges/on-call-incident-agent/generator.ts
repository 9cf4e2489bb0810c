import type { CaseSet, Generate, Rng } from '@reps/engine';
import { SLIPS, type Slip } from '@reps/engine/generator-kit';
import {
  ERRORS,
  EXCEPTIONS,
  FEEDS,
  FIELDS,
  FLAGS,
  MANAGED,
  SERVICES,
  SETTINGS,
  TABLES,
  TEAMS,
  ZONES,
} from './data.js';
import {
  ALERTS,
  ASIDES,
  CAPACITY,
  CONFIG,
  DATA,
  DEPLOY,
  type Frame,
  HARMLESS_CHANGE,
  HEALTHY,
  ONE_WAY,
  ROUTINE,
  ROUTINE_NOTE,
  SICK_ALONE,
  SICK_WITH_STANDBY,
  type Slots,
  SYMPTOM_LINE,
  SYMPTOMS,
  TWO_WAY,
  UNRELATED,
  UPSTREAM,
} from './wording.js';

/**
 * A night's on-call queue: 5 to 9 alerts as paged, the service catalogue (our services and the
 * managed databases, caches, queues and providers they call, with who depends on what), two hours
 * of logs of every service of ours and ten-minute metric series with the dashboard's note for every
 * catalogue entry: a thousand log records and more, far more than one prompt should hold.
 *
 * Each alert fires on a service (the symptom). Its root cause is that service or one it depends on
 * (the catalogue says which), and one log record of that service, a few minutes before the page,
 * says what went wrong in free text: a new release, a settings change, more load than it can take,
 * bad input data, or an upstream it cannot get answers from. For the last, the upstream's dashboard
 * note decides: an upstream that is sick itself is a dependency cause (fail over if the note names a
 * healthy standby, else escalate), a healthy one a network cause. A release that ran a one-way
 * migration cannot be rolled back (escalate). Around each alert are red herrings: the symptom
 * service's own loud errors, harmless deploys and unrelated errors in the services next to it, noisy
 * services that log errors all night, and a change the pager text mentions that did not cause it.
 *
 * Every frame a regex or a nearest neighbour could learn from is split into families: the public
 * cases show some, the hidden cases others (wording.ts).
 */

type Cause = 'deploy' | 'config' | 'capacity' | 'dependency' | 'data' | 'network';
type Action = 'rollback' | 'scale' | 'failover' | 'fix_config' | 'escalate';
type Level = 'DEBUG' | 'INFO' | 'WARN' | 'ERROR';

interface LogRecord {
  at: string;
  level: Level;
  message: string;
}
interface Input {
  alerts: { id: string; received: string; text: string }[];
  catalogue: { name: string; kind: string; team: string; depends_on: string[] }[];
  logs: { service: string; records: LogRecord[] }[];
  metrics: {
    name: string;
    start: string;
    step_minutes: number;
    p99_ms: number[];
    error_pct: number[];
    cpu_pct: number[];
    note: string;
  }[];
}
interface Verdict {
  id: string;
  root_cause_service: string;
  cause: Cause;
  action: Action;
}
interface Expected {
  alerts: Verdict[];
}

const WINDOW_S = 7200;
const STEP_S = 600;

/** The wording this case set draws from: each pool narrowed to the set's families. */
function wordings(set: CaseSet) {
  return {
    deploy: set.families('deploy', DEPLOY, { public: 3 }),
    oneWay: set.families('one-way', ONE_WAY, { public: 2 }),
    twoWay: set.families('two-way', TWO_WAY, { public: 2 }),
    config: set.families('config', CONFIG, { public: 3 }),
    capacity: set.families('capacity', CAPACITY, { public: 3 }),
    upstream: set.families('upstream', UPSTREAM, { public: 3 }),
    data: set.families('data', DATA, { public: 3 }),
    sickWithStandby: set.families('standby', SICK_WITH_STANDBY, { public: 2 }),
    sickAlone: set.families('alone', SICK_ALONE, { public: 2 }),
    healthy: set.families('healthy', HEALTHY, { public: 2 }),
    routineNote: set.families('routine-note', ROUTINE_NOTE, { public: 3 }),
    routine: set.families('routine', ROUTINE, { public: 5 }),
    unrelated: set.families('unrelated', UNRELATED, { public: 3 }),
    harmless: set.families('harmless', HARMLESS_CHANGE, { public: 2 }),
    symptomLine: set.families('symptom-line', SYMPTOM_LINE, { public: 2 }),
    symptoms: set.families('symptom', SYMPTOMS, { public: 3 }),
    alerts: set.families('alert', ALERTS, { public: 3 }),
    asides: set.families('aside', ASIDES, { public: 2 }),
    slips: set.families('slip', SLIPS, { public: 1 }),
  };
}

const pad = (n: number) => String(n).padStart(2, '0');
const clock = (t: number) => `${pad(Math.floor(t / 3600) % 24)}:${pad(Math.floor(t / 60) % 60)}`;
const stamp = (t: number) => `${clock(t)}:${pad(t % 60)}`;

/** One slip in a word of 5+ lower-case letters that is not a name a tool is called with. */
function slipOutside(rng: Rng, text: string, names: ReadonlySet<string>, slips: readonly Slip[]): string {
  const words = text.split(' ');
  const spots = words.map((w, i) => (/^[a-z]{5,}$/.test(w) && !names.has(w) ? i : -1)).filter((i) => i >= 0);
  if (spots.length === 0) return text;
  const at = rng.pick(spots);
  words[at] = rng.pick(slips)(rng, words[at]!);
  return words.join(' ');
}

interface Service {
  name: string;
  endpoints: string[];
  ours: boolean;
  kind: string;
  team: string;
  dependsOn: string[];
}

/** The catalogue: ours in layers (each calls services further down and some managed ones). */
function buildEstate(rng: Rng): Service[] {
  const ours = rng.sample(SERVICES, rng.int(14, 22));
  const managed = rng.sample(MANAGED, rng.int(5, 8));
  const services: Service[] = ours.map((s) => {
    const version = rng.int(1, 3);
    const many = s.noun.endsWith('y') ? `${s.noun.slice(0, -1)}ies` : `${s.noun}s`;
    return {
      name: s.name,
      endpoints: [`/v${version}/${many}`, `/v${version}/${many}/{id}`, `/v${version}/${s.noun}/batch`],
      ours: true,
      kind: 'service',
      team: rng.pick(TEAMS),
      dependsOn: [],
    };
  });
  services.forEach((s, i) => {
    const below = services.slice(i + 1).map((b) => b.name);
    const calls = rng.sample(below, Math.min(below.length, rng.int(1, 3)));
    const stores = rng.sample(
      managed.map((m) => m.name),
      i === services.length - 1 ? rng.int(1, 2) : rng.int(0, 2),
    );
    s.dependsOn = [...calls, ...stores];
  });
  for (const m of managed)
    services.push({
      name: m.name,
      endpoints: [],
      ours: false,
      kind: `${m.kind} (managed)`,
      team: 'team-platform',
      dependsOn: [],
    });
  return services;
}

/** Fresh values for every slot of a frame, about `service`. */
function slots(rng: Rng, service: Service | undefined, up = ''): Slots {
  const major = rng.int(2, 9);
  const minor = rng.int(0, 40);
  const setting = rng.pick(SETTINGS);
  return {
    ep: service?.endpoints.length ? rng.pick(service.endpoints) : '/healthz',
    version: `${major}.${minor}.${rng.int(0, 12)}`,
    previous: `${major}.${Math.max(0, minor - 1)}.${rng.int(0, 9)}`,
    pct: rng.int(6, 64),
    err: rng.pick(ERRORS),
    exc: rng.pick(EXCEPTIONS),
    up,
    ms: rng.int(12, 95) * 100,
    n: rng.int(3, 480),
    m: rng.int(500, 9000),
    queue: rng.int(800, 12000),
    workers: rng.pick([16, 32, 64, 128, 256, 512]),
    factor: String(rng.int(22, 60) / 10),
    cpu: rng.int(88, 100),
    cfg: `cfg-${rng.int(1000, 9999)}`,
    key: setting[0]!,
    from: setting[1]!,
    to: setting[2]!,
    flag: rng.pick(FLAGS),
    who: rng.pick(['ops-bot', 'j.moreau', 'release-tool', 'a.okafor', 'terraform']),
    zone: rng.pick(ZONES),
    feed: rng.pick(FEEDS),
    field: rng.pick(FIELDS),
    table: rng.pick(TABLES),
    batch: `B${rng.int(10000, 99999)}`,
    topic: rng.pick(['orders.v1', 'events.audit', 'stock.changes', 'payments.out', 'mail.queue']),
    offset: rng.int(100000, 9999999),
    clock: '',
    migration: `M${rng.int(100, 999)}_${rng.pick(['split', 'rename', 'drop', 'merge', 'backfill'])}`,
    replicas: rng.int(3, 24),
    host: `${service?.name ?? 'edge'}-${rng.int(1, 9)}.${rng.pick(['internal', 'prod.lan', 'mesh.local'])}`,
  };
}

interface Plan {
  id: string;
  at: number;
  symptom: string;
  root: string;
  cause: Cause;
  action: Action;
  upstream?: string;
  guilty: string;
  guiltyAt: number;
  note?: string;
}

export const generate: Generate<Input, Expected> = (rng, _index, set) => {
  const w = wordings(set);
  const estate = buildEstate(rng);
  const byName = new Map(estate.map((s) => [s.name, s]));
  const ours = estate.filter((s) => s.ours);
  const names = new Set(estate.map((s) => s.name));
  const start = rng.int(0, 3) * 3600 + rng.int(0, 11) * 300;
  const records = new Map<string, { t: number; level: Level; message: string }[]>(
    ours.map((s) => [s.name, []]),
  );
  const log = (service: string, t: number, level: Level, message: string) =>
    records.get(service)!.push({ t, level, message });
  const notes = new Map<string, string>();
  const frame = (f: Frame, s: Slots, t: number) => f({ ...s, clock: clock(t) });

  // The alerts: distinct symptom services, distinct root causes, times at least 5 minutes apart.
  const count = rng.int(5, 9);
  const symptoms = rng.sample(
    ours.filter((s) => s.dependsOn.some((d) => byName.get(d)!.ours)),
    count,
  );
  const times: number[] = [];
  while (times.length < count) {
    const t = start + rng.int(2400, WINDOW_S - 120);
    if (times.every((u) => Math.abs(u - t) >= 300)) times.push(t);
  }
  times.sort((a, b) => a - b);
  const roots = new Set<string>();
  const upstreams = new Set<string>();
  const taken = new Set(symptoms.map((s) => s.name));
  const ids = rng.sample(
    Array.from({ length: 90 }, (_, i) => 1000 + i * 97 + rng.int(0, 96)),
    count,
  );
  const plans: Plan[] = symptoms.map((s, i) => {
    const free = s.dependsOn.filter(
      (d) => byName.get(d)!.ours && !roots.has(d) && !taken.has(d) && !upstreams.has(d),
    );
    const root = free.length > 0 && rng.chance(0.6) ? rng.pick(free) : s.name;
    roots.add(root);
    const rootService = byName.get(root)!;
    const managedUp = rootService.dependsOn.filter((d) => !byName.get(d)!.ours && !upstreams.has(d));
    const anyUp = rootService.dependsOn.filter((d) => !upstreams.has(d) && !taken.has(d) && !roots.has(d));
    const feasible: Cause[] = ['deploy', 'config', 'capacity', 'data'];
    if (managedUp.length) feasible.push('dependency', 'dependency');
    if (anyUp.length) feasible.push('network');
    const cause = rng.pick(feasible);
    const at = times[i]!;
    const guiltyAt = at - rng.int(150, 780);
    const base = slots(rng, rootService);
    let guilty = '';
    let action: Action;
    let upstream: string | undefined;
    let note: string | undefined;
    if (cause === 'deploy') {
      const oneWay = rng.chance(0.35);
      guilty =
        frame(rng.pick(w.deploy), base, guiltyAt - 60) +
        (oneWay
          ? frame(rng.pick(w.oneWay), base, guiltyAt)
          : rng.chance(0.5)
            ? frame(rng.pick(w.twoWay), base, guiltyAt)
            : '');
      action = oneWay ? 'escalate' : 'rollback';
    } else if (cause === 'config') {
      guilty = frame(rng.pick(w.config), base, guiltyAt - 60);
      action = 'fix_config';
    } else if (cause === 'capacity') {
      guilty = frame(rng.pick(w.capacity), base, guiltyAt);
      action = 'scale';
    } else if (cause === 'data') {
      guilty = frame(rng.pick(w.data), base, guiltyAt);
      action = 'escalate';
    } else {
      upstream = rng.pick(cause === 'dependency' ? managedUp : anyUp);
      upstreams.add(upstream);
      guilty = frame(rng.pick(w.upstream), { ...base, up: upstream }, guiltyAt);
      const noteSlots = slots(rng, byName.get(upstream));
      const since = guiltyAt - rng.int(60, 400);
      if (cause === 'network') {
        note = frame(rng.pick(w.healthy), { ...noteSlots, ms: rng.int(8, 90) }, since);
        action = 'failover';
      } else {
        const standby = rng.chance(0.5);
        note = frame(rng.pick(standby ? w.sickWithStandby : w.sickAlone), noteSlots, since);
        action = standby ? 'failover' : 'escalate';
      }
      notes.set(upstream, note);
    }
    if (rng.chance(0.3)) guilty = slipOutside(rng, guilty, names, w.slips);
    log(
      root,
      guiltyAt,
      cause === 'capacity' || cause === 'deploy' || cause === 'config'
        ? rng.pick<Level>(['WARN', 'ERROR', 'INFO'])
        : rng.pick<Level>(['ERROR', 'WARN']),
      guilty,
    );
    return {
      id: `ALR-${ids[i]}`,
      at,
      symptom: s.name,
      root,
      cause,
      action,
      upstream,
      guilty,
      guiltyAt,
      note,
    };
  });

  // The alert texts, each with its red herrings in the logs around it.
  const alerts = plans.map((p) => {
    const s = byName.get(p.symptom)!;
    const look = slots(rng, s);
    const symptom = frame(rng.pick(w.symptoms), look, p.at);
    let text = rng.pick(w.alerts)(p.symptom, symptom, { ...look, clock: clock(p.at - rng.int(2, 9) * 60) });
    if (rng.chance(0.4)) {
      const other = rng.pick(ours.filter((o) => o.name !== p.root && o.name !== p.symptom));
      const when = p.at - rng.int(300, 1500);
      text += rng.pick(w.asides)(other.name, { ...look, clock: clock(when) });
      log(other.name, when, 'INFO', frame(rng.pick(w.harmless), slots(rng, other), when));
    }
    if (rng.chance(0.3)) text = slipOutside(rng, text, names, w.slips);
    if (p.root !== p.symptom)
      for (let k = rng.int(2, 4); k > 0; k--) {
        const t = rng.int(p.guiltyAt + 30, p.at + 120);
        log(p.symptom, t, 'ERROR', frame(rng.pick(w.symptomLine), slots(rng, s), t));
      }
    const around = [s.name, ...s.dependsOn].filter((d) => d !== p.root && byName.get(d)!.ours);
    for (const d of rng.sample(around, Math.min(around.length, rng.int(1, 2)))) {
      const t = p.at - rng.int(60, 900);
      if (rng.chance(0.5)) log(d, t, 'INFO', frame(rng.pick(w.harmless), slots(rng, byName.get(d)), t));
      else log(d, t, 'ERROR', frame(rng.pick(w.unrelated), slots(rng, byName.get(d)), t));
    }
    return { id: p.id, received: clock(p.at), text };
  });

  // The night's background: routine lines, noisy services, harmless changes.
  const noisy = new Set(rng.sample(ours, 3).map((s) => s.name));
  for (const s of ours) {
    for (let k = rng.int(40, 65); k > 0; k--) {
      const t = start + rng.int(0, WINDOW_S - 1);
      log(s.name, t, rng.chance(0.1) ? 'DEBUG' : 'INFO', frame(rng.pick(w.routine), slots(rng, s), t));
    }
    for (let k = noisy.has(s.name) ? rng.int(6, 12) : rng.int(0, 2); k > 0; k--) {
      const t = start + rng.int(0, WINDOW_S - 1);
      log(s.name, t, rng.chance(0.7) ? 'ERROR' : 'WARN', frame(rng.pick(w.unrelated), slots(rng, s), t));
    }
    if (rng.chance(0.3)) {
      const t = start + rng.int(0, WINDOW_S - 1);
      log(s.name, t, 'INFO', frame(rng.pick(w.harmless), slots(rng, s), t));
    }
  }

  // Dashboards: ten-minute series for every catalogue entry; the faulty ones move.
  const troubled = new Map<string, number>();
  for (const p of plans) {
    troubled.set(p.root, p.guiltyAt);
    troubled.set(p.symptom, Math.min(troubled.get(p.symptom) ?? p.at, p.guiltyAt + 60));
    if (p.cause === 'dependency') troubled.set(p.upstream!, p.guiltyAt - 120);
  }
  for (const n of noisy)
    if (!troubled.has(n) && !upstreams.has(n)) troubled.set(n, start + rng.int(0, WINDOW_S));
  const metrics = estate.map((s) => {
    const from = troubled.get(s.name);
    const p99 = rng.int(40, 400);
    const cpu = rng.int(15, 55);
    const points = Array.from({ length: WINDOW_S / STEP_S }, (_, k) => {
      const bad = from !== undefined && start + (k + 1) * STEP_S > from;
      return {
        p99: Math.round(p99 * (bad ? rng.float(3, 12) : rng.float(0.8, 1.25))),
        err: bad ? Math.round(rng.float(2, 40) * 10) / 10 : Math.round(rng.float(0, 0.6) * 10) / 10,
        cpu: Math.min(100, Math.round(cpu * (bad ? rng.float(1, 1.9) : rng.float(0.85, 1.2)))),
      };
    });
    const note =
      notes.get(s.name) ?? frame(rng.pick(w.routineNote), slots(rng, s), start + rng.int(0, WINDOW_S - 1));
    return {
      name: s.name,
      start: clock(start),
      step_minutes: STEP_S / 60,
      p99_ms: points.map((x) => x.p99),
      error_pct: points.map((x) => x.err),
      cpu_pct: points.map((x) => x.cpu),
      note,
    };
  });

  const logs = rng.shuffle(ours).map((s) => ({
    service: s.name,
    records: records
      .get(s.name)!
      .sort((a, b) => a.t - b.t)
      .map((r) => ({ at: stamp(r.t), level: r.level, message: r.message })),
  }));
  const catalogue = rng.shuffle(estate).map((s) => ({
    name: s.name,
    kind: s.kind,
    team: s.team,
    depends_on: s.dependsOn,
  }));

  const logsOf = (service: string) => ({ words: ['logs', 'log', 'query'], arg: service });
  const lookup = (service: string) => ({ words: ['dependencies', 'catalogue', 'service'], arg: service });
  const metricsOf = (service: string) => ({ words: ['metrics', 'metric', 'dashboard'], arg: service });
  const facts = plans.map((p, i) => {
    const first = p.root === p.symptom ? [] : [lookup(p.symptom)];
    const both = p.note ? [p.guilty, p.note] : [p.guilty];
    return {
      id: p.id,
      text: alerts[i]!.text,
      answers: { root_cause_service: p.root, cause: p.cause, action: p.action },
      evidence: { root_cause_service: [p.guilty], cause: both, action: both },
      sources: [
        { span: p.guilty, via: [...first, logsOf(p.root)] },
        ...(p.note ? [{ span: p.note, via: [...first, logsOf(p.root), metricsOf(p.upstream!)] }] : []),
      ],
    };
  });

  return {
    input: { alerts, catalogue, logs, metrics },
    expected: {
      alerts: plans.map((p) => ({ id: p.id, root_cause_service: p.root, cause: p.cause, action: p.action })),
    },
    facts,
  };
};
