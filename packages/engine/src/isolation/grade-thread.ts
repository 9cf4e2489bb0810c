import { getHeapStatistics } from 'node:v8';
import { parentPort } from 'node:worker_threads';
import { generateCases } from '../challenges/generate-cases.js';
import { skillLibrary } from '../dsl/skill-library.js';
import { grade } from '../grade/grade.js';
import { type ChallengeGrading, challengeGrading, parseForChallenge } from '../grade/grade-challenge.js';
import { callsOnlySimulatedModels } from '../grade/unpriced-models.js';
import { dropJobState } from './drop-job-state.js';
import { gatewayFromSpec } from './gateway-spec.js';
import { type HostMessage, type ThreadJob, type ThreadMessage, toThreadError } from './thread-protocol.js';

/**
 * The entry of a grading thread (see grade-challenge-isolated.ts): checks the pipeline, generates
 * the cases (unless the host has them) and runs the cases the host asks for, reporting each case's start and result. It holds
 * no limits of its own; the host watches the clock and terminates it.
 */
if (!parentPort) throw new Error('grade-thread.js runs as a worker thread; call gradeChallengeIsolated.');
const port = parentPort;

/** The grading the host prepared last; its cases run on request. */
let current: ChallengeGrading | undefined;
/** Whether its case results carry their traces' steps. */
let steps = true;

const post = (message: ThreadMessage) => port.postMessage(message);

port.on('message', (message: HostMessage) => {
  if (message.type === 'reset') return reset();
  const handled = message.type === 'prepare' ? prepare(message.job) : run(message.index);
  handled.catch((error: unknown) => post({ type: 'failed', error: toThreadError(error) }));
});

/**
 * Between jobs (the thread waits in the host's pool for another learner's): nothing of the last
 * job stays. Its grading (pipeline, cases, scorer) is dropped, and the QuickJS instances its
 * sandboxes ran on are put back to their freshly booted memory, byte for byte, so the next job's
 * code runs in linear memory holding nothing any earlier job wrote; the simulated models forget
 * the job's prompts (dropJobState). What stays is code, booted runtimes, and the engine's bounded
 * memos, keyed by content.
 */
function reset(): void {
  current?.dispose();
  current = undefined;
  dropJobState();
  post({ type: 'idle', heapBytes: getHeapStatistics().used_heap_size });
}

async function prepare(job: ThreadJob): Promise<void> {
  current?.dispose();
  current = undefined;
  const { challenge } = job;
  const { manifest } = challenge;
  const gateway = await gatewayFromSpec(job.gateway);
  const skills = job.skills ? skillLibrary(job.skills) : undefined;
  let prepared = job.prepared;
  let generated = 0;
  let handed = Boolean(prepared);
  if (!prepared) {
    post({ type: 'parsing' });
    const parsed = parseForChallenge(manifest, job.pipelineSource, gateway, skills, {
      requireKnownPrices: job.requireKnownPrices,
    });
    if (!parsed.ok) return post({ type: 'invalid', issues: parsed.issues });
    post({ type: 'parsed' });
    const cases =
      job.cases ?? (await generateCases(challenge, { kind: job.kind, secret: job.secret, count: job.count }));
    generated = job.cases ? 0 : cases.length;
    handed = Boolean(job.cases);
    prepared = { pipeline: parsed.pipeline, cases };
  }
  current = challengeGrading(challenge, { ...prepared, gateway, skills });
  steps = job.traces !== false;
  const { pipeline, cases } = prepared;
  const simulatedOnly = callsOnlySimulatedModels(pipeline, gateway, skills, manifest.scoring);
  post({ type: 'ready', generated, pipeline, simulatedOnly, ...(handed ? {} : { cases }) });
}

/**
 * Runs the case at this index through grade() on its own with gradeChallenge's options, so its
 * result is the one gradeChallenge gives it in-process (cases share nothing). The host keeps as
 * many in flight as it wants to run at once.
 */
async function run(index: number): Promise<void> {
  const grading = current;
  if (!grading) throw new Error('the host asked for a case before preparing a grading');
  post({ type: 'start', index });
  const graded = await grade({ ...grading.options, caseIndices: [index], caseConcurrency: 1 });
  const result = graded.cases[0]!;
  post({
    type: 'done',
    index,
    result: steps ? result : { ...result, trace: { ...result.trace, steps: [] } },
  });
}
