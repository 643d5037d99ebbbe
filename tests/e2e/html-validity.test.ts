/**
 * Every built page is valid HTML according to the Nu Html Checker (vnu-jar, the W3C validator).
 *
 * A few messages are about markup that Starlight 0.42 and Expressive Code 0.44 emit and we do
 * not author, or CSS the checker does not know yet; each is listed with its reason. Anything else, including every error in our own
 * components and pages, fails the test with the file, line and message.
 */
import { execFileSync } from 'node:child_process';
import { expect, it } from 'vitest';

const UPSTREAM_MARKUP: Array<{ message: RegExp; why: string }> = [
  // vnu's CSS parser rejects custom properties named like `--0` in style attributes; they are valid CSS.
  { message: /^CSS: “--”: Parse Error\.$/, why: 'Expressive Code theme variables (style="--0:#...")' },
  { message: /^Element “div” not allowed as child of element “code”/, why: 'Expressive Code line wrappers inside <code>' },
  { message: /^Element “div” not allowed as child of element “button”/, why: 'Expressive Code copy button icon' },
  { message: /^Forbidden code point U\+007f\.$/, why: 'Expressive Code copy button keeps line breaks as U+007F in data-code' },
  { message: /^The “aria-hidden” attribute must not be specified on the “script” element\.$/, why: 'Starlight sidebar scroll-restore script' },
  // Not upstream markup but an upstream checker gap: vnu's CSS parser (the W3C CSS validator's)
  // does not know CSS container queries (css-contain-3, in every current browser), see
  // https://github.com/w3c/css-validator/issues/422 and /423. MermaidFigure.astro picks a figure's
  // phone variant by its column's width with them.
  { message: /^CSS: Unrecognized at-rule “@container”$/, why: 'container queries (MermaidFigure.astro)' },
  { message: /^CSS: “container”: Property “container” doesn't exist\.$/, why: 'container queries (MermaidFigure.astro)' },
];

interface VnuMessage {
  type: string;
  url: string;
  lastLine?: number;
  message: string;
}

it('has no HTML errors in any page of dist/', () => {
  // The jar ships inside the package; its optional Java downloader (postinstall) is not used.
  const jar = 'node_modules/vnu-jar/build/dist/vnu.jar';
  let output: string;
  try {
    output = execFileSync('java', ['-jar', jar, '--errors-only', '--format', 'json', '--skip-non-html', 'dist'], {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'pipe'],
      maxBuffer: 64 * 1024 * 1024,
    });
  } catch (error) {
    // vnu exits 1 when it finds errors and writes its JSON report to stderr.
    const e = error as { stderr?: string; code?: string };
    if (e.code === 'ENOENT') throw new Error('java not found: install a Java runtime (apt-get install -y default-jre-headless)');
    output = e.stderr ?? '';
  }
  const { messages } = JSON.parse(output || '{"messages":[]}') as { messages: VnuMessage[] };
  const ours = messages
    .filter((m) => m.type === 'error')
    .filter((m) => !UPSTREAM_MARKUP.some((u) => u.message.test(m.message)))
    .map((m) => `${m.url.replace(/^file:.*?\/dist\//, 'dist/')}:${m.lastLine ?? '?'}: ${m.message}`);
  expect(ours).toEqual([]);
});
