import { canonicalJson } from './canonical-json';
import type { LifeEventDefinition } from './definition.types';
import { isRecord, type JsonRecord } from './json-value';
import { sha256Hex } from './sha256';

/**
 * The content hash of a definition, `sha256:<hex>`: a published version is immutable, and this is how that is
 * checked. It covers everything but key order and texts' formatting: every string of a text (titles, summaries,
 * descriptions, labels, option labels, help texts) counts trimmed, with runs of whitespace collapsed to one space.
 *
 * The input is read as plain JSON, so any parsed document can be hashed, valid or not.
 */
export function contentHash(definition: LifeEventDefinition): string {
  return `sha256:${sha256Hex(canonicalJson(normaliseTexts(definition)))}`;
}

/** Trims a text and collapses every run of whitespace to one space. */
export function normaliseText(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/** A copy with every text normalised; parts of the wrong shape are kept as they are (they are hashed as given). */
function normaliseTexts(definition: unknown): unknown {
  return ifRecord(definition, (d) => ({
    ...d,
    title: texts(d.title),
    summary: texts(d.summary),
    dataItems: ifRecord(d.dataItems, (items) =>
      mapValues(items, (item) =>
        ifRecord(item, (i) => ({
          ...i,
          options: ifRecord(i.options, (options) => mapValues(options, texts)),
          label: texts(i.label),
          help: texts(i.help),
        })),
      ),
    ),
    steps: Array.isArray(d.steps)
      ? d.steps.map((step: unknown) =>
          ifRecord(step, (s) => ({
            ...s,
            title: texts(s.title),
            description: texts(s.description),
            compensation: ifRecord(s.compensation, (c) => ({ ...c, title: texts(c.title) })),
            refusal: ifRecord(s.refusal, (r) => ({
              ...r,
              appeal: ifRecord(r.appeal, (a) => ({ ...a, title: texts(a.title) })),
            })),
          })),
        )
      : d.steps,
  }));
}

function texts(value: unknown): unknown {
  return ifRecord(value, (t) => mapValues(t, (text) => (typeof text === 'string' ? normaliseText(text) : text)));
}

function ifRecord(value: unknown, f: (record: JsonRecord) => unknown): unknown {
  return isRecord(value) ? f(value) : value;
}

function mapValues(record: JsonRecord, f: (value: unknown) => unknown): JsonRecord {
  return Object.fromEntries(Object.entries(record).map(([key, value]) => [key, f(value)]));
}
