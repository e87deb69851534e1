import { describe, expect, it } from 'vitest';
import { median, quartiles } from './stats';

describe('quartiles', () => {
  it('interpolates between sorted values, whatever the input order', () => {
    expect(quartiles([9, 1, 5, 3, 7])).toEqual({ q1: 3, median: 5, q3: 7 });
    expect(quartiles([4, 1, 3, 2])).toEqual({ q1: 1.75, median: 2.5, q3: 3.25 });
  });

  it('agrees with median and is not moved by one outlier', () => {
    const values = [1.9, 2.0, 2.1, 1.8, 2.2, 2.0, 40];
    expect(quartiles(values).median).toBe(median(values));
    const { q1, q3 } = quartiles(values);
    expect(q3 - q1).toBeCloseTo(0.2, 10);
  });

  it('gives one value for a single sample and refuses an empty list', () => {
    expect(quartiles([3])).toEqual({ q1: 3, median: 3, q3: 3 });
    expect(() => quartiles([])).toThrow(RangeError);
  });
});
