/** /kb restore — brings a removed entry back (a new version in its history). */
import { entryLabel } from '../../src/storage/entry-knowledge.js';
import { actor, entryId, entryOption, ephemeral } from './shared.js';
import type { KbSubcommand } from './subcommand.js';

const restore: KbSubcommand = {
  name: 'restore',
  description: 'Restore a removed entry',
  options: entryOption,
  async run(interaction, ctx, guildId) {
    const id = entryId(interaction);
    if (id === null) return ephemeral(interaction, 'Pick an entry from the list.');
    const entry = await ctx.repo.restoreEntry(guildId, id, actor(interaction));
    return ephemeral(interaction, `Restored entry **#${entry.id}** (${entryLabel(entry)}).`);
  },
};

export default restore;
