import { jest } from '@jest/globals';
import { demoClient } from '../support/client.js';
import { apiUrl } from '../support/stack.js';

jest.setTimeout(60_000);

/** Every address an HTML page or a stylesheet names: href, src, srcset, url(…) and @import. */
function addresses(text: string): string[] {
  const found: string[] = [];
  for (const m of text.matchAll(/\b(?:href|src|srcset|action)\s*=\s*["']?([^"'\s>]+)/gi)) found.push(m[1]!);
  for (const m of text.matchAll(/url\(\s*["']?([^"')]+)/gi)) found.push(m[1]!);
  for (const m of text.matchAll(/@import\s+["']([^"']+)/gi)) found.push(m[1]!);
  return found;
}

/** Whether an address leaves the page's origin (absolute elsewhere, or protocol-relative). */
function external(address: string, base: string): boolean {
  if (address.startsWith('data:') || address.startsWith('#')) return false;
  return new URL(address, base).origin !== new URL(base).origin;
}

describe('the queue dashboard (/api/admin/queues)', () => {
  it('serves a page and assets that name no outside origin, under a policy of its own origin only', async () => {
    const admin = await demoClient('admin');
    const pageUrl = `${apiUrl()}/api/admin/queues`;
    const page = await fetch(pageUrl, { headers: { cookie: admin.cookie!, accept: 'text/html' } });
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain('static/css/');

    // What @bull-board ships links Google's web fonts; the page served must not.
    expect(html).not.toMatch(/fonts\.(googleapis|gstatic)\.com/);
    const base = new URL(/<base href="([^"]+)"/.exec(html)?.[1] ?? '/api/admin/queues/', pageUrl).href;
    const named = addresses(html);
    expect(named.length).toBeGreaterThan(3);
    expect(named.filter((a) => external(a, base))).toEqual([]);

    // Its stylesheets and scripts come from the API too, and the stylesheets import nothing from outside.
    const assets = named.filter((a) => /\.(css|js)$/.test(a));
    expect(assets.length).toBeGreaterThanOrEqual(2);
    for (const asset of assets) {
      const res = await fetch(new URL(asset, base), { headers: { cookie: admin.cookie! } });
      expect({ asset, status: res.status }).toEqual({ asset, status: 200 });
      if (asset.endsWith('.css')) {
        const css = await res.text();
        expect(addresses(css).filter((a) => external(a, new URL(asset, base).href))).toEqual([]);
      }
    }

    // And the browser is told to load nothing from elsewhere.
    const policy = page.headers.get('content-security-policy') ?? '';
    expect(policy).toContain("default-src 'self'");
    expect(policy).toContain("font-src 'self'");
    expect(policy).not.toMatch(/https?:/);
  });
});
