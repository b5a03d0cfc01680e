/** Reads knowledge/devices/{headphones,sources}/*.yaml; each file holds `devices:`, each device validated by zod. */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseYaml } from './yaml.js';
import { Device, DeviceFile } from './device-schema.js';

/** A device as loaded, with the file it came from (for messages). */
export type KnownDevice = Device & { file: string };
import { issuesToProblems, type KnowledgeProblem } from './problems.js';

const FOLDERS = { headphones: 'headphone', sources: 'source' } as const;

export function parseDeviceFile(
  text: string,
  file: string,
  expectedType?: Device['type'],
): { devices: KnownDevice[]; problems: KnowledgeProblem[] } {
  const devices: KnownDevice[] = [];
  const problems: KnowledgeProblem[] = [];
  let raw: unknown;
  try {
    raw = parseYaml(text);
  } catch (err) {
    return {
      devices,
      problems: [{ file, field: '', message: `is not valid YAML: ${String((err as Error).message).split('\n')[0]}` }],
    };
  }
  const doc = DeviceFile.safeParse(raw);
  if (!doc.success) return { devices, problems: issuesToProblems(file, doc.error.issues) };
  doc.data.devices.forEach((item, i) => {
    const id = typeof item === 'object' && item && 'id' in item ? String((item as { id: unknown }).id) : `#${i}`;
    const parsed = Device.safeParse(item);
    if (!parsed.success) {
      problems.push(...issuesToProblems(file, parsed.error.issues, `devices[${i}] (${id})`));
      return;
    }
    if (expectedType && parsed.data.type !== expectedType) {
      problems.push({
        file,
        field: `devices[${i}] (${id}).type`,
        message: `a ${parsed.data.type} does not belong in this folder (expected ${expectedType})`,
      });
      return;
    }
    devices.push({ ...parsed.data, file });
  });
  return { devices, problems };
}

export function loadDevices(root: string): { devices: KnownDevice[]; problems: KnowledgeProblem[] } {
  const devices: KnownDevice[] = [];
  const problems: KnowledgeProblem[] = [];
  for (const [folder, type] of Object.entries(FOLDERS)) {
    const dir = join(root, 'devices', folder);
    let names: string[] = [];
    try {
      names = readdirSync(dir)
        .filter((n) => n.endsWith('.yaml') || n.endsWith('.yml'))
        .sort();
    } catch {
      continue; // a knowledge base may have no devices yet
    }
    for (const name of names) {
      const result = parseDeviceFile(
        readFileSync(join(dir, name), 'utf8'),
        `knowledge/devices/${folder}/${name}`,
        type,
      );
      devices.push(...result.devices);
      problems.push(...result.problems);
    }
  }
  return { devices, problems };
}
