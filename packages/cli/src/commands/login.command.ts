import type { Me } from '@reps/shared';
import type { CliContext } from '../cli-context.js';
import { CliError, EXIT, type ExitCode } from '../cli-error.js';
import { renderPairs } from '../output/table.js';
import { ApiClient } from '../remote/api-client.js';
import {
  configFile,
  normalizeUrl,
  readSavedLogin,
  removeSavedLogin,
  requireToken,
  resolveServer,
  saveLogin,
} from '../remote/saved-login.js';

export interface LoginOptions {
  token: string;
  url?: string;
}

/**
 * `reps login --token <token> [--url <base>]`: asks the server who the token belongs to (GET
 * /api/me) and only then saves it, so a mistyped token is never stored.
 */
export async function loginCommand(options: LoginOptions, { io, env }: CliContext): Promise<ExitCode> {
  const token = options.token.trim();
  if (!token) throw new CliError('validation_failed', '--token is empty');
  const current = await resolveServer(env, options.url);
  const url = options.url ? normalizeUrl(options.url, '--url') : current.url;
  const me = await new ApiClient({ url, token }).get<Me>('/api/me');
  const file = await saveLogin(env, { url, token, handle: me.handle, saved_at: new Date().toISOString() });
  io.out(`logged in to ${url} as @${me.handle} (${me.role})\n`);
  io.out(`saved to ${file} (mode 600)\n`);
  if (env.apiToken) io.err('warning: REPS_TOKEN is set and overrides the saved token\n');
  if (env.apiUrl && normalizeUrl(env.apiUrl, 'REPS_URL') !== url)
    io.err(`warning: REPS_URL (${env.apiUrl}) is set and overrides the saved server\n`);
  return EXIT.ok;
}

/** `reps logout`: forgets the saved token (it stays valid on the server until revoked there). */
export async function logoutCommand({ io, env }: CliContext): Promise<ExitCode> {
  const saved = await readSavedLogin(env).catch(() => undefined);
  const removed = await removeSavedLogin(env);
  if (!removed) {
    io.out('not logged in; nothing to remove\n');
    return EXIT.ok;
  }
  io.out(`removed ${configFile(env)}${saved ? ` (@${saved.handle ?? '?'} at ${saved.url})` : ''}\n`);
  io.out(`the token itself still works until you revoke it${saved ? ` under ${saved.url}/settings` : ''}\n`);
  if (env.apiToken) io.err('warning: REPS_TOKEN is still set in the environment\n');
  return EXIT.ok;
}

export interface WhoamiOptions {
  url?: string;
  json?: boolean;
}

/** `reps whoami`: the user behind the token in use, as the server sees it. */
export async function whoamiCommand(options: WhoamiOptions, { io, env }: CliContext): Promise<ExitCode> {
  const server = requireToken(await resolveServer(env, options.url));
  const me = await new ApiClient(server).get<Me>('/api/me');
  if (options.json) {
    io.out(`${JSON.stringify({ url: server.url, token_from: server.tokenSource, user: me }, null, 2)}\n`);
    return EXIT.ok;
  }
  io.out(
    renderPairs([
      [
        'user',
        `@${me.handle}${me.displayName && me.displayName !== me.handle ? ` (${me.displayName})` : ''}`,
      ],
      ['role', me.role],
      ['email', me.email],
      ['server', server.url],
      ['token', server.tokenSource === 'REPS_TOKEN' ? 'from REPS_TOKEN' : `from ${configFile(env)}`],
      ['profile', `${server.url}/u/${me.handle}`],
    ]),
  );
  return EXIT.ok;
}
