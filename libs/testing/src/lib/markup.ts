/** Test helpers for generated markup: enough of XML to check the SVG charts Passage writes, without a parser. */

const TAG = /<(\/?)([A-Za-z][\w:.-]*)([^<>]*?)(\/?)>/g;
const ATTRIBUTES = /^(\s+[A-Za-z_:][\w:.-]*="[^"<>]*")*\s*$/;
const BAD_ENTITY = /&(?!(?:amp|lt|gt|quot|#39|#\d+);)/;

/** Why an XML fragment is not well-formed (balanced tags, quoted attributes, escaped text); empty when it is. */
export function xmlProblems(xml: string): string[] {
  const problems: string[] = [];
  const open: string[] = [];
  let last = 0;
  for (const match of xml.matchAll(TAG)) {
    const [tag, closing, name, attributes, selfClosing] = match;
    const text = xml.slice(last, match.index);
    if (/[<>]/.test(text) || BAD_ENTITY.test(text)) problems.push(`unescaped text before ${tag}`);
    last = (match.index ?? 0) + tag.length;
    if (!ATTRIBUTES.test(attributes) || BAD_ENTITY.test(attributes)) problems.push(`bad attributes in ${tag}`);
    if (closing) {
      if (open.pop() !== name) problems.push(`unbalanced </${name}>`);
    } else if (!selfClosing) {
      open.push(name);
    }
  }
  if (/[<>]/.test(xml.slice(last))) problems.push('unescaped text at the end');
  if (open.length > 0) problems.push(`unclosed ${open.join(', ')}`);
  return problems;
}

/** Every `<svg>…</svg>` of a page. */
export function svgsOf(html: string): string[] {
  return [...html.matchAll(/<svg[\s\S]*?<\/svg>/g)].map((match) => match[0]);
}

/** Geometry attributes of an SVG that are not plain finite numbers or percentages (NaN, Infinity, undefined, empty). */
export function brokenNumbers(svg: string): string[] {
  return [...svg.matchAll(/\s(x|y|x1|x2|y1|y2|width|height|viewBox)="([^"]*)"/g)]
    .filter(([, , value]) => !value.split(' ').every((part) => /^-?\d+(\.\d+)?%?$/.test(part)))
    .map(([attribute]) => attribute.trim());
}
