import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

/**
 * One bundle for both pages. `base: './'`: the page is served at /admin/ and /projects/<KEY>/settings/
 * locally and from Forge's CDN in Jira, so every asset URL must be relative.
 */
export default defineConfig({
  base: './',
  plugins: [react()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    sourcemap: false,
    chunkSizeWarningLimit: 2000,
  },
});
