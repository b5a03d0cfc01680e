import { loadKnowledge } from '../src/knowledge/index.js';
import { Brain } from '../src/answer/brain.js';
const b = new Brain(loadKnowledge());
const t = '1.2-3/4 ohm dB mW V 5k Ω @#$%^&*()[]{}<>|~ '.repeat(100).slice(0, 4000);
for (let i = 0; i < 3000; i++) b.ask(t);
