import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts', 'tests/**/*.test.tsx'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    // CI and FORCE_COLOR change what Ink and chalk draw: removed for every test (see the file).
    setupFiles: ['tests/setup/environment.ts'],
  },
});
