/**
 * The Rng of generator-api.ts as JavaScript source, evaluated inside the sandbox next to the
 * generator (the sandbox passes JSON only, so the object has to be built in there). cyrb128 turns
 * the seed text into 128 bits and sfc32 draws from them: small, fast, and well distributed. Kept
 * as text rather than a host function so no transpiler or coverage tool ever rewrites it, which
 * would change the numbers.
 */
export const RNG_FACTORY = '__reps_rng';

export const RNG_SOURCE = `
function ${RNG_FACTORY}(seedText) {
  function cyrb128(str) {
    let h1 = 1779033703, h2 = 3144134277, h3 = 1013904242, h4 = 2773480762;
    for (let i = 0; i < str.length; i++) {
      const k = str.charCodeAt(i);
      h1 = h2 ^ Math.imul(h1 ^ k, 597399067);
      h2 = h3 ^ Math.imul(h2 ^ k, 2869860233);
      h3 = h4 ^ Math.imul(h3 ^ k, 951274213);
      h4 = h1 ^ Math.imul(h4 ^ k, 2716044179);
    }
    h1 = Math.imul(h3 ^ (h1 >>> 18), 597399067);
    h2 = Math.imul(h4 ^ (h2 >>> 22), 2869860233);
    h3 = Math.imul(h1 ^ (h3 >>> 17), 951274213);
    h4 = Math.imul(h2 ^ (h4 >>> 19), 2716044179);
    h1 ^= h2 ^ h3 ^ h4; h2 ^= h1; h3 ^= h1; h4 ^= h1;
    return [h1 >>> 0, h2 >>> 0, h3 >>> 0, h4 >>> 0];
  }
  function fail(message) { throw new RangeError('rng.' + message); }
  function make(text) {
    let [a, b, c, d] = cyrb128(text);
    function next() {
      a |= 0; b |= 0; c |= 0; d |= 0;
      const t = (((a + b) | 0) + d) | 0;
      d = (d + 1) | 0;
      a = b ^ (b >>> 9);
      b = (c + (c << 3)) | 0;
      c = (c << 21) | (c >>> 11);
      c = (c + t) | 0;
      return (t >>> 0) / 4294967296;
    }
    for (let i = 0; i < 12; i++) next();
    function shuffle(items) {
      if (!Array.isArray(items)) fail('shuffle(items): items must be an array');
      const out = items.slice();
      for (let i = out.length - 1; i > 0; i--) {
        const j = Math.floor(next() * (i + 1));
        const swap = out[i]; out[i] = out[j]; out[j] = swap;
      }
      return out;
    }
    return Object.freeze({
      next,
      int(min, max) {
        if (!Number.isInteger(min) || !Number.isInteger(max) || max < min)
          fail('int(' + min + ', ' + max + '): needs integers with min <= max');
        return min + Math.floor(next() * (max - min + 1));
      },
      float(min, max) {
        if (!Number.isFinite(min) || !Number.isFinite(max) || max < min)
          fail('float(' + min + ', ' + max + '): needs numbers with min <= max');
        return min + next() * (max - min);
      },
      chance(p) { return next() < p; },
      pick(items) {
        if (!Array.isArray(items) || items.length === 0) fail('pick(items): items must be a non-empty array');
        return items[Math.floor(next() * items.length)];
      },
      weighted(items, weights) {
        if (!Array.isArray(items) || !Array.isArray(weights) || items.length === 0 || items.length !== weights.length)
          fail('weighted(items, weights): needs two non-empty arrays of the same length');
        let total = 0;
        for (const w of weights) {
          if (!(w >= 0) || !Number.isFinite(w)) fail('weighted: weights must be finite numbers >= 0');
          total += w;
        }
        if (total <= 0) fail('weighted: at least one weight must be > 0');
        let r = next() * total;
        for (let i = 0; i < items.length; i++) {
          r -= weights[i];
          if (r < 0) return items[i];
        }
        for (let i = items.length - 1; i >= 0; i--) if (weights[i] > 0) return items[i];
      },
      sample(items, n) {
        if (!Array.isArray(items) || !Number.isInteger(n) || n < 0 || n > items.length)
          fail('sample(items, n): n must be an integer from 0 to items.length');
        return shuffle(items).slice(0, n);
      },
      shuffle,
      normal(mean = 0, sd = 1) {
        const u = 1 - next();
        const v = next();
        return mean + sd * Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
      },
      fork(label) { return make(text + '/' + String(label)); },
    });
  }
  return make(String(seedText));
}
`;
