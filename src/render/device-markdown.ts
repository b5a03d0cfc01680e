/** Renders a device card as Markdown: every figure with its basis and a link to where it was read. */
import type { DeviceAnswer } from '../answer/types.js';
import type { KnownDevice, SourceOutput } from '../knowledge/index.js';
import { figure as num } from '../format.js';
import { citeLink, type Citable } from './cite.js';

const cite = (f: Citable) => `(${citeLink(f)})`;
const perLabel = { mW: 'dB SPL/mW', V: 'dB SPL/V', unknown: 'dB SPL (reference not stated)' } as const;

function headphoneLines(d: Extract<KnownDevice, { type: 'headphone' }>): string[] {
  const lines: string[] = [];
  const what = [d.back ? `${d.back}-back` : '', d.form, d.driver === 'dynamic' ? 'dynamic' : d.driver]
    .filter(Boolean)
    .join(' ');
  lines.push(`*${what}*`);
  for (const f of d.impedance) lines.push(`- Impedance: **${num(f.ohms)} Ω** ${cite(f)}`);
  for (const f of d.impedanceRange ?? [])
    lines.push(`- Impedance range: ${num(f.minOhms)}–${num(f.maxOhms)} Ω ${cite(f)}`);
  for (const f of d.sensitivity) lines.push(`- Sensitivity: **${num(f.db)} ${perLabel[f.per]}** ${cite(f)}`);
  for (const f of d.maxPower ?? []) lines.push(`- Power handling: ${num(f.mw)} mW ${cite(f)}`);
  if (d.sensitivity.length === 0) lines.push('- Sensitivity: not sourced yet');
  return lines;
}

function outputLines(o: SourceOutput): string[] {
  const plug = [o.connector, o.balanced ? 'balanced' : ''].filter(Boolean).join(', ');
  const head = `**${o.name}**${plug ? ` (${plug})` : ''}${o.gain ? `, ${o.gain} gain` : ''}`;
  const lines = [`- ${head}`];
  for (const f of o.level)
    lines.push(
      `  - Max level: ${num(f.value)} ${f.unit}${f.loadOhms ? ` into ${num(f.loadOhms)} Ω` : ' (unloaded)'} ${cite(f)}`,
    );
  for (const f of o.power) lines.push(`  - Power: ${num(f.mw)} mW into ${num(f.loadOhms)} Ω ${cite(f)}`);
  for (const f of o.outputImpedance) lines.push(`  - Output impedance: ${num(f.ohms)} Ω ${cite(f)}`);
  for (const f of o.maxCurrent ?? []) lines.push(`  - Current limit: ${num(f.ma)} mA ${cite(f)}`);
  for (const f of o.noise ?? []) lines.push(`  - Output noise: ${num(f.uv)} µV ${cite(f)}`);
  return lines;
}

export function deviceToMarkdown(a: DeviceAnswer): string {
  const d = a.device;
  const parts: string[] = [`**${a.name}**`];
  parts.push(
    (d.type === 'headphone' ? headphoneLines(d) : [`*${d.category}*`, ...d.outputs.flatMap(outputLines)]).join('\n'),
  );
  if (a.gaps) {
    const est = a.gaps.estimatedFrom
      ? ` Drive checks with it are estimated from ${a.gaps.estimatedFrom} and labelled so.`
      : '';
    parts.push(`Not published in the sources I have: ${a.gaps.missing.join(', ')}.${est}`);
  }
  if (d.notes) parts.push(d.notes);
  if (a.assumedVariant && a.variants.length)
    parts.push(`Assumed the usual variant. Others: ${a.variants.map((v) => v.name).join(' · ')}`);
  else if (a.variants.length) parts.push(`Other variants: ${a.variants.map((v) => v.name).join(' · ')}`);
  return parts.join('\n\n');
}
