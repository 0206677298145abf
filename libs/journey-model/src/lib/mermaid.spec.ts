import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fromJson } from './definition-json';
import type { LifeEventDefinition, StepDefinition } from './definition.types';
import { step } from './dsl';
import { toMermaid } from './mermaid';

const v2 = fromJson(
  readFileSync(join(__dirname, '..', '..', 'test-corpus', 'valid', 'start-business-v2.json'), 'utf8'),
);
const texts = (en: string) => ({ nl: en, en, fr: en });
const nodes = (mermaid: string) => mermaid.split('\n').filter((line) => /^ {2}\w+[[(]/.test(line));
const edges = (mermaid: string) => mermaid.split('\n').filter((line) => line.includes('-->'));
/** The text of every quoted label: `"…"` after a shape opener or inside `|…|`. */
const labels = (mermaid: string) => [...mermaid.matchAll(/(?:[[(/]|\|)"(.*?)"(?:[\])/]|\|)/g)].map((m) => m[1]);

function single(overrides: Partial<StepDefinition>, title = 'I start a business'): LifeEventDefinition {
  return {
    ...v2,
    title: texts(title),
    steps: [
      step('only', {
        agency: 'gemeente',
        service: 'drinks-licence',
        mode: 'manual',
        title: texts('Only'),
        ...overrides,
      }),
    ],
  };
}

describe('toMermaid', () => {
  const mermaid = toMermaid(v2);

  it('is a left-to-right flowchart with a start node and one node per step', () => {
    expect(mermaid.startsWith('flowchart LR\n')).toBe(true);
    expect(nodes(mermaid)).toHaveLength(v2.steps.length + 1);
    expect(nodes(mermaid)[0]).toBe('  start(["I start a business"])');
  });

  it('draws an edge per dependency, and one from the start for a step without dependencies', () => {
    const expected = v2.steps.reduce((sum, s) => sum + Math.max(1, s.dependsOn.length), 0);
    expect(edges(mermaid)).toHaveLength(expected);
    expect(mermaid).toContain('  start --> s0\n');
    expect(mermaid).toContain('  start --> s1\n');
    expect(mermaid).toContain('  s1 --> s2\n');
  });

  it('labels each step with its title and agency, shaped by its mode', () => {
    expect(mermaid).toContain('  s0[/"Open a business current account<br/>bank"/]\n');
    expect(mermaid).toContain('  s1["Registration in the Crossroads Bank for Enterprises<br/>ondernemingsloket"]\n');
    expect(mermaid).toContain('  s2("Activate the VAT number<br/>fod-financien")\n');
    expect(mermaid).toContain('  s6("SME wallet<br/>vlaio")\n');
  });

  it('writes the labels in the language asked for', () => {
    expect(toMermaid(v2, 'nl')).toContain('  s1["Inschrijving in de KBO<br/>ondernemingsloket"]\n');
    expect(toMermaid(v2, 'fr')).toContain('  start(["Je crée une entreprise"])\n');
  });

  it('labels every edge into a conditional step with its condition', () => {
    expect(mermaid).toContain('  s1 -->|"business.sector in [horeca, retail]"| s4\n');
    expect(mermaid).toContain('  s1 -->|"not (business.employees #gt;= 250)"| s6\n');
    expect(mermaid).toContain('  s0 -->|"not (business.employees #gt;= 250)"| s6\n');
    expect(edges(mermaid).filter((line) => line.includes('|'))).toHaveLength(4);
  });

  it('escapes quotes, entity marks, angle brackets, ampersands and pipes, and flattens line breaks', () => {
    const tricky = 'Say "hi" #1 <b>now</b> & [a] | {b}\n(c)';
    const out = toMermaid(
      single({ title: texts(tricky), when: { field: 'business.sector', equals: 'a "b" | c' } }, tricky),
    );
    // Apart from the line break the label puts between title and agency, no character Mermaid reads specially.
    for (const label of labels(out)) {
      expect(label.replace('<br/>', '')).not.toMatch(/["<>|&\n]|#(?!35;|quot;|lt;|gt;|amp;|124;)/);
    }
    expect(out).toContain('Say #quot;hi#quot; #35;1 #lt;b#gt;now#lt;/b#gt; #amp; [a] #124; {b} (c)<br/>gemeente');
    expect(edges(out)).toEqual(['  start -->|"business.sector = #quot;a \\#quot;b\\#quot; #124; c#quot;"| s0']);
  });

  it('cuts long conditions short', () => {
    const out = toMermaid(
      single({ when: { field: 'business.sector', in: Array.from({ length: 20 }, (_, i) => `sector-${i}`) } }),
    );
    const [label] = labels(edges(out)[0]);
    expect(label).toHaveLength(60);
    expect(label.endsWith('…')).toBe(true);
  });

  it('leaves out dependencies on ids that are not steps', () => {
    expect(edges(toMermaid(single({ dependsOn: ['nowhere'] })))).toEqual(['  start --> s0']);
  });

  it('can name each node after its step, for a README that is checked by step id', () => {
    const named = toMermaid(v2, 'en', { nodeIds: 'step-id' });
    expect(named).toContain('  kbo-registration["');
    expect(edges(named)).toContain('  kbo-registration --> vat-activation');
    const byPosition = new Map(v2.steps.map((step, i) => [`s${i}`, step.id]));
    const renamed = (line: string) => line.replace(/\bs\d+\b/g, (node) => byPosition.get(node) ?? node);
    expect(named.split('\n')).toEqual(mermaid.split('\n').map(renamed));
    expect(edges(toMermaid(single({}), 'en', { nodeIds: 'step-id' }))).toEqual(['  start --> only']);
    const keyword = { ...single({}), steps: [{ ...single({}).steps[0], id: 'end' }] };
    expect(edges(toMermaid(keyword, 'en', { nodeIds: 'step-id' }))).toEqual(['  start --> end-step']);
  });
});
