import { createProgressBar } from './progress-bar.js';

describe('createProgressBar', () => {
  it('draws nothing when stderr is not a terminal', () => {
    let written = '';
    const bar = createProgressBar((t) => (written += t), false);
    bar.update(1, 2);
    bar.finish();
    expect(written).toBe('');
  });

  it('redraws one line in place on a terminal and clears it at the end', () => {
    const writes: string[] = [];
    const bar = createProgressBar((t) => writes.push(t), true, 60);
    bar.update(5, 10);
    bar.finish();
    expect(writes[0]).toBe(`\r[${'█'.repeat(20)}${'░'.repeat(20)}] 5/10 cases\x1b[K`);
    expect(writes.at(-1)).toBe('\r\x1b[K');
  });

  it('skips frames that come faster than a terminal needs, but always draws the last', () => {
    const writes: string[] = [];
    const bar = createProgressBar((t) => writes.push(t), true, 60);
    for (let done = 1; done <= 1000; done++) bar.update(done, 1000);
    expect(writes.length).toBeLessThan(50);
    expect(writes.at(-1)).toContain('1000/1000 cases');
  });
});
