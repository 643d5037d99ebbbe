/**
 * Source-NAT rules a network plugin writes for pod traffic that leaves the pod network, as
 * structured rules (so derivations can evaluate them) and as the lines `iptables-save -t nat`
 * prints for them.
 */

/** An address match of a rule: `-s`/`-d` with a CIDR, `!` when negated. */
export interface AddressMatch {
  cidr: string;
  negate?: boolean;
}

/** One rule of the nat table. */
export interface NatRule {
  /** Chain the rule is appended to. */
  chain: string;
  /** `-s` match. */
  source?: AddressMatch;
  /** `-d` match. */
  destination?: AddressMatch;
  /** `-m mark --mark <value>` match. */
  mark?: string;
  /** `-m comment --comment` text. */
  comment: string;
  /** What a matching packet does: leave the chain, be masqueraded, or jump to a chain. */
  target: { kind: 'RETURN' } | { kind: 'MASQUERADE'; randomFully: boolean } | { kind: 'jump'; chain: string };
}

function address(flag: '-s' | '-d', m: AddressMatch | undefined): string[] {
  if (!m) return [];
  return m.negate ? ['!', flag, m.cidr] : [flag, m.cidr];
}

/** A comment as iptables-save prints it: in double quotes when it contains a space. */
function comment(text: string): string {
  return /\s/.test(text) ? `"${text}"` : text;
}

/** The rule as `iptables-save` prints it (addresses first, then the matches in order, then the target). */
export function formatNatRule(rule: NatRule): string {
  const target = rule.target.kind === 'jump'
    ? ['-j', rule.target.chain]
    : rule.target.kind === 'MASQUERADE'
      ? ['-j', 'MASQUERADE', ...(rule.target.randomFully ? ['--random-fully'] : [])]
      : ['-j', 'RETURN'];
  return [
    '-A', rule.chain,
    ...address('-s', rule.source), ...address('-d', rule.destination),
    ...(rule.mark ? ['-m', 'mark', '--mark', rule.mark] : []),
    '-m', 'comment', '--comment', comment(rule.comment),
    ...target,
  ].join(' ');
}
