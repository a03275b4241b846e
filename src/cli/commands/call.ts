/**
 * `ivr call [menu]`: dial through a menu in the terminal (Ink), or headless
 * with `--script`. Ink and React are imported only when a screen is shown,
 * so the headless mode and every other command start without them.
 */
import { existsSync, statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Command } from 'commander';
import { describeMoment, usageError, type Menu, type Situation } from '../../model/index.js';
import type { CallSession } from '../../machine/index.js';
import type { CliContext } from '../context.js';
import { drawLiveFrames } from '../live-terminal.js';
import { loadMenuFile } from '../load-menu-file.js';
import { addSituationOptions, situationFrom, unusedSituationNames, type SituationFlags } from '../situation-options.js';
import { eraseLines, splashLines } from '../../tui/splash.js';
import { checkTranscriptTarget, onInterrupt, saveTranscript, transcriptJson, transcriptText } from '../transcript.js';

interface CallFlags extends SituationFlags {
  script?: string;
  speed: string;
  json?: boolean;
  transcript?: string;
  coach?: boolean;
  maxMb: string;
}

/** The bundled demo line, found beside the package (src/ or dist/), never from the working directory. */
const DEMO_MENU = fileURLToPath(new URL('../../../menus/demo-bank.json', import.meta.url));

const DEFAULT_SPEED = 4;

function parseSpeed(text: string): number {
  const speed = Number(text);
  if (!Number.isFinite(speed) || speed <= 0 || speed > 1000) {
    throw usageError('bad_option', {
      en: `--speed "${text}" must be a number above 0 and at most 1000 (1 is real time, 4 the default).`,
      'zh-CN': `--speed "${text}" 必须是大于 0、不超过 1000 的数(1 为实时,默认 4)。`,
    });
  }
  return speed;
}

const NO_TTY = {
  en: 'ivr call needs a terminal to show the call screen. Without one, give a script: ivr call menu.json --script "wait,1,say:agent,0" (keys 0-9 * #, say:<words>, wait; see ivr call --help).',
  'zh-CN': 'ivr call 需要终端来显示通话界面。没有终端时请给出脚本:ivr call menu.json --script "wait,1,say:人工,0"(按键 0-9 * #、say:<话语>、wait;见 ivr call --help)。',
};

async function headless(menu: Menu, situation: Situation, script: string, flags: CallFlags, context: CliContext): Promise<void> {
  const { runScript } = await import('../../machine/index.js');
  const transcript = runScript(menu, situation, script);
  if (flags.transcript !== undefined) saveTranscript(flags.transcript, transcript, situation);
  // The moment heads the output as in `ivr escape`: hours decide where branches go.
  const heading = `${menu.name} · ${describeMoment(situation.moment)} · script "${script}"`;
  context.out(flags.json ? transcriptJson(transcript, situation).trimEnd() : `${heading}\n${transcriptText(transcript, menu)}`);
}

type Screen = typeof import('../../tui/screen.js');

/** A bundle older than the compiled modules (tsc ran, the bundle step did not) would run stale code. */
function bundleIsCurrent(bundle: URL, modules: URL): boolean {
  return existsSync(bundle) && (!existsSync(modules) || statSync(bundle).mtimeMs >= statSync(modules).mtimeMs);
}

/**
 * The call screen's code: the one-file bundle the build makes
 * (scripts/bundle-call.mjs), or, where there is none (running from src/, a
 * build without the bundle step), the same modules one by one.
 */
async function loadScreen(): Promise<Screen> {
  const bundle = new URL('../../tui/screen.bundle.js', import.meta.url);
  if (bundleIsCurrent(bundle, new URL('../../tui/screen.js', import.meta.url))) return (await import(bundle.href)) as Screen;
  // React's development build keeps debugging data for every update: memory grows all call long (bench/call.mjs).
  // It is chosen when React is first imported, which is just below. (The bundle has the production build.)
  process.env.NODE_ENV ??= 'production';
  return import('../../tui/screen.js');
}

async function interactive(menu: Menu, situation: Situation, speed: number, flags: CallFlags, context: CliContext): Promise<void> {
  // The header goes up at once; Ink's first frame replaces it when the screen's code has loaded.
  const splash = splashLines(menu, describeMoment(situation.moment), speed, process.stdout.columns ?? 80);
  process.stdout.write(`${splash.join('\n')}\n`);
  drawLiveFrames();
  const { startCall, transcriptOf, renderCall, realTicker, colorWanted } = await loadScreen();
  process.stdout.write(eraseLines(splash.length));
  const session: CallSession = startCall(menu, situation);
  const save = () => {
    if (flags.transcript !== undefined) saveTranscript(flags.transcript, transcriptOf(menu, session), situation);
  };
  const instance = renderCall(
    { menu, situation, session, ticker: realTicker(), speed, color: colorWanted(context.env), coach: flags.coach ?? false },
    { stdin: process.stdin, stdout: process.stdout, stderr: process.stderr },
  );
  const release = onInterrupt((why) => {
    if (why === 'signal') session.send({ type: 'HANGUP' });
    instance.unmount();
    save();
  });
  try {
    await instance.waitUntilExit();
  } finally {
    release();
    save();
  }
}

export function register(program: Command, context: CliContext): void {
  const command = program
    .command('call')
    .description('call a menu in the terminal (keypad, speech, coach), or headless with --script; no menu: the bundled demo line')
    .argument('[menu]', 'an ivr-menu/1 JSON file (default: the bundled demo line menus/demo-bank.json)');
  addSituationOptions(command)
    .option('--script <tokens>', 'headless: comma-separated keys 0-9 * #, say:<words>, wait (the "script" of ivr escape --json)')
    .option('--speed <n>', 'simulated seconds per real second on the call screen (1 is real time)', String(DEFAULT_SPEED))
    .option('--coach', 'show the coach from the start (h toggles it)')
    .option('--json', 'headless: print the transcript as JSON')
    .option('--transcript <file>', 'save the transcript as JSON (written atomically, also when the call is interrupted)')
    .option('--max-mb <n>', 'refuse menu files larger than this many megabytes', '64')
    .addHelpText('after', `
On the call screen: 0-9 * # press a key · / or s open a line to say words (Enter says it) ·
h coach · space skip ahead to the next thing that happens · q or Ctrl-C hang up.

Script tokens: a key is pressed as soon as the menu accepts keys (at once where barge-in is on);
say:<words> is said as soon as speech is accepted; wait lets the current step move on by itself.
After the script the caller stays silent until the call ends or 30 simulated minutes pass.

Exit codes: 0 the call ran (whatever its outcome), 2 bad input, or no terminal and no --script.

Example:
  $ ivr call menus/demo-bank.json --at "tue 10:00" --script "3"
  Northwind Savings Bank customer line (demo) · tue 10:00 · script "3"
       0.0 s  welcome        enter
       5.6 s  main           enter
       5.6 s  main           press 3
       6.1 s  hoursForSales  enter
       6.1 s  salesQueue     enter
       6.1 s  salesQueue     end
  Outcome: a person answers at salesQueue after 6.1 s of menu time, then a hold of ≈ 35 s (median)`)
    .action(async (file: string | undefined, flags: CallFlags) => {
      const maxBytes = context.maxBytes(flags.maxMb);
      const speed = parseSpeed(flags.speed);
      const situation = situationFrom(flags, context.now);
      // A bad file is named before the missing terminal: it is wrong either way.
      const { menu } = loadMenuFile(file ?? DEMO_MENU, maxBytes);
      if (flags.script === undefined && !(context.stdinIsTTY && context.stdoutIsTTY)) throw usageError('no_terminal', NO_TTY);
      // Said before the call, not after it: a live call may last many minutes.
      if (flags.transcript !== undefined) checkTranscriptTarget(flags.transcript);
      for (const warning of await unusedSituationNames(menu, flags, context.locale)) context.err(warning);
      if (flags.script !== undefined) await headless(menu, situation, flags.script, flags, context);
      else await interactive(menu, situation, speed, flags, context);
    });
}
