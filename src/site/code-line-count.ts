/**
 * An Expressive Code plugin that writes each code block's line count on its frame as `--ec-lines`,
 * so site.css can reserve a block's height while the browser skips laying it out off screen
 * (content-visibility): long pages of derived rules and routes then load without blocking.
 */
import type { ExpressiveCodePlugin } from '@expressive-code/core';
import type { Element } from 'hast';

/** Appends a declaration to an element's inline style, keeping what is there. */
export function appendStyle(element: Element, declaration: string): void {
  const current = element.properties.style;
  const before = typeof current === 'string' && current.trim() !== '' ? current.trim().replace(/;?$/, ';') : '';
  element.properties.style = before + declaration;
}

export function codeLineCount(): ExpressiveCodePlugin {
  return {
    name: 'code-line-count',
    hooks: {
      postprocessRenderedBlock: ({ codeBlock, renderData }) => {
        appendStyle(renderData.blockAst, `--ec-lines:${codeBlock.getLines().length}`);
      },
    },
  };
}
