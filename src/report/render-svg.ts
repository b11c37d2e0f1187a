import { parse, View } from 'vega';
import { compile } from 'vega-lite';
import { figureSpec } from './figure-spec.ts';
import type { Figure } from './model.ts';

/**
 * Renders a {@link Figure} to a standalone SVG document, headless: vega-lite compiles the
 * specification to vega, and a vega `View` with no renderer attached produces the SVG string
 * (`View.toSVG`), which needs neither a canvas nor a browser.
 */
export async function renderSvg(figure: Figure): Promise<string> {
  const view = new View(parse(compile(figureSpec(figure)).spec), { renderer: 'none' });
  try {
    return await view.toSVG();
  } finally {
    view.finalize();
  }
}
