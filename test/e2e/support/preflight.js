/**
 * Before any browser test: the things the e2e run needs from the machine, with what to do if
 * one is missing (rather than 30 s timeouts later).
 */
const fs = require('node:fs');
const path = require('node:path');

module.exports = async function preflight() {
  const chromium = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
  if (!fs.existsSync(chromium)) {
    throw new Error(
      `Chromium not found at ${chromium}: install Debian's package (apt-get install -y chromium) or set CHROMIUM_PATH`,
    );
  }
  const ui = path.resolve(__dirname, '../../../static/config-ui/dist/index.html');
  if (!fs.existsSync(ui)) {
    throw new Error(
      'the Custom UI is not built: run npm ci --prefix static/config-ui && npm run build --prefix static/config-ui',
    );
  }
  fs.rmSync(path.resolve(__dirname, '../../../test-results'), { recursive: true, force: true });
};
