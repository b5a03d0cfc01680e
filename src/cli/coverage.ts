/**
 * `npm run coverage`: what the catalogue knows — devices by kind and class, sourced vs known by name only, figures
 * by basis — and, from the development questions (../shared/eval/dev-questions.jsonl, when present), the 20 device
 * names asked most with whether each resolves.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Brain } from '../answer/brain.js';
import { CLASS_WORDS } from '../answer/classes.js';
import { headphoneSpec } from '../answer/device-specs.js';
import {
  BASES,
  DEFAULT_KNOWLEDGE_DIR,
  loadKnowledgeWithProblems,
  SOURCE_CLASS_IDS,
  type Basis,
  type KnownDevice,
} from '../knowledge/index.js';
import { PROJECT_ROOT } from '../paths.js';
import { findMentions } from '../understand/device-mentions.js';
import { normalize } from '../text/normalize.js';

const { devices, topics, problems } = loadKnowledgeWithProblems(process.argv[2] ?? DEFAULT_KNOWLEDGE_DIR);
const brain = new Brain({ devices, topics });

const count = <T>(items: T[], key: (t: T) => string) => {
  const m = new Map<string, number>();
  for (const i of items) m.set(key(i), (m.get(key(i)) ?? 0) + 1);
  return [...m].sort((a, b) => b[1] - a[1]);
};

type Figure = { basis: Basis };
function figures(d: KnownDevice): [string, Figure][] {
  if (d.type === 'headphone') {
    return [
      ...d.impedance.map((f) => ['impedance', f] as [string, Figure]),
      ...(d.impedanceRange ?? []).map((f) => ['impedance range', f] as [string, Figure]),
      ...d.sensitivity.map((f) => ['sensitivity', f] as [string, Figure]),
      ...(d.maxPower ?? []).map((f) => ['power handling', f] as [string, Figure]),
    ];
  }
  return d.outputs.flatMap((o) => [
    ...o.level.map((f) => ['output level', f] as [string, Figure]),
    ...o.power.map((f) => ['output power', f] as [string, Figure]),
    ...o.outputImpedance.map((f) => ['output impedance', f] as [string, Figure]),
    ...(o.maxCurrent ?? []).map((f) => ['current limit', f] as [string, Figure]),
    ...(o.noise ?? []).map((f) => ['output noise', f] as [string, Figure]),
  ]);
}

const headphones = devices.filter((d) => d.type === 'headphone');
const sources = devices.filter((d) => d.type === 'source');
console.log(
  `Knowledge coverage: ${topics.length} FAQ topics, ${devices.length} devices (${headphones.length} headphones, ` +
    `${sources.length} sources)`,
);

console.log('\nSources by estimate class (sourced = a computable output level; name-only = known by name, estimated):');
for (const cls of SOURCE_CLASS_IDS) {
  const of = sources.filter((d) => d.type === 'source' && d.class === cls);
  const sourced = brain.classes.membersOf(cls).length;
  const via = of.filter((d) => d.type === 'source' && d.headphonesVia).length;
  const use = brain.classes.use(cls);
  const from = use && use.from !== cls ? `, estimated from ${CLASS_WORDS[use.from].many}` : '';
  console.log(
    `  ${cls.padEnd(20)} ${String(of.length).padStart(3)} devices: ${sourced} sourced, ${of.length - sourced - via} ` +
      `name-only${via ? `, ${via} through an adapter` : ''}${from}`,
  );
}
const hpSourced = headphones.filter((d) => d.type === 'headphone' && headphoneSpec(d)?.spec.sensitivity).length;
console.log(
  `\nHeadphones: ${hpSourced} with impedance and sensitivity, ${headphones.length - hpSourced} name-only or ` +
    `incomplete (estimated from headphones built alike)`,
);
console.log(
  `  by form:   ${count(headphones, (d) => (d.type === 'headphone' ? d.form : ''))
    .map(([k, n]) => `${k} ${n}`)
    .join(', ')}`,
);
console.log(
  `  by driver: ${count(headphones, (d) => (d.type === 'headphone' ? d.driver : ''))
    .map(([k, n]) => `${k} ${n}`)
    .join(', ')}`,
);

const all = devices.flatMap(figures);
const byBasis = (figs: [string, Figure][]) =>
  BASES.map((b) => `${b} ${figs.filter(([, f]) => f.basis === b).length}`).join(', ');
console.log(`\nFigures: ${all.length} (${byBasis(all)})`);
for (const [kind] of count(all, ([k]) => k)) {
  const of = all.filter(([k]) => k === kind);
  console.log(`  ${kind.padEnd(18)} ${String(of.length).padStart(4)}  ${byBasis(of)}`);
}

// The device names people ask about most in the development questions, and whether they resolve.
const devFile = join(PROJECT_ROOT, '..', 'shared', 'eval', 'dev-questions.jsonl');
if (existsSync(devFile)) {
  const brands = new Set(devices.map((d) => normalize(d.brand).split(' ')[0] ?? '').filter((b) => b.length >= 3));
  const asked = new Map<string, { n: number; resolved: string | null }>();
  const note = (name: string, resolved: string | null) => {
    const prior = asked.get(name);
    asked.set(name, { n: (prior?.n ?? 0) + 1, resolved: prior?.resolved ?? resolved });
  };
  for (const line of readFileSync(devFile, 'utf8').split('\n')) {
    if (!line.trim()) continue;
    const question = String((JSON.parse(line) as { question: string }).question);
    const { mentions, near } = findMentions(question, brain.devices);
    for (const m of mentions) note(m.text, m.device.id);
    for (const m of near) note(m.text, null);
    // A brand followed by a word with a digit that no mention covered: a device the catalogue may not know.
    const words = normalize(question).split(' ');
    words.forEach((w, i) => {
      const next = words[i + 1];
      if (!brands.has(w) || !next || !/\d/.test(next)) return;
      const name = `${w} ${next}`;
      if (mentions.some((m) => m.text.includes(next))) return;
      const r = brain.devices.resolve(name);
      note(name, r.status === 'found' ? r.device.id : null);
    });
  }
  const top = [...asked].sort((a, b) => b[1].n - a[1].n).slice(0, 20);
  console.log(`\nThe ${top.length} device names asked most in ${devFile.replace(`${PROJECT_ROOT}/`, '')}:`);
  for (const [name, { n, resolved }] of top)
    console.log(`  ${String(n).padStart(3)}× ${name.padEnd(28)} ${resolved ? `→ ${resolved}` : '✗ does not resolve'}`);
}
if (problems.length) console.log(`\n${problems.length} validation problem(s): run npm run validate`);
