/**
 * Stands for an object a hook creates (beforeAll, beforeEach), so a suite can name it once at
 * module level (`const { page } = useE2ESession()`) and use it in its tests as if it held the
 * object: every property read goes to the instance of the moment.
 */
export function lateBound<T extends object>(current: () => T | undefined, name: string): T {
  const instance = (): T => {
    const value = current();
    if (!value)
      throw new Error(
        `${name} is not there yet: use it in a test, or in a hook declared after the one that creates it`,
      );
    return value;
  };
  return new Proxy({} as T, {
    get(_target, property) {
      // Not a promise: `await` and Promise resolution look for `then` before anything exists.
      if (property === 'then' && !current()) return undefined;
      const target = instance();
      const value: unknown = Reflect.get(target, property, target);
      return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(target) : value;
    },
    set(_target, property, value) {
      return Reflect.set(instance(), property, value);
    },
    has(_target, property) {
      return Reflect.has(instance(), property);
    },
  });
}
