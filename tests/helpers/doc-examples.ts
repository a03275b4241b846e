/**
 * Examples pasted in the docs: a fenced block that starts with `$ ivr …`,
 * the command's output under it. The doc-example tests run each command and
 * compare.
 */
import { readFileSync } from 'node:fs';

export interface DocExample {
  /** the command line after `$ `, e.g. `ivr escape menus/demo-bank.json --at "tue 10:00"` */
  command: string;
  /** the lines pasted under it */
  output: string;
}

/** `ivr call a "b c"` → ['call', 'a', 'b c']: the quoting the docs use, double quotes only. */
export function argvOf(command: string): string[] {
  return [...command.matchAll(/"([^"]*)"|(\S+)/g)].map((match) => match[1] ?? match[2] ?? '').slice(1);
}

/** The examples of a doc page whose command is one of `commands` (`ivr escape`, `ivr audit`, …). */
export function docExamples(page: string, commands: readonly string[]): DocExample[] {
  const markdown = readFileSync(page, 'utf8');
  return [...markdown.matchAll(/```[a-z]*\n\$ (?:npx )?(ivr [^\n]*)\n([\s\S]*?)\n```/g)]
    .map((match) => ({ command: match[1] ?? '', output: match[2] ?? '' }))
    .filter((example) => commands.some((command) => example.command.startsWith(`${command} `)));
}
