import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { addSizes, elementSpans, gzipSize, inlineParts, pageWeight, resourceKind, sizeOf } from '../../../bench/weight.ts';

describe('gzip measurement', () => {
  it('measures the bytes of a real gzip stream that decompresses to the input', () => {
    const text = 'KUBE-SVC-TCOQ7Z6G5RH7G6EL '.repeat(200);
    const size = gzipSize(text);
    expect(size).toBeGreaterThan(18); // gzip header + trailer alone are 18 bytes
    expect(size).toBeLessThan(Buffer.byteLength(text) / 10); // repetitive text compresses well
  });

  it('is 0 for empty input and counts strings as UTF-8', () => {
    expect(gzipSize('')).toBe(0);
    expect(sizeOf('…').raw).toBe(3);
    expect(sizeOf(new Uint8Array([1, 2, 3])).raw).toBe(3);
  });

  it('matches zlib: the measured stream round-trips', async () => {
    const { gzipSync } = await import('node:zlib');
    const data = Buffer.from('10.96.0.10 ndots:5 '.repeat(50));
    const zipped = gzipSync(data);
    expect(gunzipSync(zipped).equals(data)).toBe(true);
    expect(gzipSize(data)).toBe(zipped.length);
  });

  it('adds size pairs', () => {
    expect(addSizes({ raw: 1, gzip: 2 }, { raw: 10, gzip: 20 })).toEqual({ raw: 11, gzip: 22 });
    expect(addSizes()).toEqual({ raw: 0, gzip: 0 });
  });
});

describe('element spans', () => {
  it('finds outermost elements, nesting-aware', () => {
    const html = 'a<svg id="1"><svg id="2"></svg><g/></svg>b<svg id="3"/>c';
    const spans = elementSpans(html, 'svg');
    expect(spans.map((s) => html.slice(s.start, s.end))).toEqual(['<svg id="1"><svg id="2"></svg><g/></svg>', '<svg id="3"/>']);
  });

  it('does not mistake a longer tag name for the tag', () => {
    expect(elementSpans('<svgx></svgx><styles>', 'svg')).toEqual([]);
    expect(elementSpans('<styles>x</styles>', 'style')).toEqual([]);
  });

  it('runs an unclosed element to the end', () => {
    const html = '<p><svg><g>';
    expect(elementSpans(html, 'svg')).toEqual([{ start: 3, end: html.length }]);
  });
});

describe('inline parts of a document', () => {
  const html = [
    '<html><head><style>body{color:red}</style>',
    '<script>const a = "<svg>not an svg</svg>";</script>',
    '<script type="application/ld+json">{"@type":"Article"}</script>',
    '<script type="module" src="/x.js"></script></head><body>',
    '<button><svg class="icon"><path d="M0 0"/></svg></button>',
    '<figure class="mmd-figure"><div><svg id="light"><style>.n{fill:#fff}</style><rect/></svg></div>',
    '<div><svg id="dark"><style>.n{fill:#000}</style><rect/></svg></div></figure>',
    '<figure class="frame"><pre>code</pre></figure>',
    '</body></html>',
  ].join('');
  const parts = inlineParts(html);

  it('counts SVG markup, including <style> inside SVG, as SVG', () => {
    expect(parts.svg).toBe(
      '<svg class="icon"><path d="M0 0"/></svg><svg id="light"><style>.n{fill:#fff}</style><rect/></svg><svg id="dark"><style>.n{fill:#000}</style><rect/></svg>',
    );
    expect(parts.css).toBe('body{color:red}');
  });

  it('counts one diagram per figure with SVG, whatever the number of theme variants', () => {
    expect(parts.diagrams).toBe(1);
    expect(parts.diagramSvg).toContain('id="light"');
    expect(parts.diagramSvg).toContain('id="dark"');
    expect(parts.diagramSvg).not.toContain('icon');
  });

  it('counts executable inline scripts only, and never SVG text inside them', () => {
    expect(parts.js).toBe('const a = "<svg>not an svg</svg>";');
  });
});

describe('resource kinds', () => {
  it('uses the extension, then the content type, and treats directory URLs as HTML', () => {
    expect(resourceKind('http://h/_astro/page.abc.js')).toBe('js');
    expect(resourceKind('http://h/_astro/common.css?v=1')).toBe('css');
    expect(resourceKind('http://h/favicon.svg')).toBe('svg');
    expect(resourceKind('http://h/pagefind/fragment/en_1.pf_fragment')).toBe('data');
    expect(resourceKind('http://h/dns/name-resolution/')).toBe('html');
    expect(resourceKind('http://h/api', 'text/css; charset=utf-8')).toBe('css');
    expect(resourceKind('http://h/pagefind/wasm.en.pagefind', 'application/wasm')).toBe('wasm');
  });
});

describe('page weight', () => {
  it('splits a load into HTML, CSS, JS, SVG, other and total', () => {
    const doc = '<html><style>a{}</style><script>x()</script><figure><svg><rect/></svg></figure></html>';
    const css = 'body{margin:0}'.repeat(10);
    const js = 'console.log(1);'.repeat(10);
    const weight = pageWeight([
      { url: 'http://h/page/', contentType: 'text/html', body: Buffer.from(doc) },
      { url: 'http://h/a.css', body: Buffer.from(css) },
      { url: 'http://h/a.js', body: Buffer.from(js) },
      { url: 'http://h/favicon.svg', body: Buffer.from('<svg/>') },
      { url: 'http://h/font.woff2', body: Buffer.from([1, 2, 3, 4]) },
    ]);
    expect(weight.html).toEqual(sizeOf(doc));
    expect(weight.css.raw).toBe(css.length + 'a{}'.length);
    expect(weight.css.gzip).toBe(gzipSize(css) + gzipSize('a{}'));
    expect(weight.js.raw).toBe(js.length + 'x()'.length);
    expect(weight.svg.raw).toBe('<svg/>'.length + '<svg><rect/></svg>'.length);
    expect(weight.diagrams).toBe(1);
    expect(weight.diagramSvg.raw).toBe('<svg><rect/></svg>'.length);
    expect(weight.other.raw).toBe(4);
    expect(weight.total.raw).toBe(doc.length + css.length + js.length + '<svg/>'.length + 4);
    expect(weight.responses).toBe(5);
  });

  it('is all zero without a document', () => {
    const weight = pageWeight([]);
    expect(weight.html).toEqual({ raw: 0, gzip: 0 });
    expect(weight.total).toEqual({ raw: 0, gzip: 0 });
  });
});
