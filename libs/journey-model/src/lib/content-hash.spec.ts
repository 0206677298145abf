import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { contentHash, normaliseText } from './content-hash';
import { fromJson, toJson } from './definition-json';
import type { LifeEventDefinition } from './definition.types';

const CORPUS = join(__dirname, '..', '..', 'test-corpus');
const text = (path: string) => readFileSync(join(CORPUS, path), 'utf8');
/** A parsed definition, edited freely by the tests. */
type Editable = any; // eslint-disable-line @typescript-eslint/no-explicit-any
const v2 = () => fromJson(text('valid/start-business-v2.json')) as Editable;

describe('contentHash', () => {
  it('is sha256: and 64 hex digits', () => {
    expect(contentHash(v2())).toMatch(/^sha256:[0-9a-f]{64}$/);
  });

  it('never changes for published content (start-business v1 as published)', () => {
    const published = JSON.parse(text('published.json'))['corpus-business'][0].hash;
    expect(contentHash(fromJson(text('valid/start-business-v1.json')))).toBe(published);
  });

  it('ignores key order, at every depth', () => {
    expect(contentHash(reverseKeys(v2()) as LifeEventDefinition)).toBe(contentHash(v2()));
  });

  it('ignores how the JSON is formatted', () => {
    const definition = v2();
    const compact = JSON.stringify(definition);
    const wide = JSON.stringify(definition, null, 8);
    expect(contentHash(fromJson(compact))).toBe(contentHash(definition));
    expect(contentHash(fromJson(wide))).toBe(contentHash(definition));
    expect(contentHash(fromJson(toJson(definition)))).toBe(contentHash(definition));
  });

  it('ignores whitespace formatting in every text', () => {
    const reformatted = v2();
    reformatted.title = { ...reformatted.title, en: '  I   start\na business\t' };
    reformatted.summary = { ...reformatted.summary, nl: `\n${reformatted.summary.nl}  ` };
    reformatted.dataItems['person.name'].label.fr = ' Nom ';
    reformatted.steps[0].description.en = reformatted.steps[0].description.en.replace(/ /g, '  ');
    reformatted.steps[1].title.nl = `${reformatted.steps[1].title.nl}\n`;
    reformatted.steps[1].compensation.title.fr = `\t${reformatted.steps[1].compensation.title.fr}`;
    expect(contentHash(reformatted)).toBe(contentHash(v2()));
  });

  it('drops undefined fields, as JSON does', () => {
    const definition = v2();
    expect(contentHash({ ...definition, trigger: undefined })).toBe(contentHash(definition));
  });

  it.each([
    ['a cost', (d: Editable) => (d.steps[1].cost.online = 9)],
    ['the words of a text', (d: Editable) => (d.title.en = 'I start a company')],
    ['whitespace inside a text word', (d: Editable) => (d.title.en = 'I start a bus iness')],
    ['whitespace in a name (not a text)', (d: Editable) => (d.steps[0].needs[0] = ' person.name')],
    ['the order of steps', (d: Editable) => d.steps.reverse()],
    ['the order of a list', (d: Editable) => d.intake.reverse()],
    ['the version', (d: Editable) => (d.version = 3)],
  ])('changes with %s', (_, change) => {
    const changed = v2();
    change(changed);
    expect(contentHash(changed)).not.toBe(contentHash(v2()));
  });
});

describe('normaliseText', () => {
  it('trims and collapses every run of whitespace to one space', () => {
    expect(normaliseText('  Ik\u00a0 start\n\teen   onderneming \r\n')).toBe('Ik start een onderneming');
  });
});

function reverseKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(reverseKeys);
  if (typeof value !== 'object' || value === null) return value;
  return Object.fromEntries(
    Object.entries(value)
      .reverse()
      .map(([key, child]) => [key, reverseKeys(child)]),
  );
}
