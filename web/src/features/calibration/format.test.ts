import { describe, expect, it } from 'vitest';
import { biasDirection, formatInterval, formatMetric, formatPercent, formatSigned, qwkBand } from './format';

describe('calibration formats', () => {
  it('formats metrics in the UI language, and null as a dash', () => {
    expect(formatMetric(0.7052740434332989, 'fr')).toBe('0,71');
    expect(formatMetric(0.7052740434332989, 'en')).toBe('0.71');
    expect(formatMetric(null, 'fr')).toBe('—');
    expect(formatPercent(0.5666666666666667, 'en')).toBe('57%');
    expect(formatPercent(0.5666666666666667, 'fr')).toMatch(/^57\s%$/);
  });

  it('signs differences with a true minus, and none for zero', () => {
    expect(formatSigned(0.23333, 'fr')).toBe('+0,23');
    expect(formatSigned(-0.1, 'en')).toBe('−0.10');
    expect(formatSigned(0.001, 'en')).toBe('0.00');
    expect(formatSigned(null, 'en')).toBe('—');
  });

  it('reads bias and QWK for people', () => {
    expect(biasDirection(0.23)).toBe('higher');
    expect(biasDirection(-0.4)).toBe('lower');
    expect(biasDirection(0.02)).toBe('none');
    expect(biasDirection(null)).toBeNull();
    expect([0.85, 0.7, 0.6, 0.2, null].map(qwkBand)).toEqual(['good', 'good', 'fair', 'poor', null]);
  });

  it('formats a 95 % interval with the separator of the language, and none as a dash', () => {
    expect(formatInterval([0.5512, 0.8249], 'fr')).toBe('[0,55 ; 0,82]');
    expect(formatInterval([0.5512, 0.8249], 'en')).toBe('[0.55, 0.82]');
    expect(formatInterval([-0.2, 0.1], 'fr', (v, l) => formatSigned(v, l))).toBe('[−0,20 ; +0,10]');
    expect(formatInterval(null, 'fr')).toBe('—');
  });
});
