/**
 * Child process for the concurrency test: waits for the start file, then runs `count` mixed writes (add, edit,
 * remove/restore, settings, statistics, "not what I asked") on a shared database and prints one JSON line with how
 * many succeeded and every error it met.
 */
import { existsSync } from 'node:fs';
import { SqliteRepository } from '../../src/storage/sqlite.js';

const [file, name, countArg, startFlag] = process.argv.slice(2);
const count = Number(countArg);
const GUILD = '222222222222222222';

// Every writer opens the database at the same moment (the migration race), then writes at the same moment.
while (startFlag && !existsSync(startFlag)) await new Promise((r) => setTimeout(r, 5));
const errors: string[] = [];
let ok = 0;
let repo: SqliteRepository | null = null;
try {
  repo = new SqliteRepository(file!);
} catch (err) {
  errors.push(`open: ${(err as Error).message}`);
}
const mine: { id: number; version: number }[] = [];
for (let i = 0; repo && i < count; i++) {
  try {
    const op = i % 6;
    if (op === 0 || mine.length === 0) {
      const e = await repo.addEntry(
        GUILD,
        { kind: 'faq', title: `${name} topic ${i}`, aliases: [`${name} alias ${i}`], body: `Body ${i} of ${name}.` },
        name!,
      );
      mine.push({ id: e.id, version: e.version });
    } else if (op === 1) {
      const target = mine[i % mine.length]!;
      const e = await repo.updateEntry(
        GUILD,
        target.id,
        { kind: 'faq', title: `${name} topic ${i} edited`, aliases: [], body: `Edited ${i}.` },
        target.version,
        name!,
      );
      target.version = e.version;
    } else if (op === 2) {
      const target = mine[i % mine.length]!;
      const removed = await repo.removeEntry(GUILD, target.id, name!);
      const restored = await repo.restoreEntry(GUILD, target.id, name!);
      target.version = Math.max(removed.version, restored.version);
    } else if (op === 3) {
      await repo.updateSettings(GUILD, { confidence: 0.5 + (i % 40) / 100 });
    } else if (op === 4) {
      await repo.recordQuestions([{ guildId: GUILD, question: `${name} asks ${i}`, answeredKey: 'dac-vs-amp' }]);
    } else {
      await repo.recordNotWhatIAsked(GUILD, 'dac-vs-amp');
    }
    ok += 1;
  } catch (err) {
    errors.push(`${i}: ${(err as Error).message}`);
  }
}
await repo?.close();
process.stdout.write(`${JSON.stringify({ name, ok, errors: errors.slice(0, 20), failures: errors.length })}\n`);
