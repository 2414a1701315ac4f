import { minify } from 'terser';
import type { SourceMapLike } from './bundle-composition';

export interface Minified {
  code: string;
  /** Source map from the minified code back to the original sources (through the bundle's own map). */
  map: SourceMapLike;
}

/**
 * A webpack bundle minified as webpack's production minimizer would (`optimization.minimize`, off in Forge's bundler):
 * terser with two compress passes, names mangled, ES2020 output for a node18 target, comments dropped (webpack moves
 * license comments to a separate file).
 */
export async function minifyBundle(code: string, sourceMap: string): Promise<Minified> {
  const result = await minify(code, {
    ecma: 2020,
    module: false,
    compress: { passes: 2 },
    mangle: true,
    format: { comments: false },
    sourceMap: { content: sourceMap, asObject: true },
  });
  if (result.code === undefined || typeof result.map !== 'object') throw new Error('terser returned no code or map');
  return { code: result.code, map: result.map };
}
