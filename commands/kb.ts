/**
 * /kb — moderators teach the bot their server's recurring questions: add (modal), add-headphone, add-source, hide,
 * edit (modal, optimistic concurrency), remove, restore, history (with a diff), export, import (preview + confirm,
 * all or nothing), stats (with "add this" buttons for unanswered questions). Gated by Manage Server in the
 * definition and checked again in every handler (Manage Server or the configured editor role).
 */
import {
  ActionRowBuilder,
  AttachmentBuilder,
  ButtonBuilder,
  ButtonStyle,
  EmbedBuilder,
  MessageFlags,
  PermissionFlagsBits,
  SlashCommandBuilder,
  type SlashCommandSubcommandBuilder,
  type ChatInputCommandInteraction,
  type RepliableInteraction,
} from 'discord.js';
import { z } from 'zod';
import { planImport } from '../src/storage/import-plan.js';
import type { CommandContext, SlashCommand } from '../src/discord/command.js';
import { entryFromModal, entryModal } from '../src/discord/entry-modal.js';
import { choice, clamp, EMBED_LIMITS } from '../src/discord/limits.js';
import { NO_MENTIONS } from '../src/discord/reply.js';
import { entryDiff } from '../src/storage/entry-diff.js';
import { entryLabel, knowledgeProblem } from '../src/storage/entry-knowledge.js';
import { EntryInput, parseEntryInput } from '../src/storage/entry-schema.js';
import { ConflictError, NotFoundError, type Entry } from '../src/storage/repository.js';
import { parsePowerRating } from '../src/understand/spec-parse.js';

const MAX_IMPORT_BYTES = 1_000_000;
const ExportFile = z.object({
  version: z.literal(1),
  entries: z.array(z.object({ id: z.number().int().positive().optional(), input: EntryInput })).max(2000),
});

const ephemeral = async (i: RepliableInteraction, content: string) => {
  const payload = {
    content: clamp(content, EMBED_LIMITS.messageContent),
    flags: MessageFlags.Ephemeral as const,
    allowedMentions: NO_MENTIONS,
  };
  if (i.deferred || i.replied) await i.followUp(payload);
  else await i.reply(payload);
};

/** Validates an entry like a built-in file and writes it; the reply confirms only after the commit. */
function validate(
  raw: unknown,
  ctx: CommandContext,
  _guildId: string,
): { ok: true; input: EntryInput } | { ok: false; error: string } {
  const parsed = parseEntryInput(raw);
  if (!parsed.ok) return parsed;
  const problem = knowledgeProblem(parsed.value, ctx.brains.base.knowledge);
  return problem ? { ok: false, error: problem } : { ok: true, input: parsed.value };
}

function entryId(interaction: ChatInputCommandInteraction): number | null {
  const raw = interaction.options.getString('entry', true).replace(/^#/, '').split(/\s/)[0]!;
  return /^\d{1,12}$/.test(raw) ? Number(raw) : null;
}

/** Runs a /kb handler in the server, turning a conflict or a refused entry into a clear private message. */
async function inServer(interaction: RepliableInteraction, run: (guildId: string) => Promise<unknown>): Promise<void> {
  // 'guild' and 'editor' are checked by the router before any handler of this command runs (requires, below).
  try {
    await run(interaction.guildId!);
  } catch (err) {
    if (err instanceof ConflictError)
      return ephemeral(
        interaction,
        `Someone else saved entry #${err.current.id} since you opened it (it is now at version ` +
          `${err.current.version}, by ${err.current.updatedBy}). Nothing was overwritten: open \`/kb edit\` again to ` +
          `see their version.`,
      );
    if (err instanceof NotFoundError)
      return ephemeral(interaction, `${err.message[0]!.toUpperCase()}${err.message.slice(1)}.`);
    throw err;
  }
}

const actor = (i: RepliableInteraction) => `${i.user.username} (${i.user.id})`;

async function add(
  interaction: RepliableInteraction,
  raw: unknown,
  ctx: CommandContext,
  guildId: string,
): Promise<void> {
  const v = validate(raw, ctx, guildId);
  if (!v.ok) return ephemeral(interaction, `Not saved: ${v.error}.`);
  const entry = ctx.repo.addEntry(guildId, v.input, actor(interaction));
  await ephemeral(
    interaction,
    `Saved as entry **#${entry.id}** (${entryLabel(entry)}). It answers in this server from now on.`,
  );
}

function exportJson(entries: Entry[], guildId: string): string {
  return JSON.stringify(
    {
      version: 1,
      guildId,
      exportedAt: new Date().toISOString(),
      entries: entries.map((e) => ({ id: e.id, input: e.input })),
    },
    null,
    2,
  );
}

/** A subcommand that acts on one of this server's entries (picked by autocomplete). */
function entrySubcommand(s: SlashCommandSubcommandBuilder, name: string, description: string) {
  return s
    .setName(name)
    .setDescription(description)
    .addStringOption((o) => o.setName('entry').setDescription('Entry').setRequired(true).setAutocomplete(true));
}

const command: SlashCommand = {
  order: 60,
  help:
    "moderators: add, edit, hide and restore this server's own answers and devices, " +
    'with history, import and export',
  requires: ['guild', 'editor'],
  data: new SlashCommandBuilder()
    .setName('kb')
    .setDescription("Manage this server's own knowledge entries")
    .setDefaultMemberPermissions(PermissionFlagsBits.ManageGuild)
    .setContexts(0)
    .addSubcommand((s) => s.setName('add').setDescription('Add a question and answer (opens a form)'))
    .addSubcommand((s) =>
      s
        .setName('add-headphone')
        .setDescription('Add headphones with their specs')
        .addStringOption((o) => o.setName('name').setDescription('Brand and model').setRequired(true).setMaxLength(80))
        .addNumberOption((o) =>
          o
            .setName('impedance')
            .setDescription('Impedance in ohms')
            .setRequired(true)
            .setMinValue(1)
            .setMaxValue(100000),
        )
        .addNumberOption((o) =>
          o
            .setName('sensitivity')
            .setDescription('Sensitivity in dB SPL')
            .setRequired(true)
            .setMinValue(70)
            .setMaxValue(140),
        )
        .addStringOption((o) =>
          o
            .setName('unit')
            .setDescription('Sensitivity per mW or per V')
            .setRequired(true)
            .addChoices(
              { name: 'dB/mW', value: 'mW' },
              { name: 'dB/V', value: 'V' },
              { name: 'not stated', value: 'unknown' },
            ),
        )
        .addStringOption((o) =>
          o.setName('source_url').setDescription('Page the figures come from').setRequired(true).setMaxLength(500),
        )
        .addStringOption((o) => o.setName('aliases').setDescription('Other names, comma separated').setMaxLength(500)),
    )
    .addSubcommand((s) =>
      s
        .setName('add-source')
        .setDescription('Add an interface, dongle or amp with its headphone-output specs')
        .addStringOption((o) => o.setName('name').setDescription('Brand and model').setRequired(true).setMaxLength(80))
        .addStringOption((o) =>
          o.setName('source_url').setDescription('Page the figures come from').setRequired(true).setMaxLength(500),
        )
        .addNumberOption((o) =>
          o.setName('vrms').setDescription('Maximum output, Vrms').setMinValue(0.001).setMaxValue(100),
        )
        .addNumberOption((o) => o.setName('dbu').setDescription('Maximum output, dBu').setMinValue(-40).setMaxValue(40))
        .addNumberOption((o) =>
          o.setName('output_impedance').setDescription('Output impedance, ohms').setMinValue(0).setMaxValue(1000),
        )
        .addStringOption((o) =>
          o.setName('power').setDescription('Power rating, e.g. "300 mW @ 32 ohm"').setMaxLength(60),
        )
        .addStringOption((o) => o.setName('aliases').setDescription('Other names, comma separated').setMaxLength(500)),
    )
    .addSubcommand((s) =>
      s
        .setName('hide')
        .setDescription('Hide a built-in FAQ topic in this server')
        .addStringOption((o) =>
          o.setName('topic').setDescription('Built-in topic').setRequired(true).setAutocomplete(true),
        ),
    )
    .addSubcommand((s) => entrySubcommand(s, 'edit', 'Edit an entry (opens a form)'))
    .addSubcommand((s) => entrySubcommand(s, 'remove', 'Remove an entry (it can be restored)'))
    .addSubcommand((s) => entrySubcommand(s, 'restore', 'Restore a removed entry'))
    .addSubcommand((s) => entrySubcommand(s, 'history', 'Who changed an entry, what and when'))
    .addSubcommand((s) => s.setName('export').setDescription("Download this server's entries as JSON"))
    .addSubcommand((s) =>
      s
        .setName('import')
        .setDescription('Import entries from an export file (preview first)')
        .addAttachmentOption((o) => o.setName('file').setDescription('A JSON file from /kb export').setRequired(true)),
    )
    .addSubcommand((s) =>
      s.setName('stats').setDescription('Most asked topics, "Not what I asked" counts and unanswered questions'),
    ),

  async autocomplete(interaction, ctx) {
    const focused = interaction.options.getFocused(true);
    const typed = focused.value.toLowerCase();
    if (focused.name === 'topic') {
      const topics = ctx.brains.base.completeTopics(focused.value, 25);
      return interaction.respond(topics.map((t) => choice(t.title, t.id)));
    }
    const sub = interaction.options.getSubcommand();
    const entries = ctx.repo
      .listEntries(interaction.guildId!, { includeDeleted: sub === 'restore' || sub === 'history' })
      .filter((e) => (sub === 'restore' ? e.deleted : true));
    const matches = entries
      .filter((e) => entryLabel(e).toLowerCase().includes(typed))
      .slice(-25)
      .reverse();
    await interaction.respond(matches.map((e) => choice(entryLabel(e), String(e.id))));
  },

  async execute(interaction, ctx) {
    const sub = interaction.options.getSubcommand();
    await inServer(interaction, async (guildId) => {
      switch (sub) {
        case 'add':
          return interaction.showModal(entryModal('kbadd:', 'Add a question and answer'));
        case 'add-headphone':
          return add(
            interaction,
            {
              kind: 'headphone',
              title: interaction.options.getString('name', true),
              impedanceOhm: interaction.options.getNumber('impedance', true),
              sensitivityDb: interaction.options.getNumber('sensitivity', true),
              sensitivityPer: interaction.options.getString('unit', true),
              sourceUrl: interaction.options.getString('source_url', true),
              aliases: (interaction.options.getString('aliases') ?? '')
                .split(',')
                .map((a) => a.trim())
                .filter(Boolean),
            },
            ctx,
            guildId,
          );
        case 'add-source': {
          const power = interaction.options.getString('power');
          const parsedPower = power ? parsePowerRating(power) : null;
          if (parsedPower && !parsedPower.ok) return ephemeral(interaction, `Not saved: ${parsedPower.error}`);
          const num = (name: string) => interaction.options.getNumber(name) ?? undefined;
          return add(
            interaction,
            {
              kind: 'source',
              title: interaction.options.getString('name', true),
              sourceUrl: interaction.options.getString('source_url', true),
              ...(num('vrms') !== undefined ? { vrms: num('vrms') } : {}),
              ...(num('dbu') !== undefined ? { dbu: num('dbu') } : {}),
              ...(num('output_impedance') !== undefined ? { outputImpedanceOhm: num('output_impedance') } : {}),
              ...(parsedPower?.ok ? { powerMw: parsedPower.value.mw, powerLoadOhm: parsedPower.value.loadOhm } : {}),
              aliases: (interaction.options.getString('aliases') ?? '')
                .split(',')
                .map((a) => a.trim())
                .filter(Boolean),
            },
            ctx,
            guildId,
          );
        }
        case 'hide':
          return add(
            interaction,
            { kind: 'hide', replaces: interaction.options.getString('topic', true), title: 'Hidden in this server' },
            ctx,
            guildId,
          );
        case 'edit': {
          const id = entryId(interaction);
          const entry = id !== null ? ctx.repo.getEntry(guildId, id) : null;
          if (!entry || entry.deleted)
            return ephemeral(interaction, 'No such entry in this server (pick one from the list).');
          if (entry.input.kind !== 'faq')
            return ephemeral(
              interaction,
              `Entry #${entry.id} is a ${entry.input.kind}: remove it and add it again with the new figures.`,
            );
          return interaction.showModal(
            entryModal(`kbedit:${entry.id}:${entry.version}`, `Edit entry #${entry.id}`, entry.input),
          );
        }
        case 'remove':
        case 'restore': {
          const id = entryId(interaction);
          if (id === null) return ephemeral(interaction, 'Pick an entry from the list.');
          const entry =
            sub === 'remove'
              ? ctx.repo.removeEntry(guildId, id, actor(interaction))
              : ctx.repo.restoreEntry(guildId, id, actor(interaction));
          return ephemeral(
            interaction,
            `${sub === 'remove' ? 'Removed' : 'Restored'} entry **#${entry.id}** ` +
              `(${entryLabel(entry)}).${sub === 'remove' ? ' `/kb restore` brings it back.' : ''}`,
          );
        }
        case 'history': {
          const id = entryId(interaction);
          const revisions = id !== null ? ctx.repo.history(guildId, id) : [];
          if (!revisions.length) return ephemeral(interaction, 'No such entry in this server.');
          const lines = revisions.map(
            (r, i) =>
              `**v${r.version} ${r.action}** by ${r.actor} at ${r.at.replace('T', ' ').slice(0, 16)} UTC\n` +
              `\`\`\`diff\n${entryDiff(i ? revisions[i - 1]!.input : null, r.input)
                .join('\n')
                .slice(0, 600)}\n\`\`\``,
          );
          const embed = new EmbedBuilder()
            .setTitle(`History of entry #${id}`)
            .setDescription(clamp(lines.join('\n'), EMBED_LIMITS.description));
          return void interaction.reply({
            embeds: [embed],
            flags: MessageFlags.Ephemeral,
            allowedMentions: NO_MENTIONS,
          });
        }
        case 'export': {
          const entries = ctx.repo.listEntries(guildId);
          const file = new AttachmentBuilder(Buffer.from(exportJson(entries, guildId), 'utf8'), {
            name: `headroom-${guildId}-entries.json`,
          });
          return void interaction.reply({
            content: `${entries.length} entr${entries.length === 1 ? 'y' : 'ies'} exported.`,
            files: [file],
            flags: MessageFlags.Ephemeral,
            allowedMentions: NO_MENTIONS,
          });
        }
        case 'import': {
          const file = interaction.options.getAttachment('file', true);
          if (file.size > MAX_IMPORT_BYTES)
            return ephemeral(interaction, 'That file is larger than 1 MB; an export of this bot is much smaller.');
          await interaction.deferReply({ flags: MessageFlags.Ephemeral });
          let data: unknown;
          try {
            const res = await fetch(file.url, { signal: AbortSignal.timeout(10_000) });
            data = JSON.parse(await res.text());
          } catch {
            return void interaction.editReply({
              content: 'I could not read that file as JSON. Use a file made by `/kb export`.',
            });
          }
          const parsed = ExportFile.safeParse(data);
          if (!parsed.success)
            return void interaction.editReply({
              content: clamp(
                `That file is not a valid export: ${parsed.error.issues
                  .slice(0, 5)
                  .map((i) => `${i.path.join('.')}: ${i.message}`)
                  .join('; ')}. Nothing was imported.`,
                1900,
              ),
            });
          const problems = parsed.data.entries
            .map((e, i) => [i, knowledgeProblem(e.input, ctx.brains.base.knowledge)] as const)
            .filter(([, p]) => p);
          if (problems.length)
            return void interaction.editReply({
              content: clamp(
                `Nothing was imported: ${problems
                  .slice(0, 5)
                  .map(([i, p]) => `entry ${i + 1}: ${p}`)
                  .join('; ')}.`,
                1900,
              ),
            });
          const existing = ctx.repo.listEntries(guildId, { includeDeleted: true });
          const { items, added, changed } = planImport(existing, parsed.data.entries);
          const pending = ctx.repo.savePendingImport(guildId, items);
          const confirm = new ButtonBuilder()
            .setCustomId(`kbimp:${pending}`)
            .setLabel(`Import (${added} new, ${changed} changed)`)
            .setStyle(ButtonStyle.Primary);
          return void interaction.editReply({
            content:
              `Preview: **${added}** new entr${added === 1 ? 'y' : 'ies'}, **${changed}** changed, ` +
              `${items.length - added - changed} unchanged. Nothing is written until you confirm.`,
            components: [new ActionRowBuilder<ButtonBuilder>().addComponents(confirm)],
          });
        }
        case 'stats': {
          // questions asked a moment ago are still queued (written off the answer path): write them first
          ctx.questions.flush();
          const s = ctx.repo.stats(guildId, 5);
          const embed = new EmbedBuilder().setTitle('This server’s questions').addFields(
            {
              name: 'Most asked',
              value: clamp(s.topAsked.map((t) => `${t.count}× ${t.key}`).join('\n') || '—', 1024),
            },
            {
              name: '“Not what I asked”',
              value: clamp(s.notWhatIAsked.map((t) => `${t.count}× ${t.key}`).join('\n') || '—', 1024),
            },
            {
              name: 'Recent questions I could not answer',
              value: clamp(s.gaps.map((g, i) => `${i + 1}. ${g.question}`).join('\n') || '—', 1024),
            },
          );
          const buttons = s.gaps.map((g, i) =>
            new ButtonBuilder()
              .setCustomId(`kbgap:${g.id}`)
              .setLabel(`Add answer for ${i + 1}`)
              .setStyle(ButtonStyle.Secondary),
          );
          return void interaction.reply({
            embeds: [embed],
            components: buttons.length ? [new ActionRowBuilder<ButtonBuilder>().addComponents(buttons)] : [],
            flags: MessageFlags.Ephemeral,
            allowedMentions: NO_MENTIONS,
          });
        }
      }
    });
  },

  buttons: {
    'kbimp:': (interaction, payload, ctx) =>
      inServer(interaction, async (guildId) => {
        const items = /^\d+$/.test(payload) ? ctx.repo.takePendingImport(guildId, Number(payload)) : null;
        if (!items)
          return ephemeral(interaction, 'This import was already applied or has expired. Run `/kb import` again.');
        const result = ctx.repo.importEntries(guildId, items, actor(interaction));
        await interaction.update({
          content: `Imported: ${result.added} new, ${result.changed} changed.`,
          components: [],
        });
      }),
    'kbgap:': (interaction, payload, ctx) =>
      inServer(interaction, async (guildId) => {
        const question = /^\d+$/.test(payload) ? ctx.repo.gap(guildId, Number(payload)) : null;
        await interaction.showModal(
          entryModal('kbadd:', 'Add an answer', question ? { title: question.slice(0, 100) } : {}),
        );
      }),
  },

  modals: {
    'kbadd:': (interaction, _payload, ctx) =>
      inServer(interaction, (guildId) => add(interaction, entryFromModal(interaction), ctx, guildId)),
    'kbedit:': (interaction, payload, ctx) =>
      inServer(interaction, async (guildId) => {
        const [id, version] = payload.split(':').map(Number);
        if (!Number.isInteger(id) || !Number.isInteger(version))
          return ephemeral(interaction, 'I could not read that form. Run `/kb edit` again.');
        const v = validate(entryFromModal(interaction), ctx, guildId);
        if (!v.ok) return ephemeral(interaction, `Not saved: ${v.error}.`);
        const entry = ctx.repo.updateEntry(guildId, id!, v.input, version!, actor(interaction));
        await ephemeral(interaction, `Saved entry **#${entry.id}**, now version ${entry.version}.`);
      }),
  },
};

export default command;
