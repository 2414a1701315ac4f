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

/**
 * The page every Custom UI resource serves, one React root: an app's `index.html` holds only what its page's head
 * adds (its title, its styles), and this Vite plugin puts it in the page before Vite reads the page's scripts.
 */
export function customUiPage() {
  return {
    name: 'custom-ui-page',
    transformIndexHtml: {
      order: 'pre' as const,
      handler: (head: string) => `<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <link rel="icon" href="data:," />
    ${head.trim()}
  </head>
  <body>
    <div id="root"></div>
    <script type="module" src="./src/main.tsx"></script>
  </body>
</html>
`,
    },
  };
}
