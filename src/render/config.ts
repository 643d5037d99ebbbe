/**
 * The pinned Mermaid configuration: every setting that changes how a diagram looks is fixed here,
 * so output is stable across runs and machines, and every setting is part of the cache key.
 */
import type { MermaidConfig } from 'mermaid';

/** The two colour schemes Starlight switches between with `[data-theme]` on `<html>`. */
export type ThemeName = 'light' | 'dark';
export const THEMES: readonly ThemeName[] = ['light', 'dark'];

/**
 * Bump when the post-processing of SVG changes (ids, theming, accessibility), so cached output made
 * by an older renderer is not reused.
 */
export const RENDERER_VERSION = 9;

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

const FONT_SIZE = '16px';

/**
 * Colours follow Starlight's palette (accent hue 224-234, its gray ramp and page backgrounds), with
 * text/background pairs chosen for a contrast ratio of at least 7:1 (WCAG AAA) so labels stay
 * readable when a wide diagram is scaled down. Sequence-diagram variables are set explicitly rather
 * than derived, because Mermaid's derived actor/signal colours are too faint on a dark page.
 */
const LIGHT_THEME_VARIABLES = {
  darkMode: false,
  background: '#ffffff',
  fontFamily: `${MEASURE_FONT_ALIAS}, sans-serif`,
  fontSize: FONT_SIZE,
  primaryColor: '#e8ebfc',
  primaryBorderColor: '#3a49c9',
  primaryTextColor: '#17181c',
  secondaryColor: '#e3f1e6',
  secondaryBorderColor: '#2f7a44',
  secondaryTextColor: '#17181c',
  tertiaryColor: '#f4f5f8',
  tertiaryBorderColor: '#8a8f9c',
  tertiaryTextColor: '#17181c',
  lineColor: '#4a4f5c',
  arrowheadColor: '#4a4f5c',
  textColor: '#17181c',
  nodeTextColor: '#17181c',
  titleColor: '#17181c',
  clusterBkg: '#f4f5f8',
  clusterBorder: '#8a8f9c',
  edgeLabelBackground: '#ffffff',
  noteBkgColor: '#fdf3d3',
  noteBorderColor: '#a27c12',
  noteTextColor: '#17181c',
  actorBkg: '#e8ebfc',
  actorBorder: '#3a49c9',
  actorTextColor: '#17181c',
  actorLineColor: '#6b7080',
  signalColor: '#2b2e36',
  signalTextColor: '#17181c',
  labelBoxBkgColor: '#e8ebfc',
  labelBoxBorderColor: '#3a49c9',
  labelTextColor: '#17181c',
  loopTextColor: '#17181c',
  activationBkgColor: '#f4f5f8',
  activationBorderColor: '#4a4f5c',
  sequenceNumberColor: '#ffffff',
};

const DARK_THEME_VARIABLES = {
  darkMode: true,
  background: '#17181c',
  fontFamily: `${MEASURE_FONT_ALIAS}, sans-serif`,
  fontSize: FONT_SIZE,
  primaryColor: '#1c2750',
  primaryBorderColor: '#8c9dff',
  primaryTextColor: '#f1f2f6',
  secondaryColor: '#1d3324',
  secondaryBorderColor: '#7fcf93',
  secondaryTextColor: '#f1f2f6',
  tertiaryColor: '#22242b',
  tertiaryBorderColor: '#8a8f9c',
  tertiaryTextColor: '#f1f2f6',
  lineColor: '#c4c8d2',
  arrowheadColor: '#c4c8d2',
  textColor: '#f1f2f6',
  nodeTextColor: '#f1f2f6',
  titleColor: '#f1f2f6',
  clusterBkg: '#22242b',
  clusterBorder: '#8a8f9c',
  edgeLabelBackground: '#17181c',
  noteBkgColor: '#3b3220',
  noteBorderColor: '#d1b25a',
  noteTextColor: '#f7eed6',
  actorBkg: '#1c2750',
  actorBorder: '#8c9dff',
  actorTextColor: '#f1f2f6',
  actorLineColor: '#a3a8b5',
  signalColor: '#d5d8e0',
  signalTextColor: '#f1f2f6',
  labelBoxBkgColor: '#1c2750',
  labelBoxBorderColor: '#8c9dff',
  labelTextColor: '#f1f2f6',
  loopTextColor: '#f1f2f6',
  activationBkgColor: '#2b2e37',
  activationBorderColor: '#c4c8d2',
  sequenceNumberColor: '#17181c',
};

/**
 * Settings a diagram's own frontmatter or `%%{init}%%` directive may not override: anything that
 * would make the light and dark renders differ in layout, or loosen security.
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

/** The full Mermaid configuration for one theme. */
export function mermaidConfig(theme: ThemeName): MermaidConfig {
  return {
    startOnLoad: false,
    securityLevel: 'strict',
    // ELK is Mermaid 12's default layout; pinned explicitly so a Mermaid upgrade cannot silently
    // switch engines (and the cache key changes if we do).
    layout: 'elk',
    look: 'classic',
    // Rounded shapes (stadium, rounded rect) are drawn with rough.js even in the classic look, with
    // random curve control points unless seeded: seeded, output is byte-stable and the light and
    // dark renders are the same drawing.
    handDrawnSeed: 1,
    theme: 'base',
    themeVariables: theme === 'dark' ? DARK_THEME_VARIABLES : LIGHT_THEME_VARIABLES,
    darkMode: theme === 'dark',
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
