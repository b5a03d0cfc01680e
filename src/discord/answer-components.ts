/**
 * The buttons and the modal on answers — "faq:" (show a related topic), "math:" (show the math of a match),
 * "nwia:" ("Not what I asked") and "rephrase:" ("Ask it differently") — owned like a command's own components and
 * routed the same way. Each handler parses its custom id (src/discord/custom-ids.ts: every state a button needs is
 * in it) and then runs; an id it cannot read gets a clear private message.
 */
import {
  ActionRowBuilder,
  ButtonBuilder,
  ButtonStyle,
  MessageFlags,
  ModalBuilder,
  TextInputBuilder,
  TextInputStyle,
  type ButtonInteraction,
  type RepliableInteraction,
} from 'discord.js';
import type { ButtonHandler, CommandContext, ComponentOwner } from './command.js';
import { type ButtonAction, decodeButton, encodeButton } from './custom-ids.js';
import { EMBED_LIMITS, clamp } from './limits.js';
import { NO_MENTIONS, answerPayload } from './reply.js';
import { renderMath } from './render.js';

/** What a button or form nobody can read gets (an older bot's id, or a forged one). */
export const UNREADABLE = {
  button: 'This button is from an older version of the bot. Ask again and it will work.',
  form: 'I could not read that form. Try `/ask` instead.',
} as const;

/** Knob: how many other topics "Not what I asked" offers. */
const OTHER_TOPICS = 5;
/** The rephrase modal's text field. */
const QUESTION_FIELD = 'question';

const privately = (i: RepliableInteraction, content: string) =>
  i.reply({
    content: clamp(content, EMBED_LIMITS.messageContent),
    flags: MessageFlags.Ephemeral,
    allowedMentions: NO_MENTIONS,
  });

/** A button handler for one kind of custom id: parse (decodeButton) first, then run with the parsed state. */
function parsed<K extends ButtonAction['kind']>(
  prefix: `${K}:`,
  run: (
    interaction: ButtonInteraction,
    action: Extract<ButtonAction, { kind: K }>,
    ctx: CommandContext,
  ) => Promise<unknown>,
): ButtonHandler {
  return async (interaction, payload, ctx) => {
    const action = decodeButton(`${prefix}${payload}`);
    if (!action || `${action.kind}:` !== prefix) return void (await privately(interaction, UNREADABLE.button));
    await run(interaction, action as Extract<ButtonAction, { kind: K }>, ctx);
  };
}

/** "Not what I asked": counted once per member per answer, then the topics ranked next and a way to ask again. */
const notWhatIAsked = parsed('nwia:', async (interaction, action, ctx) => {
  if (ctx.guards.firstClick(interaction.user.id, interaction.message.id)) {
    let count: number | null = null;
    if (interaction.guildId) {
      try {
        count = await ctx.repo.recordNotWhatIAsked(interaction.guildId, action.answered);
      } catch (err) {
        ctx.logger.warn({ err }, '"not what I asked" not saved');
      }
    }
    ctx.logger.info({ answered: action.answered, count }, 'not what I asked');
  }
  const brain = await ctx.brains.for(interaction.guildId);
  // the topics ranked next when the answer was given (in the custom id), else the answered topic's related ones
  const ids = action.alternatives.length ? action.alternatives : (brain.topics.get(action.answered)?.related ?? []);
  const others = ids
    .filter((id) => id !== action.answered)
    .map((id) => brain.topics.get(id))
    .filter((t) => t !== undefined)
    .slice(0, OTHER_TOPICS);
  const content = others.length
    ? `Thanks — noted. Maybe one of these?\n${others
        .map((t) => `• **${t.title}** — \`/faq topic:${t.id}\``)
        .join('\n')}`
    : 'Thanks — noted. Try `/ask` with more detail (the exact headphones and source help), or `/help`.';
  const again = new ButtonBuilder()
    .setCustomId(encodeButton({ kind: 'rephrase', answered: action.answered })!)
    .setLabel('Ask it differently')
    .setStyle(ButtonStyle.Primary);
  await interaction.reply({
    content: clamp(content, EMBED_LIMITS.messageContent),
    components: [new ActionRowBuilder<ButtonBuilder>().addComponents(again)],
    flags: MessageFlags.Ephemeral,
    allowedMentions: NO_MENTIONS,
  });
});

export const ANSWER_COMPONENTS: ComponentOwner = {
  buttons: {
    'faq:': parsed('faq:', async (interaction, action, ctx) =>
      interaction.reply(answerPayload((await ctx.brains.for(interaction.guildId)).faq(action.id), { hide: true })),
    ),
    'math:': parsed('math:', async (interaction, action, ctx) =>
      privately(interaction, renderMath((await ctx.brains.for(interaction.guildId)).match(action.request))),
    ),
    'nwia:': notWhatIAsked,
    'rephrase:': parsed('rephrase:', (interaction, action) => {
      const input = new TextInputBuilder()
        .setCustomId(QUESTION_FIELD)
        .setLabel('What did you want to know?')
        .setStyle(TextInputStyle.Paragraph)
        .setMinLength(3)
        .setMaxLength(1000)
        .setRequired(true);
      return interaction.showModal(
        new ModalBuilder()
          .setCustomId(encodeButton(action)!)
          .setTitle('Ask it differently')
          .addComponents(new ActionRowBuilder<TextInputBuilder>().addComponents(input)),
      );
    }),
  },
  modals: {
    /** The "Ask it differently" form: the new wording is kept as a gap for the moderators and answered privately. */
    'rephrase:': async (interaction, payload, ctx) => {
      const action = decodeButton(`rephrase:${payload}`);
      const question = interaction.fields.getTextInputValue(QUESTION_FIELD).trim().slice(0, 1000);
      if (action?.kind !== 'rephrase' || !question) return void (await privately(interaction, UNREADABLE.form));
      if (interaction.guildId) ctx.questions.record(interaction.guildId, question, null);
      ctx.logger.info({ answered: action.answered }, 'question rephrased');
      await interaction.reply(
        answerPayload((await ctx.brains.for(interaction.guildId)).ask(question), {
          hide: true,
          asked: question,
          logger: ctx.logger,
        }),
      );
    },
  },
};
