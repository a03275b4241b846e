/**
 * Every JSON example of the docs that is a menu document loads without
 * errors; blocks marked ```json broken must be refused. Runs over all
 * docs/*.md, so pages other engineers add are checked too.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FORMAT_ID, loadMenu } from '../../src/model/index.js';

const docsDir = join(import.meta.dirname, '..', '..', 'docs');

interface Example {
  page: string;
  line: number;
  text: string;
  broken: boolean;
}

/** Fenced ```json blocks of a Markdown page, with the line each starts on. */
function jsonBlocks(page: string, markdown: string): Example[] {
  const blocks: Example[] = [];
  const lines = markdown.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const fence = /^```json(\s+broken)?\s*$/.exec(lines[i] as string);
    if (!fence) continue;
    const end = lines.indexOf('```', i + 1);
    if (end === -1) throw new Error(`${page}:${i + 1}: a json block is not closed`);
    blocks.push({ page, line: i + 1, text: lines.slice(i + 1, end).join('\n'), broken: fence[1] !== undefined });
    i = end;
  }
  return blocks;
}

const pages = readdirSync(docsDir).filter((name) => name.endsWith('.md')).sort();
const menuExamples = pages
  .flatMap((page) => jsonBlocks(page, readFileSync(join(docsDir, page), 'utf8')))
  .filter((example) => example.text.includes(`"format": "${FORMAT_ID}"`));

describe('menu examples in docs/*.md', () => {
  it('docs/menu-format.md has menu examples, working and broken', () => {
    const own = menuExamples.filter((example) => example.page === 'menu-format.md');
    expect(own.filter((example) => !example.broken).length).toBeGreaterThanOrEqual(3);
    expect(own.filter((example) => example.broken).length).toBeGreaterThanOrEqual(1);
  });

  it.each(menuExamples.map((example) => [`${example.page}:${example.line}${example.broken ? ' (broken)' : ''}`, example] as const))(
    '%s',
    (_where, example) => {
      const result = loadMenu(example.text);
      if (example.broken) expect(result.ok).toBe(false);
      else expect(result.ok ? [] : result.issues.map((i) => `${i.line}:${i.column} ${i.message.en}`)).toEqual([]);
    },
  );
});

describe('jsonBlocks', () => {
  it('finds plain and broken blocks with their lines, and skips other languages', () => {
    const markdown = ['# t', '```json', '{"a": 1}', '```', '```text', 'x', '```', '```json broken', '{', '```'].join('\n');
    expect(jsonBlocks('t.md', markdown)).toEqual([
      { page: 't.md', line: 2, text: '{"a": 1}', broken: false },
      { page: 't.md', line: 8, text: '{', broken: true },
    ]);
  });
});
