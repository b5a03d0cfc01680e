import { describe, expect, it } from 'vitest';
import {
  evaluateImpedanceOnly,
  SOURCE_CLASSES,
  TYPICAL_SENSITIVITY_DB_MW,
  typicalSensitivityRange,
} from '../../src/engine/index.js';
import { unwrap } from './helpers.js';

describe('impedance-only: 250 Ω dynamic at 110 dB', () => {
  const r = unwrap(evaluateImpedanceOnly(250));
  const cell = (src: string, point: string) => r.table.find((c) => c.sourceClass === src && c.point === point);

  it('uses the documented high-impedance dynamic range, 90/97/105 dB/mW', () => {
    expect(r.driver).toBe('dynamic');
    expect(r.sensitivityRange).toMatchObject({ low: 90, typical: 97, high: 105, unit: 'dB/mW' });
    // 10·log10(1000/250) = 6.0206 → 96.0206 dB/V at the low end
    expect(cell('phone_dongle', 'low')?.sensitivityDbV).toBeCloseTo(96.0206, 3);
  });
  it('states the source figures it used', () => {
    const iface = r.sources.find((s) => s.id === 'budget_interface');
    // V_oc = 2.449490·350/300 = 2.857738; I_max = 1032.941/33 = 31.301 mA
    expect(iface?.vocVrms).toBeCloseTo(2.857738, 5);
    expect(iface?.zOutOhm).toBe(50);
    expect(iface?.iMaxMa).toBeCloseTo(31.301, 3);
    expect(r.sources.map((s) => s.id)).toEqual(['phone_dongle', 'laptop', 'budget_interface', 'desktop_amp']);
  });
  it('fills the table (source class × low/typical/high)', () => {
    expect(r.table).toHaveLength(12);
    // phone 1 V/1 Ω: V_L = 250/251 → −0.0347 dB; low 96.0206 − 0.0347 − 110 = −14.0141; typical −7.0141; high +0.9859
    expect(cell('phone_dongle', 'low')?.headroomDb).toBeCloseTo(-14.0141, 3);
    expect(cell('phone_dongle', 'typical')?.verdict).toBe('needs_amp');
    expect(cell('phone_dongle', 'high')?.headroomDb).toBeCloseTo(0.9859, 3);
    expect(cell('phone_dongle', 'high')?.verdict).toBe('fine');
    // laptop 1 V/5 Ω: 250/255 → −0.1720 dB → −14.1514 / −7.1514 / +0.8486
    expect(cell('laptop', 'typical')?.headroomDb).toBeCloseTo(-7.1514, 3);
    // interface: divider 2.857738·250/300 = 2.381448 V; ratings' ceiling between 33 and 300 Ω:
    // 1.032941·(250/33)^0.391193 = 2.280870 V → +7.1620 dB → −6.8174 / +0.1826 / +8.1826
    expect(cell('budget_interface', 'low')?.headroomDb).toBeCloseTo(-6.8174, 3);
    expect(cell('budget_interface', 'low')?.verdict).toBe('needs_amp');
    expect(cell('budget_interface', 'typical')?.verdict).toBe('fine');
    expect(cell('budget_interface', 'typical')?.warningCodes).toContain('output_impedance_high'); // 50 > 250/8
    // desktop 7 V/0.5 Ω: 7·250/250.5 = 6.986028 V → +16.8846 dB → +2.9052 / +9.9052 / +17.9052
    expect(cell('desktop_amp', 'low')?.headroomDb).toBeCloseTo(2.9052, 3);
    expect(cell('desktop_amp', 'high')?.warningCodes).toContain('too_much_gain'); // 127.9 dB max
  });
  it('verdict depends; per-source verdicts summarise the rows', () => {
    expect(r.verdict).toBe('depends');
    expect(r.sources.map((s) => s.verdict)).toEqual(['depends', 'depends', 'depends', 'fine']);
    const desk = r.sources.find((s) => s.id === 'desktop_amp');
    expect(desk?.headroomMinDb).toBeCloseTo(2.9052, 3);
    expect(desk?.headroomMaxDb).toBeCloseTo(17.9052, 3);
  });
  it('requirements at both ends of the range', () => {
    // low 90 dB/mW: 10^((110 − 96.0206)/20) = 5.0 V, 10^2 = 100 mW; high 105: 0.8891 V, 3.1623 mW
    expect(r.required?.atLow.vrms).toBeCloseTo(5, 6);
    expect(r.required?.atLow.mw).toBeCloseTo(100, 6);
    expect(r.required?.atHigh.vrms).toBeCloseTo(0.8891, 3);
    expect(r.averageSpl).toBe(95);
  });
});

describe('impedance-only: other cases', () => {
  it('16 Ω balanced-armature IEMs: every cell fine → fine', () => {
    // BA range 100/110/120 dB/mW; 10·log10(1000/16) = 17.9588. Worst cell: interface, low:
    // 2.857738·16/66 = 0.69278 V but 31.301 mA·16 Ω = 0.50082 V → 117.9588 − 6.0064 − 110 = +1.9524
    const r = unwrap(evaluateImpedanceOnly(16, { driver: 'balanced-armature' }));
    expect(r.verdict).toBe('fine');
    const worst = r.table.find((c) => c.sourceClass === 'budget_interface' && c.point === 'low');
    expect(worst?.headroomDb).toBeCloseTo(1.9524, 3);
    expect(worst?.limitedBy).toBe('current');
  });
  it('a loud target: only one cell is not needs_amp', () => {
    // 600 Ω dynamic at 130 dB: high 105 dB/mW + 10·log10(1000/600) = 105 + 2.2185 = 107.2185 dB/V;
    // desktop 7·600/600.5 = 6.994172 V → 20·log10 = 16.8946 → 124.1131 → headroom −5.8869 (marginal)
    const r = unwrap(evaluateImpedanceOnly(600, { targetSpl: 130 }));
    expect(r.table.find((c) => c.sourceClass === 'desktop_amp' && c.point === 'high')?.headroomDb).toBeCloseTo(
      -5.8869,
      3,
    );
    expect(r.table.filter((c) => c.verdict !== 'needs_amp')).toHaveLength(1);
    expect(r.verdict).toBe('depends'); // the desktop-high cell is marginal, the rest need an amp
  });
  it('uses the low-impedance dynamic bucket below 100 Ω and the planar bucket for planars', () => {
    expect(typicalSensitivityRange(32, 'dynamic')).toMatchObject(TYPICAL_SENSITIVITY_DB_MW.dynamicLowImpedance);
    expect(typicalSensitivityRange(100, 'dynamic')).toMatchObject(TYPICAL_SENSITIVITY_DB_MW.dynamicHighImpedance);
    expect(unwrap(evaluateImpedanceOnly(38, { driver: 'planar' })).sensitivityRange?.low).toBe(85);
  });
  it('electrostatic: needs an energizer, no table', () => {
    const r = unwrap(evaluateImpedanceOnly(145_000 / 10, { driver: 'electrostatic' }));
    expect(r.verdict).toBe('needs_amp');
    expect(r.table).toEqual([]);
    expect(r.warningCodes).toEqual(['electrostatic_needs_energizer']);
  });
  it("accepts the asker's own source instead of the classes", () => {
    const r = unwrap(evaluateImpedanceOnly(250, { sources: [SOURCE_CLASSES[3]!] }));
    expect(r.verdict).toBe('fine');
    expect(r.table).toHaveLength(3);
  });
  it('a source class without a level gives unknown', () => {
    const r = unwrap(
      evaluateImpedanceOnly(250, { sources: [{ id: 'x', label: 'x', basis: '', spec: { outputImpedanceOhm: 1 } }] }),
    );
    expect(r.verdict).toBe('unknown');
  });
});
