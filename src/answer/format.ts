/** Number formatting for answers: few digits, units attached, the way an engineer would write them. */
export const V = (v: number) =>
  `${v >= 10 ? v.toFixed(1) : v >= 1 ? v.toFixed(2) : v >= 0.1 ? v.toFixed(3) : v.toPrecision(2)} V`;
export const mW = (p: number) =>
  `${p >= 100 ? p.toFixed(0) : p >= 10 ? p.toFixed(1) : p >= 1 ? p.toFixed(2) : p.toPrecision(2)} mW`;
export const mA = (i: number) => `${i >= 100 ? i.toFixed(0) : i >= 10 ? i.toFixed(1) : i.toFixed(2)} mA`;
export const dB = (x: number) => `${x.toFixed(1)} dB`;
export const signedDb = (x: number) => `${x >= 0 ? '+' : '−'}${Math.abs(x).toFixed(1)} dB`;
export const ohm = (z: number) => `${z >= 100 ? z.toFixed(0) : Number(z.toPrecision(3))} Ω`;
export const num = (x: number, digits = 2) => String(Number(x.toFixed(digits)));
