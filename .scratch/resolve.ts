import { loadKnowledge } from '../src/knowledge/index.js';
import { Brain } from '../src/answer/brain.js';
import { modelNumbers } from '../src/search/device-finder.js';
const b = new Brain(loadKnowledge()) as any;
for (const t of process.argv.slice(2)) {
  const f = b.devices ?? b.finder ?? b.deviceFinder;
  console.log(t, modelNumbers(t), JSON.stringify(f ? f.resolve(t) : Object.keys(b)).slice(0, 400));
}
const f = b.devices;
const t = 'apple lightning to 3.5mm adapter';
const d = f.byId('apple-lightning-to-3-5mm-adapter');
console.log('why', JSON.stringify(f.resolve(t)).match(/"why":"[^"]+"/));
console.log('unknown', f.unknownWords(t), 'variants', f.variantsOf(d).map((x:any)=>x.id), d.variant, d.family);
const r = f.resolve(t); console.log('R', r.status, r.why);
const q = t.replace(/[^a-z0-9]/g,'');
console.log('contained', f.longestContained?.(q, () => true)?.key, 'hits', f.index.search(t, { limit: 3 }).map((h:any)=>[h.doc.payload.id,h.score]));
