/**
 * The repository contract: one suite, run unchanged against every backend (SQLite in `npm test`, a real PostgreSQL
 * server in `npm run test:pg`). Entries, revisions and history, optimistic concurrency, import all or nothing,
 * pending imports, settings, statistics, per-server isolation, revisions for caches, migrations on reopen.
 */
import { describe, expect, it } from 'vitest';
import type { EntryInput } from '../../src/storage/entry-schema.js';
import { ConflictError, NotFoundError, type KnowledgeRepository } from '../../src/storage/repository.js';

export interface Backend<R extends KnowledgeRepository> {
  /** A new, empty store. */
  fresh(): Promise<R>;
  /** The same store opened again by a new repository (a restart), migrations included. */
  reopen(repo: R): Promise<R>;
  schemaVersion(repo: R): Promise<number>;
  /** Makes every `action` on `table` fail with `message` until the returned function is called (a fault). */
  refuseWrites(repo: R, table: string, action: 'INSERT' | 'UPDATE', message: string): Promise<() => Promise<void>>;
}

const A = '900000000000000001';
const B = '900000000000000002';
const faq = (title: string, body = 'Our answer.'): EntryInput => ({ kind: 'faq', title, aliases: [], body });

export function repositoryContract<R extends KnowledgeRepository>(name: string, backend: Backend<R>): void {
  describe(`repository contract: ${name}`, () => {
    it('runs every migration once, and keeps the data across a reopen', async () => {
      const repo = await backend.fresh();
      expect(await backend.schemaVersion(repo)).toBe(2);
      await repo.addEntry(A, faq('What interface do we recommend?'), 'mod');
      const again = await backend.reopen(repo);
      expect(await backend.schemaVersion(again)).toBe(2);
      expect((await again.listEntries(A)).map((e) => e.input)).toEqual([faq('What interface do we recommend?')]);
      await again.close();
    });

    it('keeps servers apart and versions every edit, refusing a stale one', async () => {
      const repo = await backend.fresh();
      const e = await repo.addEntry(A, faq('Which interface does this server recommend?'), 'alice');
      expect(e).toMatchObject({ guildId: A, version: 1, deleted: false, updatedBy: 'alice' });
      expect(await repo.listEntries(B)).toEqual([]);
      expect(await repo.getEntry(B, e.id)).toBeNull();
      const v2 = await repo.updateEntry(
        A,
        e.id,
        faq('Which interface does this server recommend?', 'New.'),
        1,
        'alice',
      );
      expect(v2.version).toBe(2);
      const stale = repo.updateEntry(A, e.id, faq('Which interface does this server recommend?', 'Bob'), 1, 'bob');
      await expect(stale).rejects.toBeInstanceOf(ConflictError);
      await expect(stale).rejects.toMatchObject({ current: { version: 2 } });
      await expect(repo.updateEntry(B, e.id, faq('Not theirs to edit'), 2, 'eve')).rejects.toBeInstanceOf(
        NotFoundError,
      );
      expect((await repo.getEntry(A, e.id))!.input).toMatchObject({ body: 'New.' });
      await repo.removeEntry(A, e.id, 'alice');
      expect(await repo.listEntries(A)).toEqual([]);
      expect((await repo.listEntries(A, { includeDeleted: true }))[0]).toMatchObject({ deleted: true });
      await repo.restoreEntry(A, e.id, 'alice');
      expect((await repo.history(A, e.id)).map((r) => `${r.version}:${r.action}:${r.actor}`)).toEqual([
        '1:add:alice',
        '2:edit:alice',
        '3:remove:alice',
        '4:restore:alice',
      ]);
      expect(await repo.history(B, e.id)).toEqual([]);
      await repo.close();
    });

    it('lets exactly one of two simultaneous edits of the same version win', async () => {
      const repo = await backend.fresh();
      const e = await repo.addEntry(A, faq('Who wins the race?'), 'mod');
      const results = await Promise.allSettled([
        repo.updateEntry(A, e.id, faq('Who wins the race?', 'Alice'), 1, 'alice'),
        repo.updateEntry(A, e.id, faq('Who wins the race?', 'Bob'), 1, 'bob'),
      ]);
      expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
      const lost = results.find((r) => r.status === 'rejected') as PromiseRejectedResult;
      expect(lost.reason).toBeInstanceOf(ConflictError);
      expect((await repo.history(A, e.id)).map((r) => r.version)).toEqual([1, 2]);
      await repo.close();
    });

    it('imports all or nothing', async () => {
      const repo = await backend.fresh();
      const existing = await repo.addEntry(A, faq('Existing entry question'), 'mod');
      const items = [{ input: faq('First imported question') }, { id: existing.id, input: faq('Existing, edited') }];
      const allow = await backend.refuseWrites(repo, 'entries', 'UPDATE', 'boom');
      await expect(repo.importEntries(A, items, 'mod')).rejects.toThrow(/boom/);
      expect((await repo.listEntries(A)).map((e) => e.input)).toEqual([faq('Existing entry question')]);
      const before = await repo.revision(A);
      await allow();
      expect(await repo.importEntries(A, items, 'mod')).toEqual({ added: 1, changed: 1 });
      expect(await repo.revision(A)).toBe(before + 1);
      // unchanged content is not a change
      expect(await repo.importEntries(A, [{ id: existing.id, input: faq('Existing, edited') }], 'mod')).toEqual({
        added: 0,
        changed: 0,
      });
      await repo.close();
    });

    it('hands a pending import out once, to its own server only', async () => {
      const repo = await backend.fresh();
      const id = await repo.savePendingImport(A, [{ input: faq('Pending question') }]);
      expect(await repo.takePendingImport(B, id)).toBeNull();
      expect(await repo.takePendingImport(A, id)).toEqual([{ input: faq('Pending question') }]);
      expect(await repo.takePendingImport(A, id)).toBeNull();
      await repo.close();
    });

    it('bumps a server revision on every knowledge write, and only that server', async () => {
      const repo = await backend.fresh();
      expect(await repo.revision(A)).toBe(0);
      const e = await repo.addEntry(A, faq('Revision one question'), 'mod');
      await repo.updateEntry(A, e.id, faq('Revision two question'), 1, 'mod');
      await repo.removeEntry(A, e.id, 'mod');
      await repo.removeEntry(A, e.id, 'mod'); // already removed: nothing changes
      expect(await repo.revision(A)).toBe(3);
      await repo.updateSettings(A, { confidence: 0.7 });
      await repo.recordQuestion(A, 'not a knowledge write', null);
      expect(await repo.revision(A)).toBe(3);
      expect(await repo.revision(B)).toBe(0);
      await repo.close();
    });

    it('stores settings and statistics per server', async () => {
      const repo = await backend.fresh();
      await repo.updateSettings(A, { chatChannels: ['333333333333333334'], confidence: 0.7 });
      await repo.updateSettings(A, { targetSpl: 105 });
      expect(await repo.getSettings(A)).toEqual({
        chatChannels: ['333333333333333334'],
        confidence: 0.7,
        cooldownSeconds: null,
        targetSpl: 105,
        editorRoleId: null,
      });
      expect((await repo.getSettings(B)).chatChannels).toEqual([]);
      await repo.recordQuestion(A, 'are headphones input or output', 'headphones-input-or-output');
      await repo.recordQuestions([
        { guildId: A, question: 'how loud is a jet engine in my cans', answeredKey: null },
        { guildId: A, question: 'input or output again', answeredKey: 'headphones-input-or-output' },
        { guildId: B, question: 'a question elsewhere', answeredKey: null },
      ]);
      expect(await repo.recordNotWhatIAsked(A, 'dac-vs-amp')).toBe(1);
      expect(await repo.recordNotWhatIAsked(A, 'dac-vs-amp')).toBe(2);
      const s = await repo.stats(A);
      expect(s.topAsked).toEqual([{ key: 'headphones-input-or-output', count: 2 }]);
      expect(s.notWhatIAsked).toEqual([{ key: 'dac-vs-amp', count: 2 }]);
      expect(s.gaps.map((g) => g.question)).toEqual(['how loud is a jet engine in my cans']);
      expect(await repo.gap(A, s.gaps[0]!.id)).toBe('how loud is a jet engine in my cans');
      expect(await repo.gap(B, s.gaps[0]!.id)).toBeNull();
      expect((await repo.stats(B)).gaps.map((g) => g.question)).toEqual(['a question elsewhere']);
      await repo.close();
    });
  });
}
