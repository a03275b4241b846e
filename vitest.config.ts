import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts', 'tests/**/*.test.tsx'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    // Ink reads CI when first imported and then draws only the last frame; the screen tests
    // assert every frame, as a terminal shows them. The CLI switches that mode off itself
    // (src/cli/live-terminal.ts), which the tmux test proves by running it with CI=true.
    env: { CI: 'false', CONTINUOUS_INTEGRATION: 'false' },
  },
});
