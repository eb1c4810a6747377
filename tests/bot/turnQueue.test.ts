import { TurnQueue } from '../../bot/turnQueue';

describe('TurnQueue', () => {
  it('runs the turns of one conversation one after another, in arrival order', async () => {
    const queue = new TurnQueue();
    const events: string[] = [];
    let releaseFirst!: () => void;
    const first = queue.run('c1', async () => {
      events.push('first:start');
      await new Promise<void>((r) => (releaseFirst = r));
      events.push('first:end');
    });
    const second = queue.run('c1', async () => {
      events.push('second');
    });
    const other = queue.run('c2', async () => {
      events.push('other');
    });
    await other;
    expect(events).toEqual(['first:start', 'other']);
    releaseFirst();
    await Promise.all([first, second]);
    expect(events).toEqual(['first:start', 'other', 'first:end', 'second']);
    expect(queue.size).toBe(0);
  });

  it('goes on with the next turn when one fails', async () => {
    const queue = new TurnQueue();
    const failing = queue.run('c1', async () => {
      throw new Error('turn failed');
    });
    const next = queue.run('c1', async () => 'ran');
    await expect(failing).rejects.toThrow('turn failed');
    await expect(next).resolves.toBe('ran');
    expect(queue.size).toBe(0);
  });
});
