/**
 * What MermaidFigure.astro needs, as plain functions: get the rendered diagram (cache first, render
 * on a miss), pick an id prefix unique on the page, and settle caption and description. A figure
 * may carry a phone variant of its diagram (a narrower layout of the same content, e.g. the cluster
 * views' topology-phone-view.ts): CSS shows it instead of the diagram in a column narrower than
 * PHONE_BREAKPOINT, where the diagram would scroll sideways.
 */
import { placeDiagram, sharedRenderer, shortId, type DiagramOrigin, type RenderedDiagram } from '../../render/index.ts';
import type { InstanceOptions } from '../../render/svg-root.ts';

export interface FigureInput {
  /** Mermaid text. */
  code: string;
  /** Visible caption; defaults to the diagram's `accTitle`. */
  caption?: string | undefined;
  /** "Diagram in words"; defaults to the diagram's `accDescr`. */
  description?: string | undefined;
  /** Id prefix; must be unique on the page. Defaults to one derived from the diagram. */
  id?: string | undefined;
  /** Where the Mermaid text came from, for error messages. */
  origin?: DiagramOrigin | undefined;
  /**
   * Mermaid text of a phone variant: the same content laid out narrower. Used only when the
   * diagram would scroll sideways on a phone and the variant is narrower.
   */
  phoneCode?: string | undefined;
}

/** One SVG of a figure and how it may be scaled. */
export interface FigureSvg {
  /** Inline SVG for both themes (colours are `var(--mmd-*)`, see src/styles/site.css). */
  svg: string;
  width: number;
  height: number;
  /**
   * Narrowest the SVG may be scaled to (px): at 70% of natural size 16px labels are 11.2px, the
   * least a phone reader gets (tests/e2e/legibility.test.ts); a wider diagram scrolls sideways in its
   * frame instead of shrinking into illegibility.
   */
  minWidth: number;
  /** The frame may scroll sideways (on a phone at least), so it must be keyboard-focusable. */
  mayScroll: boolean;
}

export interface FigureModel extends FigureSvg {
  id: string;
  caption: string;
  description?: string;
  /** Shown in "Diagram in words" when there is no description. */
  source?: string;
  /** Wide enough that a full-size view helps (content column is 45rem = 720px). */
  large: boolean;
  /** The phone variant, shown instead in a column narrower than PHONE_BREAKPOINT (ids prefixed `<id>-phone`). */
  phone?: FigureSvg;
}

const MIN_SCALE = 0.7;
/** Content width of Starlight's column on a 390px phone, roughly. */
const PHONE_COLUMN = 340;
/**
 * Column width (px) below which a figure with a phone variant shows it (a container query in
 * MermaidFigure.astro: `36rem`, keep the two equal). At or above it the diagram is shown, and every
 * diagram up to PHONE_BREAKPOINT / MIN_SCALE = 822 px wide fits without scrolling: the widest
 * cluster view is ~810 px. A column, not the viewport: Starlight's sidebars make the column
 * narrower on some wider screens (~450 px at 50rem, ~515 px at 72rem).
 */
export const PHONE_BREAKPOINT = 576;

/** Ids handed out on the current page: `Astro.locals` lives for exactly one page render. */
const USED_IDS = Symbol.for('k8s-networking-concepts.diagram-ids');

export function uniqueId(locals: object, wanted: string): string {
  const store = locals as { [USED_IDS]?: Set<string> };
  const used = (store[USED_IDS] ??= new Set<string>());
  let id = wanted;
  for (let n = 2; used.has(id); n++) id = `${wanted}-${n}`;
  used.add(id);
  return id;
}

function describeOrigin(origin: DiagramOrigin | undefined): string {
  if (!origin) return 'a diagram';
  return origin.line !== undefined ? `${origin.file}:${origin.line}` : origin.file;
}

export async function buildFigure(input: FigureInput, locals: object): Promise<FigureModel> {
  const diagram: RenderedDiagram = await sharedRenderer().render({ source: input.code, ...(input.origin ? { origin: input.origin } : {}) });
  const caption = input.caption?.trim() || diagram.accTitle;
  if (!caption) {
    throw new Error(
      `Diagram at ${describeOrigin(input.origin)} has no caption. Every diagram needs a visible caption: ` +
        'add title="..." to the ```mermaid fence, an `accTitle:` line to the diagram, or a caption prop.',
    );
  }
  const description = input.description?.trim() || diagram.accDescr;
  const id = uniqueId(locals, input.id ?? shortId(diagram));
  const text = { title: diagram.accTitle ?? caption, ...(description ? { description } : {}) };
  const main = figureSvg(diagram, { idPrefix: id, ...text });
  const phone = main.mayScroll && input.phoneCode !== undefined ? await phoneVariant(input.phoneCode, input.origin) : undefined;
  return {
    id,
    caption,
    ...(description ? { description } : { source: input.code.trim() }),
    ...main,
    large: diagram.width > 720 || diagram.height > 900,
    // Only a narrower variant helps; its ids get their own prefix, so both SVGs can sit on the page.
    ...(phone && phone.width < diagram.width ? { phone: figureSvg(phone, { idPrefix: uniqueId(locals, `${id}-phone`), ...text }) } : {}),
  };
}

async function phoneVariant(code: string, origin: DiagramOrigin | undefined): Promise<RenderedDiagram> {
  const phoneOrigin = origin ? { ...origin, context: `${origin.context ?? origin.file} (phone)` } : undefined;
  return sharedRenderer().render({ source: code, ...(phoneOrigin ? { origin: phoneOrigin } : {}) });
}

function figureSvg(diagram: RenderedDiagram, options: InstanceOptions): FigureSvg {
  return {
    svg: placeDiagram(diagram, options),
    width: diagram.width,
    height: diagram.height,
    minWidth: Math.round(diagram.width * MIN_SCALE),
    mayScroll: diagram.width * MIN_SCALE > PHONE_COLUMN,
  };
}
