import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import { customUiBuild, customUiPage } from '../shared/custom-ui-build';

/**
 * One resource for the invoice panel, the receivables gadget and its edit view: main.tsx loads only the view a
 * frame shows (dynamic imports, one chunk each), so the panel never downloads the gadget's charts or the edit view's
 * select.
 */
export default defineConfig({ ...customUiBuild(1000), plugins: [react(), customUiPage()] });
