/**
 * Unit conversions. All pure; callers validate inputs (positive, finite) first.
 */

/** 0 dBu = √0.6 Vrms ≈ 0.7746 V (1 mW into 600 Ω). */
export const DBU_REFERENCE_VRMS = Math.sqrt(0.6);

/** Decibels of a voltage ratio. */
export function voltageRatioToDb(ratio: number): number {
  return 20 * Math.log10(ratio);
}

/** Voltage ratio of a dB figure. */
export function dbToVoltageRatio(db: number): number {
  return 10 ** (db / 20);
}

/** Decibels of a power ratio. */
export function powerRatioToDb(ratio: number): number {
  return 10 * Math.log10(ratio);
}

/** Power ratio of a dB figure. */
export function dbToPowerRatio(db: number): number {
  return 10 ** (db / 10);
}

/** 10·log10(1000/Z): how many dB the per-volt figure exceeds the per-mW figure (1 Vrms into Z is 1000/Z mW). */
export function unitOffsetDb(impedanceOhm: number): number {
  return 10 * Math.log10(1000 / impedanceOhm);
}

/** S_V = S_mW + 10·log10(1000/Z). */
export function dbMwToDbV(sensitivityDbMw: number, impedanceOhm: number): number {
  return sensitivityDbMw + unitOffsetDb(impedanceOhm);
}

/** S_mW = S_V − 10·log10(1000/Z). */
export function dbVToDbMw(sensitivityDbV: number, impedanceOhm: number): number {
  return sensitivityDbV - unitOffsetDb(impedanceOhm);
}

/** V = 0.7746 · 10^(dBu/20). */
export function dbuToVrms(dbu: number): number {
  return DBU_REFERENCE_VRMS * dbToVoltageRatio(dbu);
}

export function vrmsToDbu(vrms: number): number {
  return voltageRatioToDb(vrms / DBU_REFERENCE_VRMS);
}

/** V = 10^(dBV/20). */
export function dbvToVrms(dbv: number): number {
  return dbToVoltageRatio(dbv);
}

export function vrmsToDbv(vrms: number): number {
  return voltageRatioToDb(vrms);
}

/** Sine: Vrms = Vpp / (2√2). */
export function vppToVrms(vpp: number): number {
  return vpp / (2 * Math.SQRT2);
}

/** Sine: Vrms = Vpk / √2. */
export function vpkToVrms(vpk: number): number {
  return vpk / Math.SQRT2;
}

/** P (mW) = 1000 · V² / Z. */
export function vrmsToMw(vrms: number, loadOhm: number): number {
  return (1000 * vrms * vrms) / loadOhm;
}

/** V = √(P · Z / 1000). */
export function mwToVrms(mw: number, loadOhm: number): number {
  return Math.sqrt((mw * loadOhm) / 1000);
}

/** I (mA) = 1000 · V / Z. */
export function vrmsToMa(vrms: number, loadOhm: number): number {
  return (1000 * vrms) / loadOhm;
}

/** V = I (mA) · Z / 1000. */
export function maToVrms(ma: number, loadOhm: number): number {
  return (ma * loadOhm) / 1000;
}

/** SPL produced by `vrms` on a headphone of sensitivity S_V: S_V + 20·log10(V). */
export function splAtVoltage(sensitivityDbV: number, vrms: number): number {
  return sensitivityDbV + voltageRatioToDb(vrms);
}

/** Voltage needed for `spl` on a headphone of sensitivity S_V: 10^((SPL − S_V)/20). */
export function voltageForSpl(sensitivityDbV: number, spl: number): number {
  return dbToVoltageRatio(spl - sensitivityDbV);
}

/** Δ in dB between two voltages (positive when a > b). */
export function dbBetween(a: number, b: number): number {
  return voltageRatioToDb(a / b);
}
