/**
 * The one rule every edge applies to accepted text (API bodies and queries, data items, reasons, callbacks, agency
 * outputs, the journey's message validators). PostgreSQL cannot store NUL in text or JSON, control characters
 * garble every screen and log that shows them, and an unpaired surrogate is not Unicode at all: such text is refused
 * where it enters, never repaired later.
 */
export interface TextRule {
  /** At most this many UTF-16 code units (what `string.length` counts). */
  readonly maxLength: number;
  /** Tab, CR and LF are allowed: the text is meant to span lines (a reason, a description). */
  readonly multiline?: boolean;
}

/** Longest text of any field that declares no length of its own. */
export const MAX_TEXT_LENGTH = 2000;
/** Reasons: of a withdrawal, a decision, a rejection. */
export const REASON_RULE: TextRule = { maxLength: 1000, multiline: true };
/** Ids, keys and names: one line. */
export const ID_RULE: TextRule = { maxLength: 200 };

const LINE_BREAKS_AND_TAB = new Set([0x09, 0x0a, 0x0d]);

/**
 * What is wrong with `value` under `rule`, in words that fit after the field's name ("holds a control character
 * (U+0000) at position 5"), or undefined when nothing is. The text itself is never echoed.
 */
export function textProblem(value: string, rule: TextRule = { maxLength: MAX_TEXT_LENGTH }): string | undefined {
  if (value.length > rule.maxLength) return `must be at most ${rule.maxLength} characters long`;
  for (let i = 0; i < value.length; i++) {
    const code = value.charCodeAt(i);
    if (isControl(code) && !(rule.multiline && LINE_BREAKS_AND_TAB.has(code))) {
      const hex = code.toString(16).toUpperCase().padStart(4, '0');
      return LINE_BREAKS_AND_TAB.has(code)
        ? `must be one line: it holds a tab or line break (U+${hex}) at position ${i + 1}`
        : `holds a control character (U+${hex}) at position ${i + 1}`;
    }
    if (code >= 0xd800 && code <= 0xdbff) {
      const next = value.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) {
        i++;
        continue;
      }
      return `holds an unpaired surrogate at position ${i + 1} (not valid Unicode)`;
    }
    if (code >= 0xdc00 && code <= 0xdfff) return `holds an unpaired surrogate at position ${i + 1} (not valid Unicode)`;
  }
  return undefined;
}

/**
 * The text with every character the rule refuses (control characters but tab, CR and LF; unpaired surrogates)
 * replaced by U+FFFD: for rebuilding rows from a state that holds text which entered before the rule applied.
 */
export function storableText(value: string): string {
  let result = '';
  for (let i = 0; i < value.length; i++) {
    const code = value.charCodeAt(i);
    const next = value.charCodeAt(i + 1);
    if (code >= 0xd800 && code <= 0xdbff && next >= 0xdc00 && next <= 0xdfff) {
      result += value.slice(i, i + 2);
      i++;
    } else if ((isControl(code) && !LINE_BREAKS_AND_TAB.has(code)) || (code >= 0xd800 && code <= 0xdfff)) {
      result += '\uFFFD';
    } else {
      result += value[i];
    }
  }
  return result;
}

/** C0 controls, DEL and C1 controls. */
function isControl(code: number): boolean {
  return code <= 0x1f || (code >= 0x7f && code <= 0x9f);
}
