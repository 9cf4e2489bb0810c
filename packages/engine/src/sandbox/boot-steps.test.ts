import {
  GUARDS_GLOBAL,
  GUARDS_SOURCE,
  METER_GLOBAL,
  PARSE_UNITS_AT_BOOT,
  PRELUDE,
  UNIT_FROM_BOOT,
  UNIT_PARSED_NOW,
} from './prelude.js';
import { newQuickJSInstance } from './quickjs-module.js';

/**
 * Parsing the guards' units at boot (prelude.ts, UNIT_FROM_BOOT) must leave every step count as
 * parsing each on its first call did: code's CPU in virtual time is counted in QuickJS's polls,
 * one per 10,000 steps, so a sandbox must start at the same place in the count and a unit's first
 * call must take the same steps.
 */

/** The prelude as it was when units were parsed on their first call. */
const parsedOnFirstCall = (prelude: string) => {
  if (!prelude.includes(UNIT_FROM_BOOT) || !prelude.includes(PARSE_UNITS_AT_BOOT))
    throw new Error('the prelude no longer holds UNIT_FROM_BOOT and PARSE_UNITS_AT_BOOT as they are');
  return prelude.replace(UNIT_FROM_BOOT, UNIT_PARSED_NOW).replace(PARSE_UNITS_AT_BOOT, '');
};

/** Steps a fresh runtime booted with `prelude` takes from running `probe` to its next poll. */
async function stepsToNextPoll(prelude: string, probe: string): Promise<number> {
  const instance = await newQuickJSInstance(64 * 1024 * 1024);
  const pollsAfter = (n: number) => {
    const runtime = instance.module.newRuntime();
    const context = runtime.newContext();
    let polls = 0;
    runtime.setInterruptHandler(() => {
      polls++;
      return false;
    });
    const meter = context.newFunction('meter', () => context.newNumber(0));
    context.setProp(context.global, METER_GLOBAL, meter);
    meter.dispose();
    const guards = context.newString(GUARDS_SOURCE);
    context.setProp(context.global, GUARDS_GLOBAL, guards);
    guards.dispose();
    context.unwrapResult(context.evalCode(prelude, 'prelude.js', { type: 'global' })).dispose();
    polls = 0;
    const fn = context.unwrapResult(
      context.evalCode(`(function (n) { ${probe}; while (n-- > 0); })`, 'probe.js', { type: 'global' }),
    );
    const count = context.newNumber(n);
    context.unwrapResult(context.callFunction(fn, context.undefined, count)).dispose();
    count.dispose();
    fn.dispose();
    context.dispose();
    runtime.dispose();
    return polls;
  };
  let low = 0;
  let high = 20_000;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (pollsAfter(mid) > 0) high = mid;
    else low = mid + 1;
  }
  return low;
}

describe('parsing the guard units at boot', () => {
  const prelude = PRELUDE(Date.UTC(2024, 0, 1));
  const probes = [
    ['nothing', ''],
    ['a string search', "'a,b'.split(',')"],
    ['JSON', "JSON.parse('[1, 2]')"],
    ['a global replace', "'abcb'.replace(/b/g, 'x')"],
    ['a set operation', 'new Set([1]).union(new Set([2]))'],
    ['two units, one twice', "JSON.stringify('a,b'.split(',')); JSON.parse('1'); 'x'.indexOf('y')"],
  ];

  it.each(probes)('leaves the steps of %s where parsing on first call left them', async (_what, probe) => {
    expect(await stepsToNextPoll(prelude, probe!)).toBe(
      await stepsToNextPoll(parsedOnFirstCall(prelude), probe!),
    );
  });
});
