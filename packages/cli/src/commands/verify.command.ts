import type { SignedRecord } from '@reps/shared';
import type { CliContext } from '../cli-context.js';
import { CliError, EXIT, type ExitCode } from '../cli-error.js';
import { formatInt, formatMs } from '../output/format.js';
import { renderPairs } from '../output/table.js';
import { ApiClient } from '../remote/api-client.js';
import { resolveServer } from '../remote/saved-login.js';

export interface VerifyOptions {
  url?: string;
  json?: boolean;
}

/** What `reps verify --help` adds: why verification needs the issuing server. */
export const VERIFY_HELP = `
The record is signed with HMAC-SHA256 under the server's secret key. An HMAC can only be checked
with that same key, so verification is done by the server that issued the record: reps fetches the
signed record (GET /api/verify/<id>) and asks that server whether it signed exactly this record
(POST /api/verify). Point --url (or REPS_URL) at the server that graded the submission.
No login is needed.`;

/**
 * `reps verify <verification-id>`: prints a proof-of-work record and whether its signature holds.
 * Exit 1 when the server says it did not sign it.
 */
export async function verifyCommand(
  id: string,
  options: VerifyOptions,
  { io, env }: CliContext,
): Promise<ExitCode> {
  if (!/^[A-Za-z0-9_-]{8,32}$/.test(id))
    throw new CliError(
      'validation_failed',
      `"${id}" is not a verification id (8 to 32 letters, digits, _ or -)`,
    );
  const server = await resolveServer(env, options.url);
  // The routes are public: no token is sent, so verifying never leaks one to a server you name.
  const api = new ApiClient({ url: server.url });
  const signed = await api.get<SignedRecord>(`/api/verify/${encodeURIComponent(id)}`);
  const { valid } = await api.post<{ valid: boolean }>('/api/verify', {
    record: signed.record,
    signature: signed.signature,
  });
  if (options.json) io.out(`${JSON.stringify({ ...signed, valid, verified_by: server.url }, null, 2)}\n`);
  else {
    const r = signed.record;
    io.out(
      renderPairs([
        ['verification', r.verification_id],
        ['learner', `@${r.handle} (${server.url}/u/${r.handle})`],
        ['challenge', `${r.title} (${r.challenge} v${r.version})`],
        // The figures exactly as signed: rounded in records issued now, exact in older ones.
        ['correctness', `${r.correctness} ± ${r.standard_error} (${formatInt(r.cases)} hidden cases)`],
        ['cost', `$${r.cost_usd}`],
        ['latency', `p50 ${formatMs(r.latency_p50_ms)} · p95 ${formatMs(r.latency_p95_ms)}`],
        ['pipeline', `sha256 ${r.pipeline_hash}`],
        ['graded at', r.graded_at],
        ['signature', `${signed.algorithm} ${signed.signature}`],
      ]),
    );
    io.out(
      valid
        ? `signature valid (checked by ${server.url})\n`
        : `INVALID: ${server.url} did not sign this record\n`,
    );
  }
  return valid ? EXIT.ok : EXIT.userError;
}
