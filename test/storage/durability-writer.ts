/** Child process for the durability test: adds entries and prints "ACK <id>" after each committed write. */
import { SqliteRepository } from '../../src/storage/sqlite.js';

const [file, prefix] = process.argv.slice(2);
const repo = new SqliteRepository(file!);
for (let i = 0; ; i++) {
  const entry = await repo.addEntry(
    '222222222222222222',
    { kind: 'faq', title: `${prefix} question ${i}`, aliases: [], body: `Answer ${i} `.repeat(50) },
    'durability-test',
  );
  process.stdout.write(`ACK ${entry.id}\n`);
}
