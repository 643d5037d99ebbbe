/**
 * What MermaidFigure.astro needs, as plain functions: get the rendered diagram (cache first, render
 * on a miss), pick an id prefix unique on the page, and settle caption and description. A figure
 * may carry a phone variant of its diagram (a narrower layout of the same content, e.g. the cluster
 * views' topology-phone-view.ts): CSS shows it instead of the diagram in a column narrower than
 * PHONE_BREAKPOINT, where the diagram would scroll sideways.
 */
import { placeDiagram, sharedRenderer, shortId, type DiagramOrigin, type RenderedDiagram } from '../../render/index.ts';
import { figureSize, type FigureSize } from './figure-size.ts';
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

/** One SVG of a figure and how it sits in the column (figure-size.ts). */
export interface FigureSvg extends FigureSize {
  /** Inline SVG for both themes (colours are `var(--mmd-*)`, see src/styles/site.css). */
  svg: string;
  width: number;
  height: number;
}

export interface FigureModel extends FigureSvg {
  id: string;
  caption: string;
  description?: string;
  /** Shown in "Diagram in words" when there is no description. */
  source?: string;
  /** The phone variant, shown instead in a column narrower than PHONE_BREAKPOINT (ids prefixed `<id>-phone`). */
  phone?: FigureSvg;
}

/**
 * Column width (px) below which a figure with a phone variant shows it (a container query in
 * MermaidFigure.astro: `36rem`, keep the two equal). At or above it the diagram is shown, and every
 * diagram up to PHONE_BREAKPOINT / 0.7 (figure-size.ts' least scale) = 822 px wide fits without
 * scrolling: the widest cluster view is ~810 px. A column, not the viewport: Starlight's sidebars
 * make the column narrower on some wider screens (~450 px at 50rem, ~515 px at 72rem).
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
    ...figureSize(diagram.width, diagram.height),
  };
}
