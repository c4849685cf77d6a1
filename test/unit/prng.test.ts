import { describe, expect, it } from 'vitest';
import { prng, shuffleInPlace } from '../../scripts/prng';

describe('shuffleInPlace', () => {
  it('permutes every item once and gives the same order for the same seed', () => {
    const order = (seed: number) => {
      const items = Array.from({ length: 50 }, (_, i) => i);
      shuffleInPlace(items, prng(seed));
      return items;
    };
    const first = order(20261206);
    expect([...first].sort((a, b) => a - b)).toEqual(Array.from({ length: 50 }, (_, i) => i));
    expect(first).not.toEqual(Array.from({ length: 50 }, (_, i) => i));
    expect(order(20261206)).toEqual(first);
    expect(order(7)).not.toEqual(first);
  });
});
