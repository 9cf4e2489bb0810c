import { drainInstancePool, scrubInstancePool } from './instance-pool.js';
import type { QuickJSInstance } from './quickjs-module.js';
import { createQuickJSSandbox, type QuickJSSandbox } from './quickjs-sandbox.js';

/**
 * Sandboxes after the first on an instance start from its boot image (quickjs-sandbox.ts, boot):
 * they must be indistinguishable from a sandbox booted afresh, whatever ran on the instance before.
 */

/** Code whose answer and interpreter steps show any state a runtime carries. */
const probe = `
  const seen = [];
  for (const key of Object.getOwnPropertyNames(globalThis)) if (key.startsWith('left')) seen.push(key);
  let x = 0;
  for (let i = 0; i < 25000; i++) x = (x + i * 7) % 1013;
  const big = new Array(2000).fill(0).map((_, i) => ({ i, s: 'v' + i }));
  return { seen, x, r: Math.random(), now: Date.now(), n: big.length, proto: typeof Object.prototype.polluted };
`;

/** What a sandbox's first run of the probe answers, and the polls it took. */
function firstRun(sandbox: QuickJSSandbox) {
  const value = sandbox.run(probe, { input: 1 });
  return { value, polls: sandbox.usage.polls };
}

/** Code that tries to leave state behind in every way it can, and ends normally. */
function dirty(sandbox: QuickJSSandbox) {
  sandbox.run(
    `try { globalThis.left = 1; } catch {}
     try { Object.prototype.polluted = 1; } catch {}
     const keep = []; for (let i = 0; i < 20000; i++) keep.push({ i, text: 'secret-' + i });
     new Promise(() => {});
     Promise.resolve().then(() => { try { globalThis.leftLate = 1; } catch {} });
     for (let i = 0; i < 1000; i++) Math.random();
     return keep.length;`,
    {},
  );
  sandbox.evaluate('input', { input: 'x'.repeat(100_000) });
}

const instanceOf = (sandbox: QuickJSSandbox) =>
  (sandbox as unknown as { lease: { instance: QuickJSInstance } }).lease.instance;

describe('boot images', () => {
  beforeEach(() => drainInstancePool());

  it('starts every sandbox on an instance as a freshly booted one: same answers, same steps', async () => {
    const fresh = await createQuickJSSandbox({ seed: 7 });
    const instance = instanceOf(fresh);
    const expected = firstRun(fresh);
    fresh.dispose();
    for (let round = 0; round < 3; round++) {
      const before = await createQuickJSSandbox({ seed: 7 });
      dirty(before);
      before.dispose();
      const reused = await createQuickJSSandbox({ seed: 7 });
      expect(instanceOf(reused)).toBe(instance);
      expect(firstRun(reused)).toEqual(expected);
      reused.dispose();
    }
  });

  it('restores the runtime after a limit within a sandbox, and the next code runs as in a fresh one', async () => {
    const reference = await createQuickJSSandbox();
    const expected = reference.run(probe, { input: 1 });
    reference.dispose();
    const sandbox = await createQuickJSSandbox({ deadlineMs: 200 });
    expect(() => sandbox.run('for (;;);', {})).toThrow(expect.objectContaining({ code: 'sandbox_limit' }));
    expect(() => sandbox.run('const a = []; for (;;) a.push(new Array(1e5).fill(1));', {})).toThrow(
      expect.objectContaining({ code: 'sandbox_limit' }),
    );
    expect(sandbox.run(probe, { input: 1 })).toEqual(expected);
    sandbox.dispose();
  });

  it('after the host stack overflows inside QuickJS, the rest of the case has the whole QuickJS stack again', async () => {
    // The parser recurses deeper on V8's stack than on QuickJS's own (WebAssembly's shadow stack,
    // whose pointer is a global outside linear memory): V8 overflows first, in the middle of
    // QuickJS, and the frames it unwinds never gave their shadow stack back. The runtime restored
    // from the boot image must not start below where its boot left the stack pointer.
    const depth = 'let d = 0; function f() { d++; f(); } try { f(); } catch {} return d;';
    const reference = await createQuickJSSandbox();
    const expected = reference.run(depth, {});
    reference.dispose();
    const sandbox = await createQuickJSSandbox();
    for (let bomb = 0; bomb < 3; bomb++) {
      expect(() => sandbox.run("(0, eval)('['.repeat(100000))", {})).toThrow(
        expect.objectContaining({ code: 'sandbox_limit' }),
      );
      expect(sandbox.run(depth, {})).toBe(expected);
    }
    sandbox.dispose();
  });

  it('scrubs idle instances back to their booted memory, byte for byte, between jobs', async () => {
    const first = await createQuickJSSandbox();
    const instance = instanceOf(first);
    const booted = instance.bytes().slice();
    dirty(first);
    first.run('return input.length', { input: 'hidden-case-text '.repeat(50_000) });
    first.dispose();
    const after = instance.bytes();
    expect(Buffer.from(after).indexOf('hidden-case-text')).toBeGreaterThan(-1);
    scrubInstancePool();
    expect(Buffer.from(instance.bytes()).indexOf('hidden-case-text')).toBe(-1);
    expect(
      Buffer.compare(Buffer.from(instance.bytes().subarray(0, booted.length)), Buffer.from(booted)),
    ).toBe(0);
    const next = await createQuickJSSandbox();
    expect(instanceOf(next)).toBe(instance);
    next.dispose();
  });

  it('puts the memory back to the boot image byte for byte after a case, the deepest stack included', async () => {
    const first = await createQuickJSSandbox();
    const instance = instanceOf(first);
    const memory = instance.bytes();
    let end = memory.length;
    while (end > 0 && memory[end - 1] === 0) end--;
    // The image: up to the last byte the boot wrote (the case's heap past it is not put back).
    const booted = memory.slice(0, end);
    const sameAsBooted = () =>
      Buffer.compare(Buffer.from(instance.bytes().subarray(0, booted.length)), Buffer.from(booted)) === 0;
    // As deep as QuickJS lets C's stack go, then a case that ends normally.
    first.run('let d = 0; function f() { d++; f(); } try { f(); } catch {} return d;', {});
    dirty(first);
    expect(sameAsBooted()).toBe(false);
    first.dispose();
    expect(sameAsBooted()).toBe(true);
  });

  it('restores the whole image when a case wrote where no stack should reach', async () => {
    const first = await createQuickJSSandbox();
    const instance = instanceOf(first);
    const booted = instance.bytes().slice();
    // The boot's stack pointer is near the top of C's 5 MiB stack: from a MiB above its bottom to
    // over a MiB below the pointer (past the case's 256 KiB stack limit) no case's stack reaches.
    const low = 1024 * 1024;
    const band = [instance.stackPointer.value - 1600 * 1024, instance.stackPointer.value - 1200 * 1024];
    expect(booted.subarray(low, band[1]).every((b) => b === 0)).toBe(true);
    const bytes = instance.bytes();
    bytes.fill(7, low, low + 16);
    bytes.fill(7, band[0], band[1]);
    first.dispose();
    expect(
      instance
        .bytes()
        .subarray(low, band[1])
        .every((b) => b === 0),
    ).toBe(true);
  });

  it('keeps between jobs only instances whose memory did not grow', async () => {
    const grown = await createQuickJSSandbox();
    const grownInstance = instanceOf(grown);
    const small = await createQuickJSSandbox();
    const smallInstance = instanceOf(small);
    grown.run("const a = []; for (let i = 0; i < 150; i++) a.push('y'.repeat(100000) + i); return 1;", {});
    small.run('return 1', {});
    const initial = smallInstance.memoryBytes();
    expect(grownInstance.memoryBytes()).toBeGreaterThan(initial);
    small.dispose();
    grown.dispose();
    // Within a job the grown instance is lent again (the last given back is lent first); between
    // jobs it is given back to the system. (Identity compared as booleans: an instance is too big to diff.)
    const again = await createQuickJSSandbox();
    expect(instanceOf(again) === grownInstance).toBe(true);
    again.dispose();
    scrubInstancePool();
    const [first, second] = [await createQuickJSSandbox(), await createQuickJSSandbox()];
    expect(instanceOf(first) === smallInstance).toBe(true);
    expect(instanceOf(second) === grownInstance).toBe(false);
    expect(instanceOf(second).memoryBytes()).toBe(initial);
    first.dispose();
    second.dispose();
  });

  it('never lends an instance that held a scorer or a generator to pipeline code', async () => {
    const scorer = await createQuickJSSandbox({ owner: 'scorer' });
    const scorerInstance = instanceOf(scorer);
    scorer.run('return expected.answer', { expected: { answer: 'the hidden answer' } });
    scorer.dispose();
    const pipeline = await createQuickJSSandbox();
    expect(instanceOf(pipeline)).not.toBe(scorerInstance);
    pipeline.dispose();
    const again = await createQuickJSSandbox({ owner: 'scorer' });
    expect(instanceOf(again)).toBe(scorerInstance);
    again.dispose();
  });
});
