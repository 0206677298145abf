import type { Language, LifeEventDefinition, StepMode } from './definition.types';
import { describeCondition } from './describe-condition';

/** Longer condition labels are cut: the diagram shows the shape of the journey, the definition has the detail. */
const MAX_EDGE_LABEL = 60;

/** Node shapes: machines rounded, people at the agency square, the subject's input a parallelogram. */
const SHAPES: Record<StepMode, readonly [open: string, close: string]> = {
  automatic: ['(', ')'],
  proactive: ['(', ')'],
  manual: ['[', ']'],
  citizen: ['[/', '/]'],
};

/** Words Mermaid reads as syntax in a flowchart: a step with such an id gets a node id with a suffix. */
const MERMAID_KEYWORDS = new Set([
  'end',
  'graph',
  'flowchart',
  'subgraph',
  'direction',
  'style',
  'class',
  'classDef',
  'click',
  'linkStyle',
  'default',
  'start',
]);

export interface MermaidOptions {
  /**
   * `position` (the default): nodes `s0`, `s1`, … in step order, safe for any definition, even an invalid one;
   * `step-id`: each node is named after its step (a README's diagram, readable and checkable by step id). Step ids
   * are kebab-case once validated; one that Mermaid reads as a keyword (`end`) becomes `end-step`.
   */
  readonly nodeIds?: 'position' | 'step-id';
}

/**
 * The journey as a Mermaid `flowchart LR`: a start node, one node per step (its title and agency), an edge per
 * dependency, and a step without dependencies hanging off the start. Edges into a conditional step carry its
 * condition. An invalid definition still renders (a cycle is easier to see than to read): dependencies on ids that
 * are not steps are left out, and a step of an unknown mode is drawn as a manual one.
 */
export function toMermaid(
  definition: LifeEventDefinition,
  language: Language = 'en',
  options: MermaidOptions = {},
): string {
  const nodeOf = (id: string, i: number) =>
    options.nodeIds === 'step-id' ? (MERMAID_KEYWORDS.has(id) ? `${id}-step` : id) : `s${i}`;
  const nodes = new Map<string, string>();
  definition.steps.forEach((step, i) => nodes.set(step.id, nodes.get(step.id) ?? nodeOf(step.id, i)));
  const lines = ['flowchart LR', `  start(["${escapeLabel(definition.title[language])}"])`];
  definition.steps.forEach((step, i) => {
    const [open, close] = SHAPES[step.mode] ?? SHAPES.manual;
    const node = nodeOf(step.id, i);
    lines.push(`  ${node}${open}"${escapeLabel(step.title[language])}<br/>${escapeLabel(step.agency)}"${close}`);
  });
  definition.steps.forEach((step, i) => {
    const label = step.when === undefined ? '' : `|"${escapeLabel(shorten(describeCondition(step.when)))}"|`;
    const sources = step.dependsOn.flatMap((id) => nodes.get(id) ?? []);
    const node = nodeOf(step.id, i);
    for (const source of sources.length > 0 ? sources : ['start']) lines.push(`  ${source} -->${label} ${node}`);
  });
  return `${lines.join('\n')}\n`;
}

/**
 * Text for inside a quoted Mermaid label. Quotes and the characters Mermaid or its HTML labels read specially become
 * entity codes (`#quot;`, `#lt;`, …), `#` first so that codes are not escaped twice; line breaks become spaces.
 */
function escapeLabel(text: string): string {
  return text
    .replace(/#/g, '#35;')
    .replace(/"/g, '#quot;')
    .replace(/</g, '#lt;')
    .replace(/>/g, '#gt;')
    .replace(/&/g, '#amp;')
    .replace(/\|/g, '#124;')
    .replace(/\s+/g, ' ')
    .trim();
}

function shorten(text: string): string {
  return text.length <= MAX_EDGE_LABEL ? text : `${text.slice(0, MAX_EDGE_LABEL - 1)}…`;
}
