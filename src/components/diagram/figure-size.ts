/**
 * How a diagram of a given natural size sits in the content column: plain arithmetic, no Node
 * modules, so build-time figures (figure.ts) and the diagrams the "Your cluster" page draws in the
 * browser are sized by the same rule.
 */

export interface FigureSize {
  /** Wide or tall enough that a full-size view helps (content column is 45rem = 720px). */
  large: boolean;
  /**
   * Narrowest the SVG may be scaled to (px): at 70% of natural size 16px labels are 11.2px, the
   * least a phone reader gets (tests/e2e/legibility.test.ts); a wider diagram scrolls sideways in its
   * frame instead of shrinking into illegibility.
   */
  minWidth: number;
  /** The frame may scroll sideways (on a phone at least), so it must be keyboard-focusable. */
  mayScroll: boolean;
}

const MIN_SCALE = 0.7;
/** Content width of Starlight's column on a 390px phone, roughly. */
const PHONE_COLUMN = 340;

/** Sizing of a diagram whose natural size (its viewBox, CSS px) is `width` × `height`. */
export function figureSize(width: number, height: number): FigureSize {
  return {
    large: width > 720 || height > 900,
    minWidth: Math.round(width * MIN_SCALE),
    mayScroll: width * MIN_SCALE > PHONE_COLUMN,
  };
}
