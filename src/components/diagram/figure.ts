/**
 * What MermaidFigure.astro needs, as plain functions: get the rendered diagram (cache first, render
 * on a miss), pick an id prefix unique on the page, and settle caption and description.
 */
import { placeDiagram, sharedRenderer, shortId, type DiagramOrigin, type RenderedDiagram } from '../../render/index.ts';
import { figureSize, type FigureSize } from './figure-size.ts';

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
}

export interface FigureModel extends FigureSize {
  id: string;
  caption: string;
  description?: string;
  /** Shown in "Diagram in words" when there is no description. */
  source?: string;
  /** Inline SVG for both themes (colours are `var(--mmd-*)`, see src/styles/site.css). */
  svg: string;
  width: number;
  height: number;
}

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
  const svg = placeDiagram(diagram, {
    idPrefix: id,
    title: diagram.accTitle ?? caption,
    ...(description ? { description } : {}),
  });
  return {
    id,
    caption,
    ...(description ? { description } : { source: input.code.trim() }),
    svg,
    width: diagram.width,
    height: diagram.height,
    ...figureSize(diagram.width, diagram.height),
  };
}
