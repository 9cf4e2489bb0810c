// First-load JavaScript of the built web app, gzip-compressed: the scripts index.html loads
// directly (and their static imports), not the chunks split off for later routes.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { gzipSync } from 'node:zlib';

const dist = join(dirname(new URL(import.meta.url).pathname), '..', 'dist');
const BUDGET_KB = 250;

if (!existsSync(join(dist, 'index.html'))) {
  console.log(JSON.stringify({ error: 'apps/web/dist is missing; run npm run build first' }));
  process.exit(1);
}

const html = readFileSync(join(dist, 'index.html'), 'utf8');
const entries = [...html.matchAll(/<script[^>]+src="\/([^"]+\.js)"/g)].map((m) => m[1]);
const preloads = [...html.matchAll(/<link[^>]+rel="modulepreload"[^>]+href="\/([^"]+\.js)"/g)].map(
  (m) => m[1],
);
const seen = new Set();
const visit = (file) => {
  if (seen.has(file)) return;
  seen.add(file);
  const code = readFileSync(join(dist, file), 'utf8');
  // Static imports between chunks, as Vite emits them: import … from "./chunk-abc.js"
  for (const m of code.matchAll(/(?:^|[;\s])import\s*(?:[\w*{}\s,$]+from\s*)?["']\.\/([^"']+\.js)["']/g)) {
    visit(join(dirname(file), m[1]));
  }
};
for (const file of [...entries, ...preloads]) visit(file);

const files = [...seen].map((file) => {
  const raw = readFileSync(join(dist, file));
  return { file, bytes: raw.length, gzip_bytes: gzipSync(raw, { level: 9 }).length };
});
const gzipKb = files.reduce((sum, f) => sum + f.gzip_bytes, 0) / 1024;
console.log(
  JSON.stringify({
    first_load_js_gzip_kb: Math.round(gzipKb * 10) / 10,
    budget_kb: BUDGET_KB,
    within_budget: gzipKb <= BUDGET_KB,
    files,
  }),
);
