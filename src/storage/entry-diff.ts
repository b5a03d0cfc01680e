/** What changed between two versions of an entry, as short diff lines for /kb history. */
import { diffLines } from 'diff';
import type { EntryInput } from './entry-schema.js';

function fieldsOf(input: EntryInput): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(input)) out[k] = Array.isArray(v) ? v.join(', ') : String(v);
  return out;
}

export function entryDiff(before: EntryInput | null, after: EntryInput): string[] {
  if (!before) return ['+ created'];
  const a = fieldsOf(before);
  const b = fieldsOf(after);
  const lines: string[] = [];
  for (const key of new Set([...Object.keys(a), ...Object.keys(b)])) {
    if (a[key] === b[key]) continue;
    if (key === 'body') {
      for (const part of diffLines(a[key] ?? '', b[key] ?? '')) {
        if (!part.added && !part.removed) continue;
        for (const line of part.value.split('\n').filter(Boolean))
          lines.push(`${part.added ? '+' : '-'} ${line.slice(0, 120)}`);
      }
    } else lines.push(`~ ${key}: ${(a[key] ?? '∅').slice(0, 60)} → ${(b[key] ?? '∅').slice(0, 60)}`);
  }
  return lines.length ? lines : ['(no change in content)'];
}
