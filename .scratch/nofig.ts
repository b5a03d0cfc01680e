import { loadKnowledge } from '../src/knowledge/index.js';
const k = loadKnowledge();
const hp: string[] = [], src: string[] = [];
for (const d of k.devices as any[]) {
  if (d.type === 'headphone') { if (!d.impedance?.length || !d.sensitivity?.length) hp.push(`${d.id} [${!d.impedance?.length ? 'Z' : ''}${!d.sensitivity?.length ? 'S' : ''}]`); }
  else { const has = (d.outputs ?? []).some((o: any) => (o.power?.length || o.level?.length || o.vrms?.length || o.maxVrms || o.levels?.length)); if (!has) src.push(d.id); }
}
console.log('headphones', hp.length, 'of', k.devices.filter((d: any) => d.type === 'headphone').length); console.log(hp.join('\n'));
console.log('sources', src.length); console.log(src.join(' '));
