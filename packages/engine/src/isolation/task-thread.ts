import { parentPort } from 'node:worker_threads';
import { generateCases } from '../challenges/generate-cases.js';
import { readManifest } from '../challenges/read-manifest.js';
import { skillLibrary, skillProblems } from '../dsl/skill-library.js';
import { parseForChallenge } from '../grade/grade-challenge.js';
import type { ModelGateway } from '../models/types.js';
import { type GatewaySpec, gatewayFromSpec } from './gateway-spec.js';
import type {
  CheckOutcome,
  CheckTask,
  SkillTask,
  Task,
  TaskMessage,
  TaskReply,
  TaskResults,
} from './task-protocol.js';
import { toThreadError } from './thread-protocol.js';

/**
 * The entry of a task thread (see task-pool.ts): checks pipelines, skills and challenge manifests
 * (their JSON Schemas compile) and runs generators, one task at
 * a time, for a host that must not run them itself (the API's request thread). It holds no limits
 * of its own; the host watches the clock and terminates it.
 */
if (!parentPort) throw new Error('task-thread.js runs as a worker thread; use TaskPool.');
const port = parentPort;

/** Gateways by their spec: a process has one or two, built once per thread. */
const gateways = new Map<string, Promise<ModelGateway>>();

function gatewayFor(spec: GatewaySpec): Promise<ModelGateway> {
  const key = JSON.stringify(spec);
  let gateway = gateways.get(key);
  if (!gateway) {
    if (gateways.size >= 8) gateways.clear();
    gateway = gatewayFromSpec(spec);
    gateways.set(key, gateway);
  }
  return gateway;
}

async function check(task: CheckTask): Promise<CheckOutcome> {
  const parsed = parseForChallenge(
    task.manifest,
    task.source,
    await gatewayFor(task.gateway),
    task.skills ? skillLibrary(task.skills) : undefined,
    { requireKnownPrices: task.requireKnownPrices },
  );
  return parsed.ok ? { ok: true } : { ok: false, issues: parsed.issues };
}

async function skill(task: SkillTask): Promise<CheckOutcome> {
  const gateway = await gatewayFor(task.gateway);
  const issues = skillProblems(task.source, (model) => gateway.describe(model) !== undefined);
  return issues.length === 0 ? { ok: true } : { ok: false, issues };
}

async function perform(task: Task): Promise<TaskResults[Task['type']]> {
  switch (task.type) {
    case 'check':
      return check(task);
    case 'skill':
      return skill(task);
    case 'manifest':
      return readManifest(task.source, task.file);
    case 'generate':
      return generateCases(task.challenge, { kind: task.kind, secret: task.secret, count: task.count });
  }
}

port.on('message', ({ id, task }: TaskMessage) => {
  const work = perform(task);
  work.then(
    (value) => port.postMessage({ id, ok: true, value } satisfies TaskReply),
    (error: unknown) =>
      port.postMessage({
        id,
        ok: false,
        error: toThreadError(error),
      } satisfies TaskReply),
  );
});
