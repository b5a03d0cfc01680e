// Quick check for device YAML files against the project's schema. Usage: npx tsx /work/tools/check-devices.ts FILE...
import { readFileSync } from 'node:fs';
import YAML from 'yaml';
import { Device, DeviceFile } from './device-schema.js';
let bad = 0; const ids = new Set<string>();
for (const f of process.argv.slice(2)) {
  const doc = DeviceFile.safeParse(YAML.parse(readFileSync(f, 'utf8')));
  if (!doc.success) { console.log(f, doc.error.issues); bad++; continue; }
  doc.data.devices.forEach((d, i) => {
    const r = Device.safeParse(d);
    if (!r.success) { bad++; for (const is of r.error.issues) console.log(`${f} devices[${i}] ${(d as any)?.id ?? ''} ${is.path.join('.')}: ${is.message}`); }
    else { if (ids.has(r.data.id)) { bad++; console.log(`${f}: duplicate id ${r.data.id}`); } ids.add(r.data.id); }
  });
}
console.log(bad ? `${bad} problem(s)` : `ok: ${ids.size} devices`);
