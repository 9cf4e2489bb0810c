import { chmod, mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import type { CliEnv } from '../cli-env.js';
import { CliError } from '../cli-error.js';

/** Where a local `npm start` serves the API. */
export const DEFAULT_URL = 'http://127.0.0.1:3000';

/** `<configDir>/config.json`, written by `reps login`, mode 600 since it holds a token. */
const savedLoginSchema = z.object({
  url: z.string().min(1),
  token: z.string().min(1),
  /** Shown by `reps whoami` when the server cannot be asked; the server stays the truth. */
  handle: z.string().optional(),
  saved_at: z.string().optional(),
});
export type SavedLogin = z.infer<typeof savedLoginSchema>;

/** The server a command talks to, and the token it may send there. */
export interface Server {
  url: string;
  token?: string;
  tokenSource?: 'REPS_TOKEN' | 'config';
}

export function configFile(env: CliEnv): string {
  return join(env.configDir, 'config.json');
}

export async function readSavedLogin(env: CliEnv): Promise<SavedLogin | undefined> {
  const file = configFile(env);
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw new CliError('invalid_config', `cannot read ${file}: ${(error as Error).message}`);
  }
  let parsed: ReturnType<typeof savedLoginSchema.safeParse>;
  try {
    parsed = savedLoginSchema.safeParse(JSON.parse(text));
  } catch {
    parsed = savedLoginSchema.safeParse(undefined);
  }
  if (!parsed.success)
    throw new CliError(
      'invalid_config',
      `${file} is not a reps config; remove it with \`reps logout\` and log in again`,
    );
  return parsed.data;
}

/**
 * Writes the file whole under a temporary name and renames it, so a crash never leaves half a
 * token; the folder is 700 and the file 600 (chmod too, for a file that existed with wider mode).
 */
export async function saveLogin(env: CliEnv, login: SavedLogin): Promise<string> {
  const file = configFile(env);
  const temporary = `${file}.${process.pid}.tmp`;
  try {
    await mkdir(env.configDir, { recursive: true, mode: 0o700 });
    await writeFile(temporary, `${JSON.stringify(login, null, 2)}\n`, { mode: 0o600 });
    await chmod(temporary, 0o600);
    await rename(temporary, file);
  } catch (error) {
    await rm(temporary, { force: true }).catch(() => undefined);
    throw new CliError('invalid_config', `cannot write ${file}: ${(error as Error).message}`);
  }
  return file;
}

/** Returns whether there was a saved login. */
export async function removeSavedLogin(env: CliEnv): Promise<boolean> {
  const file = configFile(env);
  try {
    await rm(file);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return false;
    throw new CliError('invalid_config', `cannot remove ${file}: ${(error as Error).message}`);
  }
}

/**
 * The server: --url, else REPS_URL, else the saved login's, else the local default. The token:
 * REPS_TOKEN, else the saved one, but only when talking to the server it was saved for, so that
 * pointing reps at another server never sends it your token.
 */
export async function resolveServer(env: CliEnv, urlFlag?: string): Promise<Server> {
  const saved = await readSavedLogin(env);
  const url = normalizeUrl(
    urlFlag ?? env.apiUrl ?? saved?.url ?? DEFAULT_URL,
    urlFlag ? '--url' : 'REPS_URL',
  );
  if (env.apiToken) return { url, token: env.apiToken, tokenSource: 'REPS_TOKEN' };
  if (saved && sameServer(saved.url, url)) return { url, token: saved.token, tokenSource: 'config' };
  return { url };
}

/** A server that needs a token: a command that cannot act without one says how to get one. */
export function requireToken(server: Server): Required<Pick<Server, 'url' | 'token'>> & Server {
  if (server.token) return server as Required<Pick<Server, 'url' | 'token'>> & Server;
  throw new CliError(
    'unauthenticated',
    `not logged in to ${server.url}: run \`reps login --token <token>\` (create a token under ${server.url}/settings) or set REPS_TOKEN`,
  );
}

/** `http://host:3000/`, `http://host:3000/api` → `http://host:3000`; anything but http(s) is refused. */
export function normalizeUrl(value: string, source: string): string {
  const trimmed = value.trim();
  if (!/^https?:\/\/[^\s/]/.test(trimmed) || !URL.canParse(trimmed))
    throw new CliError(
      'validation_failed',
      `${source} must be a URL starting with http:// or https://, not "${value}"`,
    );
  const url = new URL(trimmed);
  const path = url.pathname.replace(/\/+$/, '').replace(/\/api$/, '');
  return `${url.origin}${path}`;
}

function sameServer(a: string, b: string): boolean {
  try {
    return normalizeUrl(a, 'url') === normalizeUrl(b, 'url');
  } catch {
    return false;
  }
}
