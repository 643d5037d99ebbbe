// Expressive Code (Starlight's code blocks), in its own file so the <Code> component sees the same
// options as Markdown code blocks.
import { codeLineCount } from './src/site/code-line-count.ts';

export default {
  // Long commands and iptables rules wrap instead of scrolling: a scrolling <pre> is not
  // keyboard-reachable (WCAG 2.1.1), and readers should see whole rules without scrolling.
  defaultProps: { wrap: true },
  // Each block's line count, for the height reserved while it is off screen (site.css).
  plugins: [codeLineCount()],
};
