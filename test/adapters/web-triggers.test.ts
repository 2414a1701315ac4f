import path from 'node:path';
import { loadManifest } from '../../local/runtime/manifest';
import { WEB_TRIGGER_KEYS } from '../../src/adapters/forge/web-triggers';

describe('the web trigger keys', () => {
  it('are the webtrigger modules manifest.yml declares, each named once', () => {
    const manifest = loadManifest(path.join(__dirname, '../../manifest.yml'));
    const declared = manifest.webTriggers.map((module) => module.key);
    expect(Object.values(WEB_TRIGGER_KEYS).sort()).toEqual([...declared].sort());
  });
});
