/**
 * How fast the hardened XML reader refuses a billion-laughs document (nine
 * levels of ten entity references, 10^9 "lol"s if expanded), next to reading
 * a harmless document of the same size: JSON.parse of a JSON text and our
 * XML reader (fast-xml-parser) of an XML text, both as long as the attack.
 * The refusal must not depend on the expansion, so it should cost about as
 * much as reading a harmless file, not more. Tests assert the structure (the
 * parser never sees the DTD); the time lives here. Part of `npm run bench`;
 * alone: `node bench/xml-refusal.mjs` after the bench build.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { ROOT, fromDist } from './paths.mjs';

/** The issue's bound for the refusal. */
export const REFUSAL_TARGET_MS = 100;
const CALLS = 2_000;
const ROUNDS = 7;

/** The billion-laughs document of the XML safety test. */
export function billionLaughs() {
  return readFileSync(join(ROOT, 'tests', 'fixtures', 'importers', 'voicexml', 'billion-laughs.vxml'), 'utf8');
}

/** A harmless VoiceXML text padded with prompts to `length` characters. */
function harmlessXml(length) {
  const open = '<?xml version="1.0"?>\n<vxml version="2.1"><form><block>';
  const close = '</block></form></vxml>';
  const line = '<prompt>Thank you for calling.</prompt>\n';
  let body = '';
  while (open.length + body.length + line.length + close.length <= length) body += line;
  return `${open}${body}${' '.repeat(length - open.length - body.length - close.length)}${close}`;
}

/** A harmless JSON text of `length` characters. */
function harmlessJson(length) {
  const items = [];
  let text = '';
  while (JSON.stringify({ prompts: [...items, 'Thank you for calling.'] }).length <= length) {
    items.push('Thank you for calling.');
    text = JSON.stringify({ prompts: items });
  }
  return text.slice(0, -2) + ' '.repeat(length - text.length) + ']}';
}

/** Median over rounds of the mean time of one call, in milliseconds. */
function perCallMs(run) {
  const rounds = [];
  for (let round = 0; round < ROUNDS; round++) {
    const started = performance.now();
    for (let call = 0; call < CALLS; call++) run();
    rounds.push((performance.now() - started) / CALLS);
  }
  return rounds.sort((a, b) => a - b)[Math.floor(ROUNDS / 2)];
}

export async function xmlRefusalFigures() {
  const { parseXml } = await fromDist('importers/xml.js');
  const attack = billionLaughs();
  const xml = harmlessXml(attack.length);
  const json = harmlessJson(attack.length);
  const refuse = () => {
    try {
      parseXml('lolz.xml', attack);
    } catch (error) {
      if (error?.issues?.[0]?.code === 'xml_dtd_refused') return;
      throw error;
    }
    throw new Error('the billion-laughs document was accepted');
  };
  return {
    bytes: attack.length,
    refusalMs: perCallMs(refuse),
    jsonParseMs: perCallMs(() => JSON.parse(json)),
    xmlReadMs: perCallMs(() => parseXml('ok.xml', xml)),
  };
}

const format = (value) => (value < 0.01 ? value.toFixed(4) : value.toFixed(3));

/** Two lines for the Targets list of bench/run.mjs: the bound, then the comparison. */
export function printXmlRefusal(figures) {
  const { bytes, refusalMs, jsonParseMs, xmlReadMs } = figures;
  console.log(`  billion-laughs XML refused < ${REFUSAL_TARGET_MS} ms: ${format(refusalMs)} ms — ${refusalMs < REFUSAL_TARGET_MS ? 'met' : 'MISSED'}`);
  console.log(`    (${bytes} bytes, median of ${ROUNDS} × ${CALLS} calls; a harmless file of the same size: JSON.parse ${format(jsonParseMs)} ms,`
    + ` our XML reader ${format(xmlReadMs)} ms; refusal / JSON.parse ${(refusalMs / jsonParseMs).toFixed(2)}×, refusal / XML read ${(refusalMs / xmlReadMs).toFixed(2)}×)`);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  printXmlRefusal(await xmlRefusalFigures());
}
