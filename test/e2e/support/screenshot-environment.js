/**
 * The e2e tests' Jest environment: when a test or hook fails, every page the test opened is
 * screenshotted into test-results/ (with the console errors seen), before the test's cleanup runs.
 */
const fs = require('node:fs');
const path = require('node:path');
const { TestEnvironment } = require('jest-environment-node');

const RESULTS_DIR = path.resolve(__dirname, '../../../test-results');

function fullName(test) {
  const names = [];
  for (let block = test; block && block.name !== 'ROOT_DESCRIBE_BLOCK'; block = block.parent) names.unshift(block.name);
  return names.join(' ');
}

const fileSafe = (text) =>
  text
    .replace(/[^A-Za-z0-9._-]+/g, '-')
    .replace(/^-|-$/g, '')
    .slice(0, 120) || 'unnamed';

class ScreenshotOnFailureEnvironment extends TestEnvironment {
  async handleTestEvent(event) {
    if (event.name !== 'test_fn_failure' && event.name !== 'hook_failure') return;
    const pages = this.global.__e2ePages ? [...this.global.__e2ePages] : [];
    if (pages.length === 0) return;
    const base = fileSafe(event.test ? fullName(event.test) : `${event.hook.type}-${fullName(event.hook.parent)}`);
    fs.mkdirSync(RESULTS_DIR, { recursive: true });
    for (const [index, watched] of pages.entries()) {
      const file = path.join(RESULTS_DIR, `${base}${pages.length > 1 ? `-${index + 1}` : ''}`);
      try {
        await watched.page.screenshot({ path: `${file}.png`, fullPage: true, timeout: 10_000 });
        fs.writeFileSync(
          `${file}.txt`,
          [`url: ${watched.page.url()}`, 'console errors:', ...watched.consoleErrors].join('\n'),
        );
      } catch (error) {
        fs.writeFileSync(`${file}.txt`, `no screenshot: ${error && error.message}`);
      }
    }
  }
}

module.exports = ScreenshotOnFailureEnvironment;
