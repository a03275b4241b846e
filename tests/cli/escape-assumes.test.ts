import { describe, expect, it } from 'vitest';
import { ivrOutput } from './audit-context.js';

// menus/health-renhe.json: deskCheck sends a holiday to holidayClosed (case 0), an open nurse desk to
// nurseDesk (case 1), anything else to afterHours. menus/telecom-tidewater-cable.json: outageCheck on the
// fact areaOutage, then salesHours on the schedule "sales". menus/telecom-xinghe.json starts at elderlyCheck.
interface AssumesJson {
  assumes?: { node: string; taken: string; next: string; facts: Record<string, boolean>; hours: Record<string, boolean>; caller: Record<string, boolean> }[];
  fastest?: AssumesJson;
  alternatives?: AssumesJson[];
}

describe('ivr escape says what its route assumed', () => {
  it('text: one line after the figures naming the fact and the hours the branch read', async () => {
    const run = await ivrOutput(['escape', 'menus/health-renhe.json', '--at', 'tue 10:00']);
    expect(run.code).toBe(0);
    const lines = run.out.split('\n');
    const at = lines.indexOf('Assumes: fact "holiday" is false, hours "nurseDesk" open at tue 10:00 (deskCheck)');
    expect(at).toBeGreaterThan(0);
    expect(lines[at - 2]).toMatch(/^Menu time /);
    expect(lines[at + 1]).toMatch(/^Strategies: /);
  });

  it('text: a fact given with --fact is assumed true, and each branch on the route is listed', async () => {
    const run = await ivrOutput(['escape', 'menus/telecom-tidewater-cable.json', '--at', 'tue 10:00', '--fact', 'areaOutage']);
    expect(run.out).toContain('Assumes: fact "areaOutage" is true (outageCheck) · hours "sales" open at tue 10:00 (salesHours)');
  });

  it('text: a caller flag', async () => {
    const run = await ivrOutput(['escape', 'menus/telecom-xinghe.json', '--at', 'tue 10:00', '--caller', 'elderly']);
    expect(run.out).toContain('Assumes: caller flag "elderly" set (elderlyCheck)');
  });

  it('text: no line when the route passes no branch', async () => {
    const run = await ivrOutput(['escape', 'tests/fixtures/menus/worked-example.json', '--at', 'tue 10:00']);
    expect(run.out).not.toContain('Assumes');
  });

  it('--json: an `assumes` list on the route, its alternatives and the fastest route of --advertised-only', async () => {
    const run = await ivrOutput(['escape', 'menus/telecom-tidewater-cable.json', '--at', 'tue 10:00', '--json', '--alternatives', '3', '--advertised-only']);
    const json = JSON.parse(run.out) as AssumesJson;
    expect(json.assumes).toEqual([
      { node: 'outageCheck', taken: 'otherwise', next: 'promo', facts: { areaOutage: false }, hours: {}, caller: {} },
      { node: 'salesHours', taken: 'cases[0]', next: 'salesQueue', facts: {}, hours: { sales: true }, caller: {} },
    ]);
    expect(json.fastest?.assumes?.[0]).toMatchObject({ node: 'outageCheck', facts: { areaOutage: false } });
    expect(json.alternatives?.length).toBeGreaterThan(0);
    for (const alternative of json.alternatives ?? []) expect(alternative.assumes?.[0]?.node).toBe('outageCheck');
  });

  it('--json: outside the office hours, an alternative through the hours branch reads the schedule closed', async () => {
    // menus/insurance-es-alameda.json: horarioAgente sends the call to the 24-hour assistance queue when "oficina" is closed.
    const run = await ivrOutput(['escape', 'menus/insurance-es-alameda.json', '--at', 'tue 22:00', '--alternatives', '3', '--json']);
    const json = JSON.parse(run.out) as AssumesJson;
    expect(json).not.toHaveProperty('assumes');
    expect(json.alternatives?.[0]?.assumes).toEqual([
      { node: 'horarioAgente', taken: 'otherwise', next: 'asistencia', facts: {}, hours: { oficina: false }, caller: {} },
    ]);
  });

  it('--json: no `assumes` when the route passes no branch', async () => {
    const run = await ivrOutput(['escape', 'tests/fixtures/menus/worked-example.json', '--at', 'tue 10:00', '--json']);
    expect(JSON.parse(run.out)).not.toHaveProperty('assumes');
  });
});
