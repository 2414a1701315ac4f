import { bytesPerPackage, packageOf } from '../../bench/bundle-composition';

describe('bundle composition from a source map', () => {
  it('names the package of a source webpack wrote', () => {
    expect(packageOf('webpack://app/./node_modules/valibot/dist/index.mjs')).toBe('valibot');
    expect(packageOf('webpack://app/./node_modules/@forge/api/out/index.js')).toBe('@forge/api');
    expect(packageOf('webpack://app/./node_modules/whatwg-url/node_modules/tr46/index.js')).toBe('tr46');
    expect(packageOf('webpack://app/./src/entry/webtrigger/wave-webhook.ts')).toBe('src');
    expect(packageOf('webpack://app/external node-commonjs "crypto"')).toBe('webpack runtime');
    expect(packageOf('webpack://app/webpack/bootstrap')).toBe('webpack runtime');
  });

  it('gives each segment the bytes up to the next one, and unmapped bytes to no package', () => {
    const map = {
      sources: ['webpack://app/./node_modules/valibot/dist/index.mjs', 'webpack://app/./src/sync.ts'],
      // line 1: col 0 → valibot, col 3 → src; line 2: col 0 → src (same source), col 2 → no source.
      mappings: 'AAAA,GCAA;AAAA,E',
    };
    expect(bytesPerPackage('abcdef\nghij', map)).toEqual({ src: 5, valibot: 3, unmapped: 3 });
  });

  it("gives inlined JSON data, which webpack's map leaves unmapped, to the package whose file it is", () => {
    const table = JSON.stringify(Array.from({ length: 800 }, (_, index) => [[index, index], 'valid']));
    const code = `e.exports=JSON.parse('${table}')`;
    const owned = bytesPerPackage(code, { sources: [], mappings: '' }, [
      { owner: 'tr46', prefix: table.slice(0, 200) },
    ]);
    expect(owned).toEqual({ tr46: code.length });
    expect(bytesPerPackage(code, { sources: [], mappings: '' })).toEqual({ unmapped: code.length });
  });
});
