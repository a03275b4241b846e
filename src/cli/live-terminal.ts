/**
 * Ink's CI mode, switched off where we draw on a terminal.
 *
 * Ink reads the CI and CONTINUOUS_INTEGRATION variables once, when it is first
 * imported; with either set it draws nothing until the app ends, then only the
 * last frame (meant for build logs). The call screen and compare's progress
 * bar are drawn only when the CLI has seen a terminal (isTTY), so such a
 * variable, left in a shell or inherited by a terminal opened inside a CI job,
 * would blank the screen for the whole call. Call this just before Ink loads.
 */
const INK_CI_VARIABLES = ['CI', 'CONTINUOUS_INTEGRATION'] as const;

export function drawLiveFrames(env: NodeJS.ProcessEnv = process.env): void {
  for (const name of INK_CI_VARIABLES) delete env[name];
}
