/**
 * The same environment for the tests on every machine: variables that a
 * shell or a CI job may set and that change what Ink and chalk draw are
 * removed before any test module loads (vitest runs this first in each file).
 *
 * - CI, CONTINUOUS_INTEGRATION: Ink, when first imported, would draw only the
 *   last frame; the screen tests read every frame. The CLI switches that mode
 *   off itself (src/cli/live-terminal.ts); the tmux test proves it by running
 *   the CLI with CI=true.
 * - FORCE_COLOR: chalk would write styles into frames that the tests measure
 *   by length, and Node warns on stderr when NO_COLOR is also set.
 *
 * The language of messages is pinned where a test spawns the CLI.
 */
for (const name of ['CI', 'CONTINUOUS_INTEGRATION', 'FORCE_COLOR']) delete process.env[name];
export {};
