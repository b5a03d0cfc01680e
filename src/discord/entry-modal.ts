/** The modal for adding or editing an FAQ entry, prefilled when editing or when opened from a knowledge gap. */
import {
  ActionRowBuilder,
  ModalBuilder,
  TextInputBuilder,
  TextInputStyle,
  type ModalSubmitInteraction,
} from 'discord.js';
import type { FaqEntryInput } from '../storage/entry-schema.js';
import type { z } from 'zod';

type Faq = z.infer<typeof FaqEntryInput>;

const row = (input: TextInputBuilder) => new ActionRowBuilder<TextInputBuilder>().addComponents(input);

export function entryModal(customId: string, title: string, prefill: Partial<Faq> = {}): ModalBuilder {
  const input = (id: string, label: string, style: TextInputStyle, max: number, required: boolean, value?: string) => {
    const t = new TextInputBuilder()
      .setCustomId(id)
      .setLabel(label)
      .setStyle(style)
      .setMaxLength(max)
      .setRequired(required);
    if (value) t.setValue(value.slice(0, max));
    return row(t);
  };
  return new ModalBuilder()
    .setCustomId(customId)
    .setTitle(title)
    .addComponents(
      input('title', 'Question (title)', TextInputStyle.Short, 100, true, prefill.title),
      input(
        'aliases',
        'Other phrasings, comma separated',
        TextInputStyle.Paragraph,
        1000,
        false,
        prefill.aliases?.join(', '),
      ),
      input('body', 'Answer (Markdown)', TextInputStyle.Paragraph, 4000, true, prefill.body),
      input('source', 'Source URL (optional)', TextInputStyle.Short, 500, false, prefill.sourceUrl),
      input('replaces', 'Replaces built-in topic id (optional)', TextInputStyle.Short, 80, false, prefill.replaces),
    );
}

/** The raw modal fields as an entry input (validated by the caller). */
export function entryFromModal(interaction: ModalSubmitInteraction): Record<string, unknown> {
  const get = (id: string) => interaction.fields.getTextInputValue(id).trim();
  const aliases = get('aliases')
    .split(/[,\n]/)
    .map((a) => a.trim())
    .filter(Boolean);
  return {
    kind: 'faq',
    title: get('title'),
    aliases,
    body: get('body'),
    ...(get('source') ? { sourceUrl: get('source') } : {}),
    ...(get('replaces') ? { replaces: get('replaces') } : {}),
  };
}
