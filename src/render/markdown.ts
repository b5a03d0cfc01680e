/** Renders an Answer as Markdown text: for the console, the CLI's `text` field, and anywhere embeds are not used. */
import type { Answer } from '../answer/types.js';
import { deviceToMarkdown } from './device-markdown.js';
import { matchToMarkdown } from './match-markdown.js';
import { CLI_SYNTAX, fillCommands, type Syntax } from './syntax.js';
import { uncertainNote } from './headline.js';

export function answerToMarkdown(answer: Answer, syntax: Syntax = CLI_SYNTAX): string {
  switch (answer.kind) {
    case 'faq': {
      const hedge = uncertainNote(answer);
      const parts = [
        ...(hedge ? [`*${hedge}*`] : []),
        `**${answer.topic.title}**`,
        fillCommands(answer.topic.body, syntax),
      ];
      if (answer.topic.sources.length) parts.push(`Sources: ${answer.topic.sources.join(' · ')}`);
      if (answer.related.length) parts.push(`Read more: ${answer.related.map((r) => r.title).join(' · ')}`);
      return parts.join('\n\n');
    }
    case 'device':
      return deviceToMarkdown(answer);
    case 'match':
      return matchToMarkdown(answer, true, syntax);
    case 'clarify':
      return [answer.question, ...answer.options.map((o) => `- ${o.label}`)].join('\n');
    case 'none': {
      const parts = [answer.reason];
      if (answer.suggestions.length)
        parts.push(`Did you mean:\n${answer.suggestions.map((s) => `- ${s.title}`).join('\n')}`);
      else parts.push(`Try ${syntax.help()} to see what I can answer.`);
      return parts.join('\n\n');
    }
  }
}
