// Lookups of user-written keys in the engine's tables: own properties only, so a key named `constructor`,
// `toString` or `__proto__` finds nothing instead of an Object.prototype function.

/** `table[key]` when `key` is the table's own property, else undefined. */
export function own<T>(table: Readonly<Record<string, T>>, key: string): T | undefined {
  return Object.hasOwn(table, key) ? table[key] : undefined;
}
