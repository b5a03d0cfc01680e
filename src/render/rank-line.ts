import { dB } from '../format.js';

/** Short summary line for reverse-query listings: "Schiit Magni — fine, +14.2 dB". */
export function rankLine(name: string, verdict: string, headroomDb: number | null): string {
  const headroom = headroomDb === null ? '' : `, ${headroomDb >= 0 ? '+' : ''}${dB(headroomDb)}`;
  return `${name} — ${verdict.replace('_', ' ')}${headroom}`;
}
