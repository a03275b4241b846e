/**
 * The command table: builds the commander program from the registered
 * commands, and runs it with one catch that prints problems and sets the exit
 * code (0 done, 1 a finding the user asked to fail on, 2 bad input or usage).
 */
import { Command, CommanderError } from 'commander';
import { IvrError } from '../model/index.js';
import { commands } from './commands/index.js';
import { parseMaxMb, type CliContext } from './context.js';
import { formatIssues } from './output.js';

const VERSION = '0.1.0';

/**
 * The command a command line asks for: its first word that is not an option
 * (`help escape` asks for `escape`). Undefined for `ivr`, `ivr --help`, `ivr help`.
 */
function requestedCommand(argv: readonly string[]): string | undefined {
  const words: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] as string;
    if (arg === '--lang') i++;
    else if (!arg.startsWith('-')) words.push(arg);
  }
  return words[0] === 'help' ? words[1] : words[0];
}

/** The program with the requested command registered, or every command when none (or an unknown one) is named. */
async function buildProgram(context: CliContext, argv: readonly string[] = []): Promise<Command> {
  const program = new Command('ivr')
    .description('ivr-escape: model phone menus, call them in the terminal, and find the fastest way out to a human.')
    .version(VERSION)
    .option('--lang <locale>', 'language of messages: en or zh-CN (default from LANG)')
    .showSuggestionAfterError(true)
    .exitOverride()
    .configureOutput({ writeOut: (s) => context.out(s.replace(/\n$/, '')), writeErr: (s) => context.err(s.replace(/\n$/, '')) });
  const wanted = requestedCommand(argv);
  const named = commands.filter((entry) => entry.name === wanted);
  for (const entry of named.length > 0 ? named : commands) (await entry.load()).register(program, context);
  for (const command of program.commands) command.exitOverride();
  return program;
}

/** Runs the CLI; never throws. */
export async function runCli(argv: string[], context: CliContext): Promise<void> {
  try {
    const program = await buildProgram(context, argv);
    await program.parseAsync(argv, { from: 'user' });
  } catch (error) {
    if (error instanceof CommanderError) {
      // --help and --version end with code 0; every parse error is a usage error.
      context.setExitCode(error.exitCode === 0 ? 0 : 2);
      return;
    }
    if (error instanceof IvrError) {
      context.err(formatIssues(error.issues, error.file, context.locale));
      context.setExitCode(error.exitCode);
      return;
    }
    const detail = error instanceof Error ? error.message : String(error);
    context.err(`ivr: internal error: ${detail}\nThis is a bug in ivr-escape; please report it with the command you ran.`);
    context.setExitCode(70);
  }
}

export { parseMaxMb };
