import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

/**
 * One resource for the invoice panel, the receivables gadget and its edit view: main.tsx loads only the view a
 * frame shows (dynamic imports, one chunk each), so the panel never downloads the gadget's charts or the edit view's
 * select. `base: './'`: Forge serves the resource from its CDN, so every asset URL must be relative.
 */
export default defineConfig({
  base: './',
  plugins: [react()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    sourcemap: false,
    chunkSizeWarningLimit: 1000,
  },
});
