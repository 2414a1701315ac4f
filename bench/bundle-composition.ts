import fs from 'node:fs';
import path from 'node:path';

/** The two fields of a source map this module reads (webpack's and terser's maps both have them). */
export interface SourceMapLike {
  sources: ReadonlyArray<string | null>;
  mappings: string;
}

const BASE64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

/** The fields of one source-map segment (base64 VLQ, deltas as written). */
function decodeSegment(segment: string): number[] {
  const fields: number[] = [];
  let value = 0;
  let shift = 0;
  for (const char of segment) {
    const digit = BASE64.indexOf(char);
    if (digit < 0) throw new Error(`not a source-map character: ${char}`);
    value += (digit & 31) << shift;
    if (digit & 32) {
      shift += 5;
    } else {
      fields.push(value & 1 ? -(value >>> 1) : value >>> 1);
      value = 0;
      shift = 0;
    }
  }
  return fields;
}

/**
 * `webpack://app/./node_modules/@forge/api/out/index.js` → `@forge/api`; the app's own files → `src`; webpack's
 * `require` shims for Node's modules (`external node-commonjs "crypto"`) and its own runtime → `webpack runtime`.
 */
export function packageOf(source: string): string {
  const inPackages = [...source.matchAll(/node_modules\/((?:@[^/]+\/)?[^/]+)/g)].pop();
  if (inPackages) return inPackages[1] as string;
  if (/(^|\/)src\//.test(source)) return 'src';
  return /webpack\/|external node-commonjs/.test(source) ? 'webpack runtime' : source;
}

export interface JsonData {
  owner: string;
  /** The start of the file's JSON as webpack inlines it (`JSON.parse('<JSON.stringify of the file>')`). */
  prefix: string;
}

const SMALL_JSON_BYTES = 4096;

function jsonFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const file = path.join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'node_modules' ? [] : jsonFiles(file);
    return entry.name.endsWith('.json') && fs.statSync(file).size >= SMALL_JSON_BYTES ? [file] : [];
  });
}

/**
 * webpack's source map has no mapping for a JSON module (tr46's 260 KB mapping table, for one): the JSON files of the
 * bundled packages, so that such data can be told by its content.
 */
export function jsonDataOf(nodeModulesDir: string, packages: readonly string[]): JsonData[] {
  return packages.flatMap((owner) => {
    const dir = path.join(nodeModulesDir, owner);
    if (!fs.existsSync(dir)) return [];
    return jsonFiles(dir).flatMap((file) => {
      try {
        return [{ owner, prefix: JSON.stringify(JSON.parse(fs.readFileSync(file, 'utf8'))).slice(0, 200) }];
      } catch {
        return [];
      }
    });
  });
}

/**
 * Bytes of generated code per package: each mapped segment owns the bytes up to the next segment on its line; bytes
 * no segment maps count as `unmapped` (module wrappers, line breaks), except inlined JSON data, which goes to the
 * package whose file it is. Largest first.
 */
export function bytesPerPackage(
  code: string,
  map: SourceMapLike,
  jsonData: readonly JsonData[] = [],
): Record<string, number> {
  const totals = new Map<string, number>();
  const add = (name: string, text: string) => {
    const owner =
      name === 'unmapped' && text.length >= SMALL_JSON_BYTES
        ? (jsonData.find((data) => text.includes(data.prefix))?.owner ?? name)
        : name;
    totals.set(owner, (totals.get(owner) ?? 0) + Buffer.byteLength(text));
  };
  const lines = code.split('\n');
  const mappedLines = map.mappings.split(';');
  let sourceIndex = 0;
  lines.forEach((line, lineIndex) => {
    let column = 0;
    let owner = 'unmapped';
    let position = 0;
    for (const segment of (mappedLines[lineIndex] ?? '').split(',').filter(Boolean)) {
      const [columnDelta = 0, sourceDelta] = decodeSegment(segment);
      column += columnDelta;
      add(owner, line.slice(position, column));
      position = column;
      if (sourceDelta === undefined) {
        owner = 'unmapped';
      } else {
        sourceIndex += sourceDelta;
        owner = packageOf(map.sources[sourceIndex] ?? 'unmapped');
      }
    }
    add(owner, line.slice(position));
    if (lineIndex < lines.length - 1) add('unmapped', '\n');
  });
  return Object.fromEntries([...totals].filter(([, bytes]) => bytes > 0).sort(([, a], [, b]) => b - a));
}
