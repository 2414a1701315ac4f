/**
 * The Vite options every Custom UI resource needs. `base: './'`: Forge serves the resource from its CDN (and the
 * local stack from its own paths), so every asset URL must be relative; `dist/` is what manifest.yml serves.
 */
export function customUiBuild(chunkSizeWarningLimit: number) {
  return {
    base: './',
    build: { outDir: 'dist', emptyOutDir: true, sourcemap: false, chunkSizeWarningLimit },
  };
}
