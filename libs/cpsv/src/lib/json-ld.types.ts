/** A JSON-LD value as the exporter writes it: plain JSON, so it serialises as it is. */
export type JsonLdValue = string | number | boolean | JsonLdNode | readonly JsonLdValue[];

/** A node object, a value object (`@value` + `@language`) or a reference (`@id` only). */
export interface JsonLdNode {
  readonly [term: string]: JsonLdValue;
}

/** A JSON-LD document: the contexts it is read with, and every node in one flat graph. */
export interface JsonLdDocument {
  readonly '@context': readonly (string | Readonly<Record<string, string>>)[];
  readonly '@graph': readonly JsonLdNode[];
}
