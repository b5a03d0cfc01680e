import { defineConfig } from 'vitest/config';

/** `npm test` runs everything but test/pg; `npm run test:pg` (HEADROOM_PG=1) runs test/pg against a real server. */
const pgOnly = Boolean(process.env.HEADROOM_PG);

export default defineConfig({
  test: {
    include: pgOnly ? ['test/pg/**/*.test.ts'] : ['test/**/*.test.ts'],
    exclude: pgOnly ? ['node_modules/**'] : ['node_modules/**', 'test/pg/**'],
    testTimeout: 20_000,
    hookTimeout: 20_000,
  },
});
