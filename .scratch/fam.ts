import { loadKnowledge } from '../src/knowledge/index.js';
import { compact } from '../src/text/normalize.js';
const k = loadKnowledge();
const fams = new Map<string, any[]>();
for (const d of k.devices) if ((d as any).family) { const f=(d as any).family; fams.set(f, [...(fams.get(f)??[]), d]); }
for (const [f, ds] of fams) {
  const def = ds.find((d) => d.familyDefault);
  if (!def) continue;
  const shares = ds.some((d) => d !== def && compact(d.model) === compact(def.model));
  if (!shares) console.log(f, ds.map((d) => `${d.model} [${d.variant}]`).join(' | '));
}
