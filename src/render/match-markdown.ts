/** Renders match answers as Markdown: verdict first, key numbers, warnings, then the math and the sources. */
import type {
  CompareAnswer,
  EstimateMatchAnswer,
  ImpedanceOnlyAnswer,
  MatchAnswer,
  PairMatchAnswer,
  SourcesTableAnswer,
} from '../answer/types.js';
import { CLI_SYNTAX, nameDevicesLine, type Syntax } from './syntax.js';
import { citeLink } from './cite.js';
import { dbPerV, mA, mW, ohm, V } from '../format.js';
import { headlineMarkdown, mathStepMarkdown } from './headline.js';

function pair(a: PairMatchAnswer, withMath: boolean): string {
  const parts = [headlineMarkdown(a.headline)];
  if (a.outputName) parts.push(`*Output used: ${a.outputName}*`);
  if (a.keyNumbers.length) parts.push(a.keyNumbers.map((l) => `- ${l}`).join('\n'));
  if (a.warnings.length) parts.push(a.warnings.map((w) => `⚠ ${w}`).join('\n'));
  if (a.notes.length) parts.push(a.notes.join('\n'));
  if (a.safety) parts.push(`*${a.safety}*`);
  if (withMath && a.math.length)
    parts.push(`**Show the math**\n${a.math.map((s, i) => `${i + 1}. ${mathStepMarkdown(s)}`).join('\n')}`);
  if (a.cited.length)
    parts.push(`Figures used: ${a.cited.map((c) => `${c.what} ${c.value} (${citeLink(c)})`).join('; ')}`);
  if (a.readMore.length) parts.push(`Read more: ${a.readMore.map((t) => t.title).join(' · ')}`);
  return parts.join('\n\n');
}

function impedanceOnly(a: ImpedanceOnlyAnswer, syntax: Syntax): string {
  const table = [
    '| Source | Figures used | Outcome |',
    '|---|---|---|',
    ...a.rows.map((r) => `| ${r.source} | ${r.figures} | ${r.outcome} |`),
  ].join('\n');
  return [
    headlineMarkdown(a.headline),
    table,
    [...a.assumptions, nameDevicesLine(a.nameDevices, syntax)].map((x) => `- ${x}`).join('\n'),
    a.readMore.length ? `Read more: ${a.readMore.map((t) => t.title).join(' · ')}` : '',
  ]
    .filter(Boolean)
    .join('\n\n');
}

function compare(a: CompareAnswer): string {
  const table = [
    '| Headphones | Impedance | Sensitivity | Needs |',
    '|---|---|---|---|',
    ...a.rows.map(
      (r) =>
        `| ${r.device.name} | ${ohm(r.impedanceOhm)} | ${dbPerV(r.sensitivityDbV)} | ${V(r.vrms)}, ${mW(r.mw)}, ` +
        `${mA(r.ma)} |`,
    ),
  ].join('\n');
  return [
    headlineMarkdown(a.headline),
    table,
    ...a.notes,
    a.readMore.length ? `Read more: ${a.readMore.map((t) => t.title).join(' · ')}` : '',
  ]
    .filter(Boolean)
    .join('\n\n');
}

function estimate(a: EstimateMatchAnswer, withMath: boolean): string {
  const parts = [headlineMarkdown(a.headline)];
  if (a.keyNumbers.length) parts.push(a.keyNumbers.map((l) => `- ${l}`).join('\n'));
  if (a.notes.length) parts.push(a.notes.join('\n'));
  if (a.safety) parts.push(`*${a.safety}*`);
  if (withMath && a.math.length)
    parts.push(`**Show the math**\n${a.math.map((s, i) => `${i + 1}. ${mathStepMarkdown(s)}`).join('\n')}`);
  if (a.readMore.length) parts.push(`Read more: ${a.readMore.map((t) => t.title).join(' · ')}`);
  return parts.join('\n\n');
}

function sourcesTable(a: SourcesTableAnswer): string {
  const table = [
    '| Source | Outcome | Figures |',
    '|---|---|---|',
    ...a.rows.map((r) => `| ${r.source} | ${r.outcome ?? r.verdict} | ${r.basis} |`),
  ].join('\n');
  const more = a.readMore.length ? `Read more: ${a.readMore.map((t) => t.title).join(' · ')}` : '';
  return [headlineMarkdown(a.headline), table, a.notes.map((n) => `- ${n}`).join('\n'), more]
    .filter(Boolean)
    .join('\n\n');
}

export function matchToMarkdown(a: MatchAnswer, withMath = true, syntax: Syntax = CLI_SYNTAX): string {
  switch (a.mode) {
    case 'pair':
      return pair(a, withMath);
    case 'compare':
      return compare(a);
    case 'estimate':
      return estimate(a, withMath);
    case 'sources-table':
      return sourcesTable(a);
    case 'impedance-only':
      return impedanceOnly(a, syntax);
  }
}
