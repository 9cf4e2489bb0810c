#!/usr/bin/env node
// The `reps` command. It lives outside dist/ on purpose: npm links a package's bins at install
// time only if the file exists, and on a fresh clone dist/ is built after the install.
import { existsSync } from 'node:fs';

const main = new URL('../dist/main.js', import.meta.url);
if (!existsSync(main)) {
  process.stderr.write(
    'reps: internal: the CLI is not built yet; run `npm run build` (or `npm start`) first\n',
  );
  process.exit(2);
}
await import(main.href);
