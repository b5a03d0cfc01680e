import { describe, expect, it } from 'vitest';
import { combineVerdicts, verdictForHeadroom } from '../../src/engine/index.js';

describe('verdict bands', () => {
  it.each([
    [12, 'fine'],
    [0, 'fine'],
    [-0, 'fine'],
    [-1e-12, 'fine'], // float noise at the edge counts as the edge
    [-0.001, 'marginal'],
    [-3, 'marginal'],
    [-6, 'marginal'],
    [-6 - 1e-12, 'marginal'],
    [-6.001, 'needs_amp'],
    [-40, 'needs_amp'],
  ] as const)('headroom %s dB → %s', (h, v) => {
    expect(verdictForHeadroom(h)).toBe(v);
  });
  it('edges computed in floating point land on the right side', () => {
    // 20·log10(10^(−6/20)) is −6 up to rounding
    expect(verdictForHeadroom(20 * Math.log10(10 ** (-6 / 20)))).toBe('marginal');
  });
  it('combines: all agree → that verdict; otherwise depends; none → unknown', () => {
    expect(combineVerdicts(['fine', 'fine'])).toBe('fine');
    expect(combineVerdicts(['fine', 'needs_amp'])).toBe('depends');
    expect(combineVerdicts([])).toBe('unknown');
  });
});
