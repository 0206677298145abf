import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DefinitionFormatError, fromJson, toJson } from './definition-json';
import { defineLifeEvent, step } from './dsl';

const VALID = join(__dirname, '..', '..', 'test-corpus', 'valid');
const MALFORMED = join(__dirname, '..', '..', 'test-corpus', 'malformed');
const corpus = (folder: string) =>
  readdirSync(folder).map((file): [string, string] => [file, readFileSync(join(folder, file), 'utf8')]);

describe('toJson / fromJson', () => {
  it.each(corpus(VALID))('round-trips valid/%s', (_, text) => {
    const definition = fromJson(text);
    expect(fromJson(toJson(definition))).toEqual(definition);
    expect(toJson(fromJson(toJson(definition)))).toBe(toJson(definition));
  });

  it.each(corpus(MALFORMED).filter(([, text]) => text.trimStart().startsWith('{')))(
    'writes malformed/%s stably too',
    (_, text) => {
      const once = toJson(fromJson(text));
      expect(toJson(fromJson(once))).toBe(once);
      expect(fromJson(once)).toEqual(JSON.parse(text));
    },
  );

  it('round-trips a definition written with the DSL', () => {
    const texts = { nl: 'Titel', en: 'Title', fr: 'Titre' };
    const definition = defineLifeEvent({
      id: 'have-a-child',
      version: 1,
      kind: 'life',
      owner: 'opgroeien',
      title: texts,
      summary: texts,
      dataItems: { 'child.birthDate': { type: 'date', label: texts } },
      intake: ['child.birthDate'],
      steps: [
        step('birth-declaration', { agency: 'gemeente', service: 'birth-declaration', mode: 'citizen', title: texts }),
      ],
    });
    expect(fromJson(toJson(definition))).toEqual(definition);
  });

  it('writes the same text whatever the key order, fields in model order, 2-space indented', () => {
    const [, text] = corpus(VALID)[0];
    const definition = fromJson(text);
    const shuffled = JSON.stringify(reverseKeys(definition));
    expect(toJson(fromJson(shuffled))).toBe(toJson(definition));
    const json = toJson(definition);
    expect(Object.keys(JSON.parse(json)).slice(0, 4)).toEqual(['id', 'version', 'kind', 'owner']);
    expect(json).toMatch(/^\{\n {2}"id": /);
    expect(json.endsWith('}\n')).toBe(true);
  });

  it('orders data items by name and texts as nl, en, fr', () => {
    const json = toJson(
      fromJson(
        '{"dataItems":{"b":{"label":{"fr":"f","en":"e","nl":"n"},"type":"string"},"a":{"type":"number"}},"id":"x"}',
      ),
    );
    expect(json).toBe(
      [
        '{',
        '  "id": "x",',
        '  "dataItems": {',
        '    "a": {',
        '      "type": "number"',
        '    },',
        '    "b": {',
        '      "type": "string",',
        '      "label": {',
        '        "nl": "n",',
        '        "en": "e",',
        '        "fr": "f"',
        '      }',
        '    }',
        '  }',
        '}',
        '',
      ].join('\n'),
    );
  });

  it('keeps fields it does not know, after the known ones', () => {
    const json = toJson(fromJson('{"zeta":1,"id":"x","alpha":{"b":1,"a":2}}'));
    expect(Object.keys(JSON.parse(json))).toEqual(['id', 'alpha', 'zeta']);
    expect(JSON.parse(json).alpha).toEqual({ a: 2, b: 1 });
  });

  it.each([
    ['text that is not JSON', '{"id": ', /^The definition is not valid JSON: /],
    ['an empty file', '', /^The definition is not valid JSON: /],
    ['a list', '[{"id": "x"}]', 'The definition must be a JSON object, got an array.'],
    ['null', 'null', 'The definition must be a JSON object, got null.'],
    ['a string', '"start-business"', 'The definition must be a JSON object, got a string.'],
  ])('rejects %s with a DefinitionFormatError', (_, text, message) => {
    expect(() => fromJson(text)).toThrow(DefinitionFormatError);
    expect(() => fromJson(text)).toThrow(message);
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
