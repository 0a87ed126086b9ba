// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { tokenFromHash } from '../../src/account/linkToken';

describe('tokenFromHash', () => {
  it.each([
    ['#token=inv_1', 'inv_1'],
    ['token=inv_2&x=1', 'inv_2'],
    ['#token=a%2Bb', 'a+b'],
    ['#other=1', null],
    ['', null],
    [`#token=${'a'.repeat(200)}`, 'a'.repeat(200)],
    [`#token=${'a'.repeat(201)}`, null],
  ])('reads the token of %j', (hash, token) => {
    expect(tokenFromHash(hash)).toBe(token);
  });
});
