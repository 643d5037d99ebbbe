/**
 * Go's `fmt.Sprintf("%0.<n>f", x)` for a float64, exactly.
 *
 * kube-proxy writes `--probability` with `fmt.Sprintf("%0.10f", 1.0/float64(n))`
 * (pkg/proxy/iptables/proxier.go computeProbability). Go formats the exact binary value of
 * the float64 and rounds a tie to even (golang/go src/strconv/decimal.go shouldRoundUp:
 * "exactly halfway - round to even"); JavaScript's Number.prototype.toFixed rounds a tie
 * up (ECMA-262 Number.prototype.toFixed: "If there are two such n, pick the larger n").
 * They differ only on exact ties, e.g. 1/2048 = 0.00048828125: Go 0.0004882812, toFixed
 * 0.0004882813. This computes with BigInt on the exact value, so it has no ties to guess.
 */

/** The float64 `x` (finite, non-negative) as an exact fraction num / 2^shift. */
function exactBinary(x: number): { num: bigint; shift: bigint } {
  const view = new DataView(new ArrayBuffer(8));
  view.setFloat64(0, x);
  const bits = view.getBigUint64(0);
  const exponent = Number((bits >> 52n) & 0x7ffn);
  const fraction = bits & ((1n << 52n) - 1n);
  // Subnormals have no implicit leading 1 and the exponent of the smallest normal.
  const mantissa = exponent === 0 ? fraction : fraction | (1n << 52n);
  const power = (exponent === 0 ? 1 : exponent) - 1075; // x = mantissa * 2^power
  return power >= 0 ? { num: mantissa << BigInt(power), shift: 0n } : { num: mantissa, shift: BigInt(-power) };
}

/** `fmt.Sprintf("%0.<digits>f", x)` for a finite, non-negative float64. */
export function goFormatFixed(x: number, digits: number): string {
  if (!Number.isFinite(x) || x < 0) throw new RangeError(`goFormatFixed: unsupported value ${x}`);
  if (!Number.isInteger(digits) || digits < 0) throw new RangeError(`goFormatFixed: unsupported precision ${digits}`);
  const { num, shift } = exactBinary(x);
  const scaled = num * 10n ** BigInt(digits);
  const den = 1n << shift;
  let q = scaled / den;
  const twiceRemainder = 2n * (scaled % den);
  if (twiceRemainder > den || (twiceRemainder === den && q % 2n === 1n)) q += 1n;
  const text = q.toString().padStart(digits + 1, '0');
  return digits === 0 ? text : `${text.slice(0, -digits)}.${text.slice(-digits)}`;
}
