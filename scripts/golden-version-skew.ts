/**
 * Differences an upstream golden check reports that come from the upstream versions its fixtures
 * were read at, not from the project. The kube-proxy check compares one derivation with two
 * upstream versions of proxier_test.go: fixture A (newest) expects the localhost-NodePort
 * `nfacct` rule kube-proxy writes since v1.31 (PR #125015) when the kernel has nfacct; fixture B (an older
 * proxier_test.go, commit 059ce4e) predates that rule. The check passes both the same options, so
 * one of the two always differs. We write what current kube-proxy writes (fixture A), and accept
 * exactly that rule in fixture B cases, reported as version skew, never counted as a match.
 */

export interface VersionSkew {
  check: string;
  /** Fixture letter the difference is accepted in. */
  fixture: string;
  /** A whole difference line of the check's output. */
  line: RegExp;
  reason: string;
}

export const VERSION_SKEWS: VersionSkew[] = [
  {
    check: 'kube_proxy_golden.mts',
    fixture: 'B',
    line: /^ {2}\+ project only: +-A KUBE-NODEPORTS .* -d 127\.0\.0\.0\/8 --dport \d+ -m nfacct --nfacct-name localhost_nps_accepted_pkts -j KUBE-EXT-[A-Z2-7]{16}$/,
    reason:
      'the localhost-NodePort nfacct rule of kube-proxy v1.31+ (kubernetes PR #125015, metrics.LocalhostNodePortAcceptedNFAcctCounter), which fixture A expects and fixture B\'s older proxier_test.go predates',
  },
];

export interface SkewReading {
  /** Difference lines explained by a known skew, with the reason. */
  explained: Array<{ line: string; reason: string }>;
  /** Difference lines (or failure markers) nothing explains. */
  unexplained: string[];
}

const CASE_HEADER = /^\[(\w+)\] .*\(fixture (\w)\b/;
const DIFFERENCE = /^ {2}[+-] /;
// Summary counters that must be zero for a run to be explained by skew alone.
const OTHER_FAILURES = /(declaration differences|failed count assertions): ([1-9]\d*)/g;

/** Sorts the difference lines of a failed check's output into explained by skew and not. */
export function readVersionSkew(check: string, stdout: string, skews: VersionSkew[] = VERSION_SKEWS): SkewReading {
  const reading: SkewReading = { explained: [], unexplained: [] };
  let fixture = '';
  for (const line of stdout.split('\n')) {
    const header = CASE_HEADER.exec(line);
    if (header) fixture = header[2]!;
    if (!DIFFERENCE.test(line)) continue;
    const skew = skews.find((s) => s.check === check && s.fixture === fixture && s.line.test(line));
    if (skew) reading.explained.push({ line, reason: skew.reason });
    else reading.unexplained.push(line);
  }
  for (const [marker] of stdout.matchAll(OTHER_FAILURES)) reading.unexplained.push(marker);
  const figure = /(\d+)\/(\d+) rules match/.exec(stdout);
  if (figure && figure[1] !== figure[2]) reading.unexplained.push(figure[0]);
  return reading;
}
