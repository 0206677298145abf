import { isRecord } from './json-value';

/** Punctuation to write, or a value still to expand. */
type Work = string | { readonly value: unknown };

/**
 * JSON with object keys sorted (by UTF-16 code units) and no whitespace, so equal data gives equal text whatever its
 * key order. Like `JSON.stringify`, values JSON cannot hold are left out of objects and written as `null` in arrays.
 * Iterative rather than recursive: validation hashes untrusted input, and deep nesting must not overflow the stack.
 */
export function canonicalJson(value: unknown): string {
  const out: string[] = [];
  const work: Work[] = [{ value: isJsonValue(value) ? value : null }];
  for (let next = work.pop(); next !== undefined; next = work.pop()) {
    if (typeof next === 'string') out.push(next);
    else expand(next.value, out, work);
  }
  return out.join('');
}

function expand(value: unknown, out: string[], work: Work[]): void {
  if (Array.isArray(value)) {
    out.push('[');
    work.push(']');
    for (let i = value.length - 1; i >= 0; i--) {
      work.push({ value: isJsonValue(value[i]) ? value[i] : null });
      if (i > 0) work.push(',');
    }
  } else if (isRecord(value)) {
    const keys = Object.keys(value)
      .filter((key) => isJsonValue(value[key]))
      .sort();
    out.push('{');
    work.push('}');
    for (let i = keys.length - 1; i >= 0; i--) {
      work.push({ value: value[keys[i]] }, `${JSON.stringify(keys[i])}:`);
      if (i > 0) work.push(',');
    }
  } else {
    // A string, number (non-finite ones become null) or boolean.
    out.push(JSON.stringify(value));
  }
}

function isJsonValue(value: unknown): boolean {
  return value === null || ['string', 'number', 'boolean', 'object'].includes(typeof value);
}
