// Vectors: FIPS 180-2 Appendix A/B (SHA-1 and SHA-256 "abc" and the 448-bit message),
// and RFC 4648 section 10 (base32 test vectors).
import { describe, expect, it } from 'vitest';
import { sha1, sha256, toBase32, toHex } from '../../../src/net/hash.ts';

const MSG448 = 'abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq';

describe('sha1 (FIPS 180-2 appendix A)', () => {
  it('hashes "abc"', () => expect(toHex(sha1('abc'))).toBe('a9993e364706816aba3e25717850c26c9cd0d89d'));
  it('hashes the 448-bit message (two blocks)', () => expect(toHex(sha1(MSG448))).toBe('84983e441c3bd26ebaae4aa1f95129e5e54670f1'));
  it('hashes the empty string', () => expect(toHex(sha1(''))).toBe('da39a3ee5e6b4b0d3255bfef95601890afd80709'));
});

describe('sha256 (FIPS 180-2 appendix B)', () => {
  it('hashes "abc"', () => expect(toHex(sha256('abc'))).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad'));
  it('hashes the 448-bit message', () => expect(toHex(sha256(MSG448))).toBe('248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1'));
  it('hashes the empty string', () => expect(toHex(sha256(''))).toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855'));
});

describe('toBase32 (RFC 4648 section 10)', () => {
  const enc = (s: string): string => toBase32(new TextEncoder().encode(s));
  it.each([
    ['', ''], ['f', 'MY======'], ['fo', 'MZXQ===='], ['foo', 'MZXW6==='],
    ['foob', 'MZXW6YQ='], ['fooba', 'MZXW6YTB'], ['foobar', 'MZXW6YTBOI======'],
  ])('encodes %j as %j', (input, expected) => expect(enc(input)).toBe(expected));
});
