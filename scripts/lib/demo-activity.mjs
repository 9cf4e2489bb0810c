// The demo data `npm start` adds once the API and the worker are up: a cohort run by the demo
// instructor with the demo learner and two sample learners in it, who have submitted to a catalogue
// challenge (its baseline, its reference), so the instructor's console and analytics have something
// to show. Everything goes through the HTTP API, as a user would do it, and is done only once: a
// second start finds the cohort and the submissions and adds nothing.
import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

export const DEMO_COHORT = 'Demo cohort';
/** Cheapest to grade first: the seeded gradings run on the worker right after start. */
export const DEMO_SLUGS = ['pii-redaction', 'support-ticket-routing', 'emergency-triage-level'];
/** Sample learners: accounts nobody signs in to (their password is random and never kept). */
export const SAMPLE_LEARNERS = [
  { handle: 'demo-ada', email: 'ada@reps.local', submits: ['reference'] },
  { handle: 'demo-lin', email: 'lin@reps.local', submits: ['baseline'] },
];
const DEMO_LEARNER = { submits: ['baseline', 'reference'] };

/**
 * What each learner still has to submit (a pure function, demo-activity.test.mjs): nothing for a
 * learner who has any submission on the challenge already.
 */
export function submissionsToMake(learners) {
  return learners
    .filter((l) => l.existing === 0)
    .flatMap((l) => l.submits.map((kind) => ({ who: l.who, kind })));
}

/**
 * Seeds the demo activity on the API at `baseUrl`, reading the challenge's pipelines from the
 * catalogue folders. Returns what it did, in words; throws only on an unexpected API answer.
 */
export async function seedDemoActivity({ baseUrl, challengeDirs }) {
  const instructor = await signIn(baseUrl, 'instructor@reps.local', 'reps-instructor');
  const learner = await signIn(baseUrl, 'learner@reps.local', 'reps-learner');
  if (!instructor || !learner) return 'skipped: the demo accounts do not sign in with their demo passwords';

  const challenge = findChallenge(challengeDirs);
  if (!challenge) return 'skipped: no catalogue challenge with a baseline and a reference';
  if ((await call(baseUrl, learner, 'GET', `/challenges/${challenge.slug}`)).status !== 200)
    return `skipped: ${challenge.slug} is not published`;

  const cohorts = await expectOk(await call(baseUrl, instructor, 'GET', '/cohorts'));
  let cohort = cohorts.items.find((c) => c.is_owner && c.name === DEMO_COHORT);
  const created = !cohort;
  if (!cohort)
    cohort = await expectOk(await call(baseUrl, instructor, 'POST', '/cohorts', { name: DEMO_COHORT }));

  const learners = [{ who: 'demo-learner', session: learner, submits: DEMO_LEARNER.submits }];
  for (const sample of SAMPLE_LEARNERS) {
    const session = { cookie: undefined };
    const res = await call(baseUrl, session, 'POST', '/auth/register', {
      email: sample.email,
      handle: sample.handle,
      password: randomBytes(24).toString('base64url'),
    });
    // 409: made on an earlier start (and given their submissions then).
    if (res.status === 201) learners.push({ who: sample.handle, session, submits: sample.submits });
    else if (res.status !== 409) return `stopped: registering ${sample.handle} answered ${res.status}`;
  }
  for (const l of learners)
    await expectOk(await call(baseUrl, l.session, 'POST', '/cohorts/join', { code: cohort.join_code }));

  const withCounts = [];
  for (const l of learners) {
    const mine = await expectOk(
      await call(baseUrl, l.session, 'GET', `/me/submissions?slug=${challenge.slug}`),
    );
    withCounts.push({ ...l, existing: mine.items.length });
  }
  const todo = submissionsToMake(withCounts);
  for (const { who, kind } of todo) {
    const session = learners.find((l) => l.who === who).session;
    const submit = () =>
      call(baseUrl, session, 'POST', `/challenges/${challenge.slug}/submissions`, {
        pipeline: challenge[kind],
      });
    await expectOk(await retryWhileBusy(submit));
  }
  return `${created ? 'created' : 'kept'} "${DEMO_COHORT}" (${learners.map((l) => `@${l.who}`).join(', ')}${
    learners.length < 3 ? ' and the sample learners' : ''
  }); ${todo.length === 0 ? 'no new submissions' : `${todo.length} submissions to ${challenge.slug} queued for grading`}`;
}

/**
 * A busy server answers a submission 503 (its check ran past the wall-clock cap) or 429 (too many
 * checks at once), and asks to try again in a moment: up to six times, 1 s, 2 s, 4 s … apart.
 */
async function retryWhileBusy(send) {
  let res = await send();
  for (let wait = 1000; (res.status === 503 || res.status === 429) && wait <= 32_000; wait *= 2) {
    await new Promise((resolve) => setTimeout(resolve, wait));
    res = await send();
  }
  return res;
}

function findChallenge(dirs) {
  for (const slug of DEMO_SLUGS)
    for (const dir of dirs) {
      const folder = join(dir, slug);
      const files = ['baseline', 'reference'].map((kind) => join(folder, `${kind}.pipeline.yaml`));
      if (files.every((f) => existsSync(f)))
        return { slug, baseline: readFileSync(files[0], 'utf8'), reference: readFileSync(files[1], 'utf8') };
    }
  return null;
}

async function signIn(baseUrl, login, password) {
  const session = { cookie: undefined };
  const res = await call(baseUrl, session, 'POST', '/auth/login', { login, password });
  return res.status === 200 ? session : null;
}

async function call(baseUrl, session, method, path, body) {
  const res = await fetch(`${baseUrl}/api${path}`, {
    method,
    headers: {
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      ...(session.cookie ? { cookie: session.cookie } : {}),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const setCookie = res.headers.get('set-cookie');
  if (setCookie) session.cookie = setCookie.split(';')[0];
  const text = await res.text();
  let parsed;
  try {
    parsed = text ? JSON.parse(text) : undefined;
  } catch {
    parsed = text;
  }
  return { status: res.status, body: parsed, method, path };
}

function expectOk(res) {
  if (res.status >= 200 && res.status < 300) return res.body;
  throw new Error(`${res.method} ${res.path} answered ${res.status}: ${JSON.stringify(res.body)}`);
}
