/**
 * /kb — moderators teach the bot their server's recurring questions. One module per subcommand in this folder
 * (add, add-headphone, add-source, hide, edit, remove, restore, history, export, import, stats), each owning its
 * options, handler, buttons and modals; this file composes them. Gated by Manage Server in the definition, and the
 * router checks `requires` (a server, an editor: Manage Server or the configured role) before every handler,
 * autocomplete, button and modal of the command.
 */
import { PermissionFlagsBits, SlashCommandBuilder } from 'discord.js';
import type { SlashCommand } from '../../src/discord/command.js';
import { choice } from '../../src/discord/limits.js';
import { entryLabel } from '../../src/storage/entry-knowledge.js';
import add from './add.js';
import addHeadphone from './add-headphone.js';
import addSource from './add-source.js';
import edit from './edit.js';
import exportEntries from './export.js';
import hide from './hide.js';
import history from './history.js';
import importEntries from './import.js';
import remove from './remove.js';
import restore from './restore.js';
import { inServer } from './shared.js';
import stats from './stats.js';
import type { KbSubcommand } from './subcommand.js';

/** In the order Discord shows them. */
const SUBCOMMANDS: readonly KbSubcommand[] = [
  add,
  addHeadphone,
  addSource,
  hide,
  edit,
  remove,
  restore,
  history,
  exportEntries,
  importEntries,
  stats,
];
const byName = new Map(SUBCOMMANDS.map((s) => [s.name, s]));
/** Autocomplete shows at most 25 choices. */
const CHOICES = 25;

const data = new SlashCommandBuilder()
  .setName('kb')
  .setDescription("Manage this server's own knowledge entries")
  .setDefaultMemberPermissions(PermissionFlagsBits.ManageGuild)
  .setContexts(0);
for (const sub of SUBCOMMANDS)
  data.addSubcommand((s) => {
    const named = s.setName(sub.name).setDescription(sub.description);
    return sub.options ? sub.options(named) : named;
  });

const command: SlashCommand = {
  order: 60,
  help:
    "moderators: add, edit, hide and restore this server's own answers and devices, " +
    'with history, import and export',
  requires: ['guild', 'editor'],
  data,

  async autocomplete(interaction, ctx) {
    const focused = interaction.options.getFocused(true);
    if (focused.name === 'topic') {
      const topics = ctx.brains.base.completeTopics(focused.value, CHOICES);
      return interaction.respond(topics.map((t) => choice(t.title, t.id)));
    }
    // the entry option: this server's entries, newest first (removed ones only for restore and history)
    const sub = interaction.options.getSubcommand();
    const typed = focused.value.toLowerCase();
    const matches = (
      await ctx.repo.listEntries(interaction.guildId!, { includeDeleted: sub === 'restore' || sub === 'history' })
    )
      .filter((e) => (sub === 'restore' ? e.deleted : true))
      .filter((e) => entryLabel(e).toLowerCase().includes(typed))
      .slice(-CHOICES)
      .reverse();
    await interaction.respond(matches.map((e) => choice(entryLabel(e), String(e.id))));
  },

  async execute(interaction, ctx) {
    const sub = byName.get(interaction.options.getSubcommand());
    if (sub) await inServer(interaction, (guildId) => sub.run(interaction, ctx, guildId));
  },

  buttons: Object.assign({}, ...SUBCOMMANDS.map((s) => s.buttons ?? {})),
  modals: Object.assign({}, ...SUBCOMMANDS.map((s) => s.modals ?? {})),
};

export default command;
