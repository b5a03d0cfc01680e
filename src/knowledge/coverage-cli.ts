/** `npm run coverage`: how many devices of each kind, and how many figures come from each basis (maker, maker-quoted, measured, second-hand). */
import { BASES, DEFAULT_KNOWLEDGE_DIR, loadKnowledgeWithProblems, type Basis, type KnownDevice } from './index.js';

const { devices, topics, problems } = loadKnowledgeWithProblems(process.argv[2] ?? DEFAULT_KNOWLEDGE_DIR);

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
console.log(`Knowledge coverage: ${topics.length} FAQ topics, ${devices.length} devices (${headphones.length} headphones, ${sources.length} sources)`);
console.log(`\nHeadphones by form:   ${count(headphones, (d) => (d.type === 'headphone' ? d.form : '')).map(([k, n]) => `${k} ${n}`).join(', ')}`);
console.log(`Headphones by driver: ${count(headphones, (d) => (d.type === 'headphone' ? d.driver : '')).map(([k, n]) => `${k} ${n}`).join(', ')}`);
console.log(`Sources by category:  ${count(sources, (d) => (d.type === 'source' ? d.category : '')).map(([k, n]) => `${k} ${n}`).join(', ')}`);
const all = devices.flatMap(figures);
const byBasis = (figs: [string, Figure][]) => BASES.map((b) => `${b} ${figs.filter(([, f]) => f.basis === b).length}`).join(', ');
console.log(`\nFigures: ${all.length} (${byBasis(all)})`);
for (const [kind] of count(all, ([k]) => k)) {
  const of = all.filter(([k]) => k === kind);
  console.log(`  ${kind.padEnd(18)} ${String(of.length).padStart(4)}  ${byBasis(of)}`);
}
const noSens = headphones.filter((d) => d.type === 'headphone' && d.sensitivity.length === 0).length;
console.log(`\nHeadphones without a sourced sensitivity: ${noSens}`);
console.log(`Sources without a sourced output impedance: ${sources.filter((d) => d.type === 'source' && d.outputs.every((o) => o.outputImpedance.length === 0)).length}`);
if (problems.length) console.log(`\n${problems.length} validation problem(s): run npm run validate`);
