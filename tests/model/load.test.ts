/**
 * The loader on a broken file of each kind (tests/fixtures/broken): the exact
 * code, JSON path and line:column of every problem; warnings apart; and no
 * prototype pollution, whatever the file says.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatPath, loadMenu, loadMenuValue, type Issue } from '../../src/model/index.js';

const fixture = (dir: string, name: string) => readFileSync(join(import.meta.dirname, '..', 'fixtures', dir, name), 'utf8');
const broken = (name: string) => fixture('broken', name);

/** `code path line:column`, one string per issue, in the loader's order. */
const summary = (issues: Issue[]) => issues.map((i) => `${i.code} ${formatPath(i.path)} ${i.line ?? '-'}:${i.column ?? '-'}`);

function errorsOf(text: string): Issue[] {
  const result = loadMenu(text);
  if (result.ok) throw new Error('expected the file to be refused');
  return result.issues;
}

describe('a broken file of each kind is refused with its code, path and position', () => {
  it.each([
    ['not-json.json', ['invalid_json (document) 8:3']],
    ['empty.json', ['empty_file (document) 1:1']],
    ['schema-error.json', ['schema nodes.main.invalid.retries 11:20']],
    ['unknown-field.json', ['missing_field nodes.main.prompt 7:13', 'unknown_field nodes.main.promt 9:7']],
    ['unknown-node-type.json', ['unknown_node_type nodes.main.type 7:15']],
    ['unknown-node.json', ['unknown_node nodes.main.options[0].next 11:34']],
    ['missing-start.json', ['missing_field start 1:1']],
    ['start-unknown.json', ['unknown_node start 5:3']],
    ['duplicate-key.json', ['duplicate_key nodes.main.options[1].key 12:11']],
    ['unknown-schedule.json', ['unknown_schedule nodes.check.cases[0].when.not.open 12:39']],
    ['unknown-timezone.json', ['unknown_timezone hours.agents.timezone 6:17']],
    ['silent-loop.json', ['silent_loop nodes.first 7:5']],
    ['reserved-id.json', ['invalid_node_id nodes.constructor 7:5']],
    ['proto-node-id.json', ['reserved_key nodes.__proto__ 8:5']],
    ['proto-key.json', ['reserved_key nodes.main.options[0].__proto__ 10:51']],
    ['foreign-document.json', ['not_a_menu (document) 1:1']],
    ['repeated-node-id.json', ['repeated_key nodes.welcome 9:5']],
  ])('%s', (name, expected) => {
    expect(summary(errorsOf(broken(name)))).toEqual(expected);
  });
});

describe('messages name the culprit and the fix', () => {
  const message = (name: string, index = 0) => errorsOf(broken(name))[index]?.message;

  it('tells two commas in a row from a trailing comma', () => {
    const first = (text: string) => (errorsOf(text)[0] as Issue).message.en;
    expect(first('{"a": [1,,2]}')).toContain('two "," in a row');
    expect(first('{"a": 1,, "b": 2}')).toContain('two "," in a row');
    expect(first('{"a": [1,2,]}')).toContain('no "," after the last item');
  });

  it('names a trailing comma as such', () => {
    expect(message('not-json.json')?.en).toContain('no "," after the last item');
  });

  it('suggests the node id that was meant', () => {
    expect(message('unknown-node.json')?.en).toBe('Option 0 of "main" leads to "agnet", which is not a node of this menu. Did you mean "agent"?');
    expect(message('unknown-node.json')?.['zh-CN']).toBe('节点 "main" 的第 0 个选项指向 "agnet",但菜单中没有该节点。是否想写 "agent"?');
    expect(message('start-unknown.json')?.en).toContain('Did you mean "welcome"?');
  });

  it('suggests the field that was meant', () => {
    expect(message('unknown-field.json', 1)?.en).toBe('Unknown field "promt". Did you mean "prompt"?');
  });

  it('lists the schedules that exist', () => {
    expect(message('unknown-schedule.json')?.en).toContain('(defined: agents)');
  });

  it('draws the silent loop', () => {
    expect(message('silent-loop.json')?.en).toContain('first → second → first');
  });

  it('asks for a node type when there is none', () => {
    const menu = JSON.parse(fixture('menus', 'worked-example.json')) as Record<string, any>;
    delete menu.nodes.welcome.type;
    const issues = errorsOf(JSON.stringify(menu, null, 2));
    expect(summary(issues)).toEqual(['missing_field nodes.welcome.type 33:16']);
    expect(issues[0]?.message.en).toBe('This node has no "type": give it one of say, menu, input, branch, agent, hangup.');
  });

  it('tells a document of another format apart from a menu with mistakes', () => {
    expect(message('foreign-document.json')?.en).toContain('This is not an ivr-menu/1 document');
    // an empty object is a menu with every required field missing, not a foreign document
    expect(errorsOf('{}').map((i) => i.code)).toEqual(['missing_field', 'missing_field', 'missing_field', 'missing_field', 'missing_field']);
  });

  it('says a number in quotes is text, and how to write it', () => {
    const menu = JSON.parse(fixture('menus', 'worked-example.json')) as { nodes: Record<string, Record<string, unknown>> };
    (menu.nodes.main as Record<string, unknown>).timeout = '5';
    const result = loadMenuValue(menu);
    expect(result.ok ? [] : result.issues.map((i) => i.message.en)).toEqual(['Expected a number, found the text "5": write it without quotes (5).']);
  });

  it('lists the node types', () => {
    expect(message('unknown-node-type.json')?.en).toBe('Unknown node type "menuu": use one of say, menu, input, branch, agent, hangup. Did you mean "menu"?');
  });

  it('words schema errors in Chinese with the value actually found', () => {
    const timeout = errorsOf(JSON.stringify({ ...JSON.parse(fixture('menus', 'worked-example.json')), timing: { keySeconds: 'fast' } }));
    expect(timeout[0]?.path).toEqual(['timing', 'keySeconds']);
    expect(timeout[0]?.message['zh-CN']).toMatch(/期望 数字.*string/);
  });
});

describe('semantic errors', () => {
  const base = () => JSON.parse(fixture('menus', 'worked-example.json')) as Record<string, any>;

  it('refuses a holiday that is not a date of the calendar', () => {
    for (const [date, ok] of [['2026-13-45', false], ['2026-02-29', false], ['2028-02-29', true], ['2026-12-25', true]] as const) {
      const menu = base();
      menu.hours = { agents: { timezone: 'Europe/Madrid', open: [{ days: ['mon'], from: '09:00', to: '17:00' }], closed: [date] } };
      const result = loadMenuValue(menu);
      expect(result.ok ? 'ok' : summary(result.issues), date).toEqual(ok ? 'ok' : ['schema hours.agents.closed[0] -:-']);
    }
  });

  it('reports every problem of a file, not only the first', () => {
    const menu = base();
    menu.start = 'nowhere';
    menu.nodes.main.options[1].key = '1';
    menu.nodes.hoursCheck.cases[0].when = { open: 'night' };
    expect(summary(errorsOf(JSON.stringify(menu, null, 2))).map((line) => line.split(' ').slice(0, 2).join(' '))).toEqual([
      'unknown_node start',
      'duplicate_key nodes.main.options[1].key',
      'unknown_schedule nodes.hoursCheck.cases[0].when.open',
    ]);
  });

  it('finds a silent loop through a no-input handler with no prompt and no timeout', () => {
    const menu = base();
    menu.nodes.loop = { type: 'menu', prompt: '', timeout: 0, options: [{ key: '1', next: 'agentQueue' }], noInput: { retries: 0, then: 'loopBack' } };
    menu.nodes.loopBack = { type: 'branch', cases: [], otherwise: 'loop' };
    menu.nodes.main.options[0].next = 'loop';
    expect(errorsOf(JSON.stringify(menu)).map((i) => i.code)).toEqual(['silent_loop']);
  });

  it('does not call a loop silent when a prompt takes time', () => {
    const menu = base();
    menu.nodes.ping = { type: 'say', prompt: 'Please hold.', next: 'pong' };
    menu.nodes.pong = { type: 'branch', cases: [{ when: { fact: 'queueOpen' }, next: 'agentQueue' }], otherwise: 'ping' };
    menu.nodes.main.options[0].next = 'ping';
    expect(loadMenu(JSON.stringify(menu)).ok).toBe(true);
  });

  it('refuses an interval that is never open', () => {
    const menu = base();
    menu.hours.agents.open[0].to = '08:00';
    expect(errorsOf(JSON.stringify(menu)).map((i) => [i.code, formatPath(i.path)])).toEqual([['empty_interval', 'hours.agents.open[0]']]);
  });

  it('refuses node ids outside the id pattern', () => {
    const menu = base();
    menu.nodes['two words'] = { type: 'hangup' };
    expect(errorsOf(JSON.stringify(menu)).filter((i) => i.severity === 'error').map((i) => i.code)).toEqual(['invalid_node_id']);
  });
});

describe('warnings do not refuse the file', () => {
  it('an unreachable node', () => {
    const result = loadMenu(broken('warning-unreachable.json'));
    expect(result.ok).toBe(true);
    if (result.ok) expect(summary(result.warnings)).toEqual(['unreachable_node nodes.oldMenu 9:5']);
  });

  it('no route to any agent', () => {
    const result = loadMenu(broken('warning-no-agent.json'));
    expect(result.ok).toBe(true);
    if (result.ok) expect(summary(result.warnings)).toEqual(['no_agent nodes 6:3']);
  });

  it('minLength and maxLength beside a fixed length', () => {
    const menu = {
      format: 'ivr-menu/1', id: 'l', name: 'l', start: 'pin',
      nodes: { pin: { type: 'input', prompt: 'Your PIN.', length: 4, minLength: 6, maxLength: 8, next: 'desk' }, desk: { type: 'agent' } },
    };
    const result = loadMenuValue(menu);
    expect(result.ok ? summary(result.warnings) : 'refused').toEqual(['ignored_length nodes.pin.minLength -:-', 'ignored_length nodes.pin.maxLength -:-']);
  });

  it('are all warnings, and the worked example has none', () => {
    const result = loadMenu(fixture('menus', 'worked-example.json'));
    expect(result).toMatchObject({ ok: true, warnings: [] });
  });
});

describe('defaults are filled in', () => {
  it('locale, timing, bargeIn, timeout, advertised, terminator', () => {
    const result = loadMenu(fixture('menus', 'worked-example.json'));
    if (!result.ok) throw new Error('worked example must load');
    const { value: menu } = result;
    expect(menu.timing).toEqual({ wordsPerMinute: 150, charsPerMinute: 240, keySeconds: 0.5, recognitionSeconds: 1, unknownPromptSeconds: 5 });
    expect(menu.nodes.welcome).toMatchObject({ bargeIn: false });
    expect(menu.nodes.main).toMatchObject({ bargeIn: true, timeout: 5 });
    expect(menu.nodes.account).toMatchObject({ bargeIn: true, timeout: 5, terminator: '#' });
    const main = menu.nodes.main;
    if (main?.type !== 'menu') throw new Error('main is a menu');
    expect(main.options.map((o) => o.advertised)).toEqual([true, true, true, false, false]);
  });

  it('locale defaults to en-US', () => {
    const data = JSON.parse(fixture('menus', 'worked-example.json')) as Record<string, unknown>;
    delete data.locale;
    const result = loadMenuValue(data);
    expect(result.ok && result.value.locale).toBe('en-US');
  });
});

describe('odd inputs', () => {
  it('a top-level array or null is refused at 1:1', () => {
    expect(summary(errorsOf('[]'))).toEqual(['schema (document) 1:1']);
    expect(summary(errorsOf('null'))).toEqual(['schema (document) 1:1']);
  });

  it('a byte-order mark before the JSON is accepted', () => {
    expect(loadMenu(`\uFEFF${fixture('menus', 'worked-example.json')}`).ok).toBe(true);
  });

  it('a file over maxBytes is refused before parsing', () => {
    expect(loadMenu('{"format": "ivr-menu/1"}', { maxBytes: 10 })).toMatchObject({ ok: false, issues: [{ code: 'too_large' }] });
  });

  it('comments are not JSON', () => {
    expect(summary(errorsOf('{\n  // a comment\n}'))).toEqual(['invalid_json (document) 2:3']);
  });
});

describe('the prototype of Object is never polluted', () => {
  it.each(['proto-key.json', 'proto-node-id.json'])('by %s', (name) => {
    loadMenu(broken(name));
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.prototype).not.toHaveProperty('polluted');
  });

  it('by a __proto__ key spelt with escapes', () => {
    const text = fixture('menus', 'worked-example.json').replace('"label": "Balance"', '"\\u005f_proto__": { "polluted": true }');
    expect(summary(errorsOf(text))).toEqual(['reserved_key nodes.main.options[0].__proto__ 21:23']);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('by a value built with a __proto__ own key, handed to loadMenuValue', () => {
    const data = JSON.parse(fixture('menus', 'worked-example.json')) as Record<string, any>;
    data.nodes = JSON.parse('{"__proto__": {"type": "hangup", "polluted": true}, "welcome": {"type": "hangup"}}');
    const result = loadMenuValue(data);
    expect(result.ok).toBe(false);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});

describe('documents nested too deep for the checks', () => {
  /** A menu whose one branch tests `depth` nested `not`s. */
  const nested = (depth: number, padding = '') => {
    const condition = '{"not":'.repeat(depth) + '{"fact":"x"}' + '}'.repeat(depth);
    return `{"format":"ivr-menu/1","id":"d","name":"d","start":"b","nodes":{"b":{"type":"branch","cases":[{"when":${condition},"next":"a"}],"otherwise":"a"},"a":{"type":"agent"}}}${padding}`;
  };
  const tooDeep = ['too_deep (document) 1:1468'];

  it('accepts a condition nested 150 deep', () => {
    expect(loadMenu(nested(150)).ok).toBe(true);
  });

  it('refuses 50,000 levels with one located problem, not a crash', () => {
    expect(summary(errorsOf(nested(50_000)))).toEqual(tooDeep);
  });

  it('refuses them too in a file too large to be scanned first: the stack guard catches the checks', () => {
    const big = nested(50_000, ' '.repeat(5 * 2 ** 20));
    const result = loadMenu(big, { maxBytes: 2 ** 30 });
    expect(result.ok ? [] : summary(result.issues)).toEqual(tooDeep);
  });

  it('refuses deep arrays, valid or not JSON', () => {
    expect(summary(errorsOf(`{"x": ${'['.repeat(20_000)}${']'.repeat(20_000)}}`))).toEqual(['too_deep (document) 1:206']);
    expect(summary(errorsOf('['.repeat(200_000)))).toEqual(['too_deep (document) 1:201']);
  });

  it('refuses a deep value handed to loadMenuValue (no text: no position)', () => {
    let value: unknown = { fact: 'x' };
    for (let level = 0; level < 50_000; level++) value = { not: value };
    const menu = { format: 'ivr-menu/1', id: 'd', name: 'd', start: 'b', nodes: { b: { type: 'branch', cases: [{ when: value, next: 'a' }], otherwise: 'a' }, a: { type: 'agent' } } };
    const result = loadMenuValue(menu);
    expect(result.ok ? [] : summary(result.issues)).toEqual(['too_deep (document) -:-']);
  });
});
