import { loadKnowledge } from '../src/knowledge/index.js';
import { Brain } from '../src/answer/brain.js';
const b = new Brain(loadKnowledge()) as any;
for (const t of process.argv.slice(2)) { const r = b.devices.resolve(t); console.log(t, '→', r.status, r.device?.id ?? '', r.assumedVariant ?? '', (r.variants ?? r.suggestions ?? r.candidates ?? []).map((d: any) => d.id).join(',')); }
