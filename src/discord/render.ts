/**
 * Answer → Discord message: one embed within Discord's limits, plus buttons ("Show the math", related topics,
 * "Not what I asked"). Rendering only: every number was computed by the engine and every sentence by src/answer.
 */
import { ActionRowBuilder, ButtonBuilder, ButtonStyle, EmbedBuilder, type APIEmbedField } from 'discord.js';
import type { Answer, EstimateMatchAnswer, PairMatchAnswer } from '../answer/types.js';
import { deviceToMarkdown } from '../render/device-markdown.js';
import { matchToMarkdown } from '../render/match-markdown.js';
import { citeLink } from '../render/cite.js';
import { fillCommands, nameDevicesLine } from '../render/syntax.js';
import { DISCORD_SYNTAX } from './syntax.js';
import { encodeButton } from './custom-ids.js';
import { clamp, EMBED_LIMITS } from './limits.js';
import { dbPerV, mA, mW, ohm, V } from '../format.js';
import { headlineMarkdown, mathStepMarkdown, uncertainNote } from '../render/headline.js';

export interface RenderedMessage {
  embeds: EmbedBuilder[];
  components: ActionRowBuilder<ButtonBuilder>[];
}

const COLORS = {
  faq: 0x5865f2,
  fine: 0x2ecc71,
  marginal: 0xf1c40f,
  needs_amp: 0xe74c3c,
  depends: 0x95a5a6,
  unknown: 0x95a5a6,
  device: 0x3498db,
  none: 0x747f8d,
  clarify: 0xe67e22,
} as const;

function field(name: string, value: string, inline = false): APIEmbedField {
  return { name: clamp(name, EMBED_LIMITS.fieldName), value: clamp(value || '—', EMBED_LIMITS.fieldValue), inline };
}

function button(id: string | null, label: string, style = ButtonStyle.Secondary): ButtonBuilder | null {
  return id ? new ButtonBuilder().setCustomId(id).setLabel(clamp(label, 80)).setStyle(style) : null;
}

function rows(buttons: (ButtonBuilder | null)[]): ActionRowBuilder<ButtonBuilder>[] {
  const list = buttons.filter((b): b is ButtonBuilder => b !== null).slice(0, 5);
  return list.length ? [new ActionRowBuilder<ButtonBuilder>().addComponents(list)] : [];
}

function pairDescription(a: PairMatchAnswer): string {
  const parts = [headlineMarkdown(a.headline)];
  if (a.outputName) parts.push(`*Output used: ${a.outputName}*`);
  if (a.keyNumbers.length) parts.push(a.keyNumbers.map((l) => `• ${l}`).join('\n'));
  if (a.warnings.length) parts.push(a.warnings.map((w) => `⚠️ ${w}`).join('\n'));
  if (a.notes.length) parts.push(a.notes.join('\n'));
  if (a.safety) parts.push(`-# ${a.safety}`);
  return parts.join('\n\n');
}

function estimateDescription(a: EstimateMatchAnswer): string {
  const parts = [headlineMarkdown(a.headline)];
  if (a.keyNumbers.length) parts.push(a.keyNumbers.map((l) => `• ${l}`).join('\n'));
  if (a.notes.length) parts.push(a.notes.join('\n'));
  if (a.safety) parts.push(`-# ${a.safety}`);
  return parts.join('\n\n');
}

/** Keeps the whole message under Discord's 6000-character total by trimming fields from the end. */
function withinTotal(embed: EmbedBuilder): EmbedBuilder {
  const size = () => {
    const d = embed.data;
    return (
      (d.title?.length ?? 0) +
      (d.description?.length ?? 0) +
      (d.footer?.text.length ?? 0) +
      (d.author?.name.length ?? 0) +
      (d.fields ?? []).reduce((n, f) => n + f.name.length + f.value.length, 0)
    );
  };
  while (size() > EMBED_LIMITS.total && (embed.data.fields?.length ?? 0) > 0) embed.spliceFields(-1, 1);
  if (size() > EMBED_LIMITS.total)
    embed.setDescription(clamp(embed.data.description ?? '', EMBED_LIMITS.description - (size() - EMBED_LIMITS.total)));
  return embed;
}

export function renderAnswer(answer: Answer, asked?: string): RenderedMessage {
  const embed = new EmbedBuilder();
  let buttons: (ButtonBuilder | null)[] = [];
  const footer = asked ? clamp(`You asked: ${asked.replace(/\s+/g, ' ')}`, 200) : undefined;
  switch (answer.kind) {
    case 'faq': {
      embed
        .setColor(COLORS.faq)
        .setTitle(clamp(answer.topic.title, EMBED_LIMITS.title))
        .setDescription(clamp(fillCommands(answer.topic.body, DISCORD_SYNTAX), EMBED_LIMITS.description));
      const hedge = uncertainNote(answer);
      if (hedge) embed.setAuthor({ name: clamp(hedge, EMBED_LIMITS.authorName) });
      if (answer.topic.sources.length) embed.addFields(field('Sources', answer.topic.sources.join('\n')));
      buttons = [
        ...answer.related.slice(0, 3).map((r) => button(encodeButton({ kind: 'faq', id: r.id }), r.title)),
        button(
          encodeButton({ kind: 'nwia', answered: answer.topic.id, alternatives: answer.alternatives.map((a) => a.id) }),
          'Not what I asked',
          ButtonStyle.Danger,
        ),
      ];
      break;
    }
    case 'match': {
      if (answer.mode === 'pair') {
        embed
          .setColor(COLORS[answer.result.verdict])
          .setTitle(clamp(`${answer.headphoneLabel} on ${answer.sourceLabel}`, EMBED_LIMITS.title))
          .setDescription(clamp(pairDescription(answer), EMBED_LIMITS.description));
        if (answer.cited.length)
          embed.addFields(
            field('Figures used', answer.cited.map((c) => `${c.what}: ${c.value} — ${citeLink(c)}`).join('\n')),
          );
        const math = answer.request ? encodeButton({ kind: 'math', request: answer.request }) : null;
        buttons = [
          button(math, 'Show the math', ButtonStyle.Primary),
          ...answer.readMore.slice(0, 2).map((r) => button(encodeButton({ kind: 'faq', id: r.id }), r.title)),
        ];
      } else if (answer.mode === 'impedance-only') {
        embed
          .setColor(COLORS.depends)
          .setTitle(
            clamp(
              `${answer.result.impedanceOhm} Ω ${answer.result.driver} headphones: do they need an amp?`,
              EMBED_LIMITS.title,
            ),
          )
          .setDescription(clamp(headlineMarkdown(answer.headline), EMBED_LIMITS.description));
        embed.addFields(
          ...answer.rows.map((r) => field(r.source, `${r.outcome}\n*${r.figures}*`, true)),
          field(
            'Assumptions',
            [...answer.assumptions, nameDevicesLine(answer.nameDevices, DISCORD_SYNTAX)]
              .map((x) => `• ${x}`)
              .join('\n'),
          ),
        );
        buttons = answer.readMore.slice(0, 3).map((r) => button(encodeButton({ kind: 'faq', id: r.id }), r.title));
      } else if (answer.mode === 'estimate') {
        embed
          .setColor(COLORS[answer.result.verdict])
          .setTitle(clamp(`${answer.headphoneLabel} on ${answer.sourceLabel} (estimated)`, EMBED_LIMITS.title))
          .setDescription(clamp(estimateDescription(answer), EMBED_LIMITS.description));
        buttons = answer.readMore.slice(0, 3).map((r) => button(encodeButton({ kind: 'faq', id: r.id }), r.title));
      } else if (answer.mode === 'sources-table') {
        embed
          .setColor(COLORS[answer.verdict])
          .setTitle(clamp(`${answer.headphoneLabel}: do they need an amp?`, EMBED_LIMITS.title))
          .setDescription(
            clamp([headlineMarkdown(answer.headline), ...answer.notes].join('\n\n'), EMBED_LIMITS.description),
          );
        embed.addFields(
          ...answer.rows.slice(0, 24).map((r) => field(r.source, `${r.outcome ?? r.verdict}\n*${r.basis}*`, true)),
        );
        buttons = answer.readMore.slice(0, 3).map((r) => button(encodeButton({ kind: 'faq', id: r.id }), r.title));
      } else {
        embed
          .setColor(COLORS.depends)
          .setTitle('Which is easier to drive?')
          .setDescription(
            clamp([headlineMarkdown(answer.headline), ...answer.notes].join('\n\n'), EMBED_LIMITS.description),
          );
        embed.addFields(
          ...answer.rows.map((r) =>
            field(
              r.device.name,
              `${ohm(r.impedanceOhm)}, ${dbPerV(r.sensitivityDbV)}\nNeeds ${V(r.vrms)} · ${mW(r.mw)} · ${mA(r.ma)}`,
              true,
            ),
          ),
        );
        buttons = answer.readMore.slice(0, 2).map((r) => button(encodeButton({ kind: 'faq', id: r.id }), r.title));
      }
      break;
    }
    case 'device': {
      const text = deviceToMarkdown(answer).split('\n\n').slice(1).join('\n\n');
      embed
        .setColor(COLORS.device)
        .setTitle(clamp(answer.name, EMBED_LIMITS.title))
        .setDescription(clamp(text, EMBED_LIMITS.description));
      break;
    }
    case 'clarify':
      embed
        .setColor(COLORS.clarify)
        .setTitle('Which one do you mean?')
        .setDescription(
          clamp([answer.question, ...answer.options.map((o) => `• ${o.label}`)].join('\n'), EMBED_LIMITS.description),
        );
      break;
    case 'none':
      embed
        .setColor(COLORS.none)
        .setTitle("I'm not sure")
        .setDescription(
          clamp(
            [
              answer.reason,
              answer.suggestions.length
                ? `Did you mean:\n${answer.suggestions.map((s) => `• ${s.title}`).join('\n')}`
                : `Try ${DISCORD_SYNTAX.help()} to see what I can answer.`,
            ].join('\n\n'),
            EMBED_LIMITS.description,
          ),
        );
      buttons = answer.suggestions.slice(0, 3).map((s) => button(encodeButton({ kind: 'faq', id: s.id }), s.title));
      break;
  }
  if (footer) embed.setFooter({ text: footer });
  return { embeds: [withinTotal(embed)], components: rows(buttons) };
}

/** The "Show the math" reply: the steps as text, ephemeral. */
export function renderMath(answer: Answer): string {
  if (answer.kind !== 'match')
    return clamp(
      answer.kind === 'none' ? answer.reason : 'There is no calculation behind this answer.',
      EMBED_LIMITS.messageContent,
    );
  if (answer.mode !== 'pair') return clamp(matchToMarkdown(answer, true, DISCORD_SYNTAX), EMBED_LIMITS.messageContent);
  return clamp(
    `**Show the math — ${answer.headphoneLabel} on ` +
      `${answer.sourceLabel}**\n${answer.math.map((s, i) => `${i + 1}. ${mathStepMarkdown(s)}`).join('\n')}`,
    EMBED_LIMITS.messageContent,
  );
}
