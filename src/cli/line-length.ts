/**
 * `npm run lint`'s second half: no line of TypeScript over 120 characters. Biome's formatter keeps code within the
 * width but cannot break a long string, template or regular expression; this check catches those (characters, not
 * bytes: "Ω" and "—" count once).
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { PROJECT_ROOT } from '../paths.js';

const MAX_LINE = 120;
const FOLDERS = ['src', 'commands', 'test'];

function* tsFiles(dir: string): Generator<string> {
  for (const name of readdirSync(dir).sort()) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) yield* tsFiles(path);
    else if (name.endsWith('.ts')) yield path;
  }
}

const root = PROJECT_ROOT;
const long: string[] = [];
for (const folder of FOLDERS) {
  for (const file of tsFiles(join(root, folder))) {
    readFileSync(file, 'utf8')
      .split('\n')
      .forEach((line, i) => {
        const length = [...line].length;
        if (length > MAX_LINE) long.push(`${relative(root, file)}:${i + 1}: ${length} characters`);
      });
  }
}
if (long.length) {
  console.error(`${long.length} line(s) over ${MAX_LINE} characters:\n${long.join('\n')}`);
  process.exit(1);
}
console.log(`✓ no line over ${MAX_LINE} characters`);
