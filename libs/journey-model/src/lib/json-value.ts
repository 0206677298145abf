/** Reading data that is only known to be JSON: a definition before validation, or a parsed file. */

export type JsonRecord = Readonly<Record<string, unknown>>;

/** A non-null, non-array object: what a JSON object parses to. */
export function isRecord(value: unknown): value is JsonRecord {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * A record's own field. Plain indexing would also find inherited members (`constructor`, `toString`), which a field
 * name taken from the data could hit.
 */
export function own(record: JsonRecord, key: string): unknown {
  return Object.hasOwn(record, key) ? record[key] : undefined;
}
