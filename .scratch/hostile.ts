import { loadKnowledge } from '../src/knowledge/index.js';
import { Brain } from '../src/answer/brain.js';
import { extractEntities } from '../src/understand/entities.js';
const b = new Brain(loadKnowledge());
const texts = { normal: 'can my scarlett 2i2 drive an hd 600 at 110 dB?', mixed: '1.2-3/4 ohm dB mW V 5k Ω @#$%^&*()[]{}<>|~ '.repeat(100).slice(0, 4000) };
for (let i = 0; i < 200; i++) for (const t of Object.values(texts)) b.ask(t);
for (const [k, t] of Object.entries(texts)) {
  const ts: number[] = [];
  for (let i = 0; i < 41; i++) { const s = performance.now(); b.ask(t); ts.push(performance.now() - s); }
  ts.sort((a, b) => a - b); console.log(k, ts[20].toFixed(3));
}
