import { CancelScope, VirtualScheduler, VirtualSemaphore } from './virtual-scheduler.js';

/** Listeners a scope holds (its own and its descendants' cancellation listeners). */
const listenersOf = (scope: CancelScope) => (scope as unknown as { listeners: Set<unknown> }).listeners.size;

describe('CancelScope.signal', () => {
  it('aborts with the scope or any ancestor, and costs each scope one listener however deep', () => {
    const root = new CancelScope(new VirtualScheduler());
    const chain = [root];
    for (let i = 0; i < 50; i++) chain.push(chain[chain.length - 1]!.child());
    const deepest = chain[chain.length - 1]!;
    const signal = deepest.signal;
    expect(deepest.signal).toBe(signal);
    expect(signal.aborted).toBe(false);
    for (const scope of chain) expect(listenersOf(scope)).toBe(1);
    const sibling = chain[10]!.child();
    expect(sibling.signal.aborted).toBe(false);
    chain[20]!.cancel(new Error('stop'));
    expect(signal.aborted).toBe(true);
    expect(chain[19]!.signal.aborted).toBe(false);
    expect(sibling.signal.aborted).toBe(false);
    // A scope already cancelled hands out an aborted signal.
    expect(chain[30]!.child().signal.aborted).toBe(true);
  });
});

describe('VirtualSemaphore', () => {
  it('keeps no cancellation listener once a waiter has its slot', async () => {
    const scope = new CancelScope(new VirtualScheduler());
    const semaphore = new VirtualSemaphore(1);
    const first = await semaphore.acquire(scope);
    const waiting = semaphore.acquire(scope);
    expect(listenersOf(scope)).toBe(1);
    first();
    const second = await waiting;
    expect(listenersOf(scope)).toBe(0);
    second();
  });
});
