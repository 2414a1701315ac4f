import fs from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Page } from 'playwright-core';

/** Gzip sizes of the built scripts and stylesheets pages load, by file name (a file loaded twice counts once). */
export class AssetWeight {
  private readonly built: Set<string>;
  private readonly sizes = { script: new Map<string, number>(), stylesheet: new Map<string, number>() };
  private readonly pending: Array<Promise<void>> = [];

  /** `dist`: a Custom UI build; only its files count. */
  constructor(dist: string) {
    if (!fs.existsSync(path.join(dist, 'index.html')))
      throw new Error(`${path.relative(process.cwd(), dist)} is missing: run npm run build:ui first`);
    this.built = new Set(
      fs.readdirSync(dist, { recursive: true, encoding: 'utf8' }).map((file) => path.basename(file)),
    );
  }

  /** Records what `page` loads from now on (`accept` may narrow it by URL). */
  watch(page: Page, accept: (url: string) => boolean = () => true): void {
    page.on('response', (response) => {
      const type = response.request().resourceType();
      const name = path.basename(new URL(response.url()).pathname);
      if ((type === 'script' || type === 'stylesheet') && this.built.has(name) && accept(response.url()))
        this.pending.push(response.body().then((body) => void this.sizes[type].set(name, gzipSync(body).length)));
    });
  }

  /** Waits for the bodies of what was loaded: before the page's context closes. */
  async settled(): Promise<void> {
    await Promise.all(this.pending.splice(0));
  }

  totals(): { jsGzipBytes: number; cssGzipBytes: number } {
    const sum = (sizes: Map<string, number>) => [...sizes.values()].reduce((total, size) => total + size, 0);
    return { jsGzipBytes: sum(this.sizes.script), cssGzipBytes: sum(this.sizes.stylesheet) };
  }
}
