/** /kb remove — takes an entry out of this server's answers; its history stays and /kb restore brings it back. */
import { entryLabel } from '../../src/storage/entry-knowledge.js';
import { actor, entryId, entryOption, ephemeral } from './shared.js';
import type { KbSubcommand } from './subcommand.js';

const remove: KbSubcommand = {
  name: 'remove',
  description: 'Remove an entry (it can be restored)',
  options: entryOption,
  async run(interaction, ctx, guildId) {
    const id = entryId(interaction);
    if (id === null) return ephemeral(interaction, 'Pick an entry from the list.');
    const entry = await ctx.repo.removeEntry(guildId, id, actor(interaction));
    return ephemeral(
      interaction,
      `Removed entry **#${entry.id}** (${entryLabel(entry)}). \`/kb restore\` brings it back.`,
    );
  },
};

export default remove;
