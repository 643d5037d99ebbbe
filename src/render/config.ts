/**
 * The pinned Mermaid configuration: every setting that changes how a diagram looks is fixed here,
 * so output is stable across runs and machines, and every setting is part of the cache key.
 */
import type { MermaidConfig } from 'mermaid';

/**
 * Bump when the post-processing of SVG changes (ids, theming, accessibility), so cached output made
 * by an older renderer is not reused.
 */
export const RENDERER_VERSION = 11;

/**
 * Text is measured in headless Chromium with a font alias (`@font-face { src: local(...) }` in the
 * render page) that resolves to DejaVu Sans: one of the widest common sans-serif faces. Boxes sized
 * for it also fit the narrower system UI fonts (Segoe UI, San Francisco, Roboto, Arial) a reader's
 * browser uses, so a label is never clipped by a font that is wider than the one we measured with.
 * The alias is a single identifier, so it survives serialisation unchanged and is swapped for
 * {@link DISPLAY_FONT_FAMILY} in the output.
 */
export const MEASURE_FONT_ALIAS = 'mmd-measure';
export const MEASURE_FONT_LOCAL_SOURCES = ['DejaVu Sans', 'DejaVuSans', 'Verdana', 'Liberation Sans', 'Arial'];

/** Starlight's system font stack (`--sl-font-system`), so diagrams read like the page around them. */
export const DISPLAY_FONT_FAMILY =
  "-apple-system, BlinkMacSystemFont, 'Segoe UI', Roboto, 'Helvetica Neue', 'Noto Sans', Arial, sans-serif";

/**
 * Diagram colours are CSS, not baked in: each diagram is rendered once with a palette of sentinel
 * colours, and every sentinel in the SVG becomes `var(--mmd-<role>)` (svg-palette.ts). The site
 * stylesheet (src/styles/site.css) sets each `--mmd-<role>` to the Starlight token named here, and
 * Starlight redefines its tokens under `:root[data-theme='light']`, so the theme toggle restyles
 * every diagram with no script and no second render.
 *
 * Tokens are Starlight's "contrast-relative" ones: `--sl-color-white` is the strongest text colour
 * in either theme (near-black in light), `*-high` the strong accent, `*-low` the faint fill, so a
 * text/fill pair keeps its contrast when the theme flips (Starlight's props.css defines both sets).
 */
export interface PaletteRole {
  /** CSS custom property suffix: `--mmd-<role>`. */
  role: string;
  /** Starlight theme token the role follows. */
  token: string;
  /** Unique colour Mermaid is given for this role; found and replaced in its output. */
  sentinel: string;
}

export const PALETTE: readonly PaletteRole[] = [
  { role: 'bg', token: '--sl-color-bg', sentinel: '#010203' },
  { role: 'text', token: '--sl-color-white', sentinel: '#010204' },
  { role: 'node', token: '--sl-color-accent-low', sentinel: '#010205' },
  { role: 'node-line', token: '--sl-color-accent-high', sentinel: '#010206' },
  { role: 'alt', token: '--sl-color-green-low', sentinel: '#010207' },
  { role: 'alt-line', token: '--sl-color-green-high', sentinel: '#010208' },
  { role: 'group', token: '--sl-color-gray-6', sentinel: '#010209' },
  { role: 'group-line', token: '--sl-color-gray-3', sentinel: '#01020a' },
  { role: 'line', token: '--sl-color-gray-2', sentinel: '#01020b' },
  { role: 'lifeline', token: '--sl-color-gray-3', sentinel: '#01020c' },
  { role: 'note', token: '--sl-color-orange-low', sentinel: '#01020d' },
  { role: 'note-line', token: '--sl-color-orange-high', sentinel: '#01020e' },
];

function sentinel(role: string): string {
  const found = PALETTE.find((p) => p.role === role);
  if (!found) throw new Error(`unknown palette role ${role}`);
  return found.sentinel;
}

/** Mermaid theme variables: every colour a sentinel, set explicitly so Mermaid derives none. */
const SENTINEL_THEME_VARIABLES = {
  darkMode: false,
  background: sentinel('bg'),
  fontFamily: `${MEASURE_FONT_ALIAS}, sans-serif`,
  fontSize: '16px',
  primaryColor: sentinel('node'),
  primaryBorderColor: sentinel('node-line'),
  primaryTextColor: sentinel('text'),
  secondaryColor: sentinel('alt'),
  secondaryBorderColor: sentinel('alt-line'),
  secondaryTextColor: sentinel('text'),
  tertiaryColor: sentinel('group'),
  tertiaryBorderColor: sentinel('group-line'),
  tertiaryTextColor: sentinel('text'),
  lineColor: sentinel('line'),
  arrowheadColor: sentinel('line'),
  textColor: sentinel('text'),
  nodeTextColor: sentinel('text'),
  titleColor: sentinel('text'),
  clusterBkg: sentinel('group'),
  clusterBorder: sentinel('group-line'),
  edgeLabelBackground: sentinel('bg'),
  noteBkgColor: sentinel('note'),
  noteBorderColor: sentinel('note-line'),
  noteTextColor: sentinel('text'),
  actorBkg: sentinel('node'),
  actorBorder: sentinel('node-line'),
  actorTextColor: sentinel('text'),
  actorLineColor: sentinel('lifeline'),
  signalColor: sentinel('line'),
  signalTextColor: sentinel('text'),
  labelBoxBkgColor: sentinel('node'),
  labelBoxBorderColor: sentinel('node-line'),
  labelTextColor: sentinel('text'),
  loopTextColor: sentinel('text'),
  activationBkgColor: sentinel('group'),
  activationBorderColor: sentinel('line'),
  sequenceNumberColor: sentinel('bg'),
};

/**
 * Settings a diagram's own frontmatter or `%%{init}%%` directive may not override: anything that
 * would change the palette (colours must stay sentinels), the layout engine, or loosen security.
 */
const SECURE_KEYS = [
  'secure',
  'securityLevel',
  'startOnLoad',
  'maxTextSize',
  'maxEdges',
  'suppressErrorRendering',
  'theme',
  'themeVariables',
  'themeCSS',
  'darkMode',
  'fontFamily',
  'altFontFamily',
  'look',
  'handDrawnSeed',
  'layout',
  'htmlLabels',
  'deterministicIds',
  'deterministicIDSeed',
];

/** The full Mermaid configuration (one for both themes: colours are sentinels, see {@link PALETTE}). */
export function mermaidConfig(): MermaidConfig {
  return {
    startOnLoad: false,
    securityLevel: 'strict',
    // ELK is Mermaid 12's default layout; pinned explicitly so a Mermaid upgrade cannot silently
    // switch engines (and the cache key changes if we do).
    layout: 'elk',
    look: 'classic',
    // Rounded shapes (stadium, rounded rect) are drawn with rough.js even in the classic look, with
    // random curve control points unless seeded: seeded, output is byte-stable.
    handDrawnSeed: 1,
    theme: 'base',
    themeVariables: SENTINEL_THEME_VARIABLES,
    darkMode: false,
    fontFamily: `${MEASURE_FONT_ALIAS}, sans-serif`,
    // Pure SVG <text> rather than HTML in <foreignObject>: it is themed by the same CSS as shapes,
    // survives copying the SVG anywhere, has no HTML inside role="img" for axe to trip over, and
    // Pagefind and find-in-page see it as plain text.
    htmlLabels: false,
    // SVG labels wrap at `wrappingWidth` and break long words mid-word ("kube-system/c oredns-2").
    // Our labels carry their own <br> line breaks, so only wrap what is really long.
    markdownAutoWrap: false,
    flowchart: { wrappingWidth: 320 },
    deterministicIds: true,
    deterministicIDSeed: 'k8s-networking-concepts',
    maxTextSize: 200_000,
    suppressErrorRendering: true,
    secure: SECURE_KEYS,
    logLevel: 'fatal',
  } as MermaidConfig;
}
