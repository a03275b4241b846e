/**
 * A menu as one VoiceXML 2.1 document that our VoiceXML importer reads back
 * to the same routes: `menu` → `<menu>`/`<choice>`, `input` → `<form>` with a
 * `builtin:dtmf/digits` field, `say` → a `<block>`, `branch` → `<if cond>`,
 * `agent` → `<transfer>`, `hangup` → `<disconnect/>`. Handlers become
 * `<noinput>`/`<nomatch>` with `count`: the first `retries` failures
 * re-prompt, failure `retries + 1` leaves.
 *
 * What VoiceXML has no words for travels in attributes of our own namespace
 * (`ivr:seconds`, `ivr:advertised`, `ivr:medianSeconds`, …) and in
 * `<meta name="ivr-menu">` (id, name, hours, timing); a browser ignores them.
 * Conditions are written as `ivr.open('x')`, `ivr.caller('x')`,
 * `ivr.fact('x')` joined with `!`, `&&`, `||`: a platform would define an
 * `ivr` object to answer them.
 */
import type { Condition, Handler, InputNode, Menu, MenuNode, MenuNodeUnion, Prompt } from '../model/index.js';
import { IVR_NAMESPACE } from '../importers/voicexml.js';

function escapeXml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&apos;');
}

function attributes(values: Record<string, string | number | boolean | undefined>): string {
  return Object.entries(values)
    .filter((entry): entry is [string, string | number | boolean] => entry[1] !== undefined)
    .map(([name, value]) => ` ${name}="${escapeXml(String(value))}"`)
    .join('');
}

function quoted(name: string): string {
  return `'${name.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;
}

/** A condition as the expression the importer reads back (`conditionFromExpression`). */
export function conditionExpression(condition: Condition): string {
  if ('open' in condition) return `ivr.open(${quoted(condition.open)})`;
  if ('caller' in condition) return `ivr.caller(${quoted(condition.caller)})`;
  if ('fact' in condition) return `ivr.fact(${quoted(condition.fact)})`;
  if ('not' in condition) return `!(${conditionExpression(condition.not)})`;
  if ('all' in condition) return `(${condition.all.map(conditionExpression).join(' && ')})`;
  return `(${condition.any.map(conditionExpression).join(' || ')})`;
}

function promptXml(prompt: Prompt | undefined, bargeIn?: boolean): string {
  if (prompt === undefined) return '';
  const barge = bargeIn === undefined ? {} : { bargein: bargeIn };
  if (typeof prompt === 'string') return `<prompt${attributes(barge)}>${escapeXml(prompt)}</prompt>`;
  const recorded = prompt.text === undefined && prompt.audio === undefined && prompt.seconds === undefined;
  const attrs = attributes({ ...barge, 'ivr:seconds': prompt.seconds, 'ivr:purpose': prompt.purpose, 'ivr:recorded': recorded ? true : undefined });
  const text = escapeXml(prompt.text ?? '');
  const body = prompt.audio === undefined ? text : `<audio${attributes({ src: prompt.audio })}>${text}</audio>`;
  return `<prompt${attrs}>${body}</prompt>`;
}

function gotoXml(target: string): string {
  return `<goto next="#${escapeXml(target)}"/>`;
}

/** `{retries r, prompt p, then t}`: failures 1…r re-prompt, failure r + 1 leaves (to t, or hangs up). */
function handlerXml(tag: 'noinput' | 'nomatch', handler: Handler): string[] {
  const prompt = promptXml(handler.prompt);
  const leave = handler.then === undefined ? '<disconnect ivr:reason="retries exhausted"/>' : gotoXml(handler.then);
  const lines: string[] = [];
  if (handler.retries > 0) lines.push(`<${tag}>${prompt}<reprompt/></${tag}>`);
  lines.push(`<${tag}${handler.retries > 0 ? ` count="${handler.retries + 1}"` : ''}>${prompt}${leave}</${tag}>`);
  return lines;
}

function handlersXml(node: MenuNode | InputNode): string[] {
  return [...handlerXml('noinput', node.noInput ?? { retries: 2 }), ...handlerXml('nomatch', node.invalid ?? { retries: 2 })];
}

function menuXml(id: string, node: MenuNode): string[] {
  const choices = node.options.map((option) => {
    const phrases = option.phrases ?? [];
    const grammar = phrases.length > 1
      ? `<grammar mode="voice" root="r"><rule id="r"><one-of>${phrases.map((p) => `<item>${escapeXml(p)}</item>`).join('')}</one-of></rule></grammar>`
      : '';
    const attrs = attributes({ dtmf: option.key, next: `#${option.next}`, 'ivr:label': option.label, 'ivr:advertised': option.advertised ? undefined : false });
    return `  <choice${attrs}>${escapeXml(phrases[0] ?? '')}${grammar}</choice>`;
  });
  return [
    `<menu id="${escapeXml(id)}">`,
    // Keys only when no option has phrases, so a browser does not listen for choice texts that are not phrases.
    ...(node.options.some((o) => o.phrases !== undefined) ? [] : ['  <property name="inputmodes" value="dtmf"/>']),
    `  <property name="timeout" value="${node.timeout}s"/>`,
    `  ${promptXml(node.prompt, node.bargeIn)}`,
    ...choices,
    ...handlersXml(node).map((line) => `  ${line}`),
    '</menu>',
  ];
}

function inputXml(id: string, node: InputNode): string[] {
  const grammar = node.length !== undefined
    ? `builtin:dtmf/digits?length=${node.length}`
    : `builtin:dtmf/digits?minlength=${node.minLength ?? 1}${node.maxLength === undefined ? '' : `;maxlength=${node.maxLength}`}`;
  return [
    `<form id="${escapeXml(id)}">`,
    `  <property name="timeout" value="${node.timeout}s"/>`,
    ...(node.length === undefined ? [`  <property name="termchar" value="${escapeXml(node.terminator)}"/>`] : []),
    '  <field name="digits">',
    `    <grammar mode="dtmf" src="${grammar}"/>`,
    `    ${promptXml(node.prompt, node.bargeIn)}`,
    ...handlersXml(node).map((line) => `    ${line}`),
    `    <filled>${gotoXml(node.next)}</filled>`,
    '  </field>',
    '</form>',
  ];
}

function nodeXml(id: string, node: MenuNodeUnion): string[] {
  switch (node.type) {
    case 'say':
      return [`<form id="${escapeXml(id)}"><block>${promptXml(node.prompt, node.bargeIn)}${gotoXml(node.next)}</block></form>`];
    case 'menu':
      return menuXml(id, node);
    case 'input':
      return inputXml(id, node);
    case 'branch': {
      if (node.cases.length === 0) return [`<form id="${escapeXml(id)}"><block>${gotoXml(node.otherwise)}</block></form>`];
      const arms = node.cases.map((c, index) => `${index === 0 ? '' : '<elseif'}${index === 0 ? '' : ` cond="${escapeXml(conditionExpression(c.when))}"/>`}${gotoXml(c.next)}`);
      const first = escapeXml(conditionExpression((node.cases[0] as (typeof node.cases)[number]).when));
      return [`<form id="${escapeXml(id)}"><block><if cond="${first}">${arms.join('')}<else/>${gotoXml(node.otherwise)}</if></block></form>`];
    }
    case 'agent': {
      const attrs = attributes({
        name: 'agent', type: 'blind', dest: node.queue === undefined ? 'tel:agent' : `queue:${node.queue}`, 'ivr:agent': true, 'ivr:queue': node.queue,
        'ivr:medianSeconds': node.wait?.medianSeconds, 'ivr:p90Seconds': node.wait?.p90Seconds,
        'ivr:callback': node.callback, 'ivr:kind': node.kind,
      });
      return [`<form id="${escapeXml(id)}"><transfer${attrs}>${promptXml(node.prompt)}</transfer></form>`];
    }
    case 'hangup':
      return [`<form id="${escapeXml(id)}"><block>${promptXml(node.prompt)}<disconnect${attributes({ 'ivr:reason': node.reason })}/></block></form>`];
  }
}

/** The menu's own metadata, for `<meta name="ivr-menu">`. */
function metadata(menu: Menu): string {
  const { id, name, organization, sector, phone, locale, timing, hours } = menu;
  return JSON.stringify({ id, name, organization, sector, phone, locale, timing, hours });
}

/** One VoiceXML 2.1 document; the start node is the first dialog. */
export function exportVoiceXml(menu: Menu): string {
  const order = [menu.start, ...Object.keys(menu.nodes).filter((id) => id !== menu.start)];
  const body = order.flatMap((id) => {
    const node = menu.nodes[id];
    return node === undefined ? [] : nodeXml(id, node).map((line) => `  ${line}`);
  });
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<vxml version="2.1" xmlns="http://www.w3.org/2001/vxml" xmlns:ivr="${IVR_NAMESPACE}" xml:lang="${escapeXml(menu.locale)}">`,
    `  <meta name="title" content="${escapeXml(menu.name)}"/>`,
    `  <meta name="ivr-menu" content="${escapeXml(metadata(menu))}"/>`,
    ...body,
    '</vxml>',
    '',
  ].join('\n');
}
