/**
 * /kb edit — opens an FAQ entry in a form; the form's custom id carries the entry and the version it showed, so a
 * save over someone else's newer version is refused (optimistic concurrency), never silently overwritten.
 */
import { entryFromModal, entryModal } from '../../src/discord/entry-modal.js';
import { actor, entryId, entryOption, ephemeral, inServer, validateEntry } from './shared.js';
import type { KbSubcommand } from './subcommand.js';

const EDIT_MODAL = 'kbedit:';

const edit: KbSubcommand = {
  name: 'edit',
  description: 'Edit an entry (opens a form)',
  options: entryOption,
  async run(interaction, ctx, guildId) {
    const id = entryId(interaction);
    const entry = id !== null ? await ctx.repo.getEntry(guildId, id) : null;
    if (!entry || entry.deleted)
      return ephemeral(interaction, 'No such entry in this server (pick one from the list).');
    if (entry.input.kind !== 'faq')
      return ephemeral(
        interaction,
        `Entry #${entry.id} is a ${entry.input.kind}: remove it and add it again with the new figures.`,
      );
    return interaction.showModal(
      entryModal(`${EDIT_MODAL}${entry.id}:${entry.version}`, `Edit entry #${entry.id}`, entry.input),
    );
  },
  modals: {
    [EDIT_MODAL]: (interaction, payload, ctx) =>
      inServer(interaction, async (guildId) => {
        const [id, version] = payload.split(':').map(Number);
        if (!Number.isInteger(id) || !Number.isInteger(version))
          return ephemeral(interaction, 'I could not read that form. Run `/kb edit` again.');
        const v = validateEntry(entryFromModal(interaction), ctx);
        if (!v.ok) return ephemeral(interaction, `Not saved: ${v.error}.`);
        const entry = await ctx.repo.updateEntry(guildId, id!, v.input, version!, actor(interaction));
        await ephemeral(interaction, `Saved entry **#${entry.id}**, now version ${entry.version}.`);
      }),
  },
};

export default edit;
