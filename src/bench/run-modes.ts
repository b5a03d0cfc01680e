/**
 * How the benchmark starts the product. Production = compiled JavaScript with a small young generation, exactly as
 * package.json's "start:prod" runs it (a test keeps the two equal): a bot allocates little per request, and V8's
 * default 16 MB semi-spaces, once grown while parsing the knowledge, stay committed for the life of the process.
 */
export const PRODUCTION_NODE_FLAGS = ['--max-semi-space-size=4'];
export const COMPILED = {
  measure: 'dist/src/bench/measure.js',
  main: 'dist/src/main.js',
  servers: 'dist/src/bench/servers.js',
};
export const DEV = { measure: ['--import', 'tsx', 'src/bench/measure.ts'], main: ['--import', 'tsx', 'src/main.ts'] };
