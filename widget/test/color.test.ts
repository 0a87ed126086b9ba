import { describe, expect, it } from 'vitest';
import { contrastRatio, readableTextColor } from '../src/color';

describe('contrastRatio', () => {
  it('is 21 for black on white and 1 for equal colours', () => {
    expect(contrastRatio('#000000', '#ffffff')).toBeCloseTo(21);
    expect(contrastRatio('#abc', '#aabbcc')).toBeCloseTo(1);
  });
});

describe('readableTextColor', () => {
  it('uses white text on dark accents and dark text on light ones', () => {
    expect(readableTextColor('#2563eb')).toBe('#ffffff');
    expect(readableTextColor('#000')).toBe('#ffffff');
    expect(readableTextColor('#facc15')).toBe('#111827');
    expect(readableTextColor('#FFF')).toBe('#111827');
  });
});
