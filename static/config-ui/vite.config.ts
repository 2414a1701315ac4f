import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import { customUiBuild, customUiPage } from '../shared/custom-ui-build';

/** One bundle for both pages, served at /admin/ and /projects/<KEY>/settings/ locally and from Forge's CDN in Jira. */
export default defineConfig({ ...customUiBuild(2000), plugins: [react(), customUiPage()] });
