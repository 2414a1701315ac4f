/**
 * Orders two stored scalars the way Forge's store does: numbers numerically, strings by
 * UTF-8 bytes, booleans false < true. Values of different types have no order (undefined),
 * so a comparison condition across types is simply not met.
 */
export function compareScalars(a: unknown, b: unknown): number | undefined {
  if (typeof a === 'number' && typeof b === 'number') return Math.sign(a - b);
  if (typeof a === 'string' && typeof b === 'string')
    return Buffer.compare(Buffer.from(a, 'utf8'), Buffer.from(b, 'utf8'));
  if (typeof a === 'boolean' && typeof b === 'boolean') return Number(a) - Number(b);
  return undefined;
}
