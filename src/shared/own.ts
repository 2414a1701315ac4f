/**
 * Lookups keyed by outside input (a business id, a Wave status, an OAuth error code, a Jira field name) must never
 * reach `Object.prototype`: `"toString"`, `"constructor"` or `"__proto__"` are strings an attacker can send.
 */
export function ownValue<T>(record: Readonly<Record<string, T>> | undefined, key: string): T | undefined {
  return record !== undefined && Object.hasOwn(record, key) ? record[key] : undefined;
}

/** An empty object with no prototype, for maps filled from outside input. */
export function nullPrototypeRecord<T>(): Record<string, T> {
  return Object.create(null) as Record<string, T>;
}
