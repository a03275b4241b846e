import { describe, expect, it } from 'vitest';
import { ivrOutput } from './audit-context.js';

// menus/health-renhe.json: the nurse desk (Asia/Shanghai) is open mon–fri 07:30–17:30 and sat 08:00–12:00.
describe('ivr escape when nobody is reachable', () => {
  it('says when a person is reachable instead, in text', async () => {
    const run = await ivrOutput(['escape', 'menus/health-renhe.json', '--at', 'sun 23:00']);
    expect(run.code).toBe(0);
    expect(run.out).toContain('No route to a human');
    expect(run.out).toContain('mon 07:30–17:30; tue 07:30–17:30; wed 07:30–17:30; thu 07:30–17:30; fri 07:30–17:30; sat 08:00–12:00');
  });

  it('gives the same as unlockedBy in JSON', async () => {
    const run = await ivrOutput(['escape', 'menus/health-renhe.json', '--at', 'sun 23:00', '--json']);
    const json = JSON.parse(run.out) as { reachable: boolean; unlockedBy: { hours: { day: string; ranges: number[][] }[] } };
    expect(json.reachable).toBe(false);
    expect(json.unlockedBy.hours.find((h) => h.day === 'sat')?.ranges).toEqual([[480, 720]]);
  });

  it('adds nothing when a route exists', async () => {
    const run = await ivrOutput(['escape', 'menus/health-renhe.json', '--at', 'tue 10:00', '--json']);
    expect(JSON.parse(run.out)).not.toHaveProperty('unlockedBy');
  });
});
