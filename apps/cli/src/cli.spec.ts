import { execFileSync, spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fromJson } from '@passage/journey-model';
import { AGENCIES, PUBLISHED_VERSIONS, VOCABULARY } from '@passage/life-events';

const root = join(__dirname, '..', '..', '..');
const corpus = join(root, 'libs', 'journey-model', 'test-corpus');
const passage = (...args: string[]) =>
  spawnSync(process.execPath, [join(root, 'tools', 'bin', 'passage.js'), ...args], { cwd: root, encoding: 'utf8' });

describe('passage validate', () => {
  it('validates the corpus against the same agency registry and vocabulary as the catalogue', () => {
    expect(JSON.parse(readFileSync(join(corpus, 'agencies.json'), 'utf8'))).toEqual(
      JSON.parse(JSON.stringify(AGENCIES)),
    );
    expect(JSON.parse(readFileSync(join(corpus, 'vocabulary.json'), 'utf8'))).toEqual(
      JSON.parse(JSON.stringify(VOCABULARY)),
    );
  });

  it('rejects every malformed definition of the corpus with its code and path, exit code 1', () => {
    const expected = JSON.parse(readFileSync(join(corpus, 'expected.json'), 'utf8')) as Record<
      string,
      { code: string; path: string }
    >;
    const files = readdirSync(join(corpus, 'malformed')).map((name) => join(corpus, 'malformed', name));
    expect(files.length).toBeGreaterThanOrEqual(25);
    const run = passage('validate', '--json', ...files);
    expect(run.status).toBe(1);
    const report = JSON.parse(run.stdout) as Record<string, { code: string; path: string }[]>;
    for (const file of files) {
      const name = file.slice(file.lastIndexOf('/') + 1);
      expect({ name, first: report[file]?.[0] && { code: report[file][0].code, path: report[file][0].path } }).toEqual({
        name,
        first: expected[name],
      });
    }
  });

  it('accepts start-business v1 and v2 and the valid corpus, exit code 0', () => {
    const valid = readdirSync(join(corpus, 'valid')).map((name) => join(corpus, 'valid', name));
    const run = passage('validate', 'life-events/start-business/v1.ts', 'life-events/start-business/v2.ts', ...valid);
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('life-events/start-business/v2.ts: valid');
  });

  it('prints the JSON form that it accepts, and a Mermaid diagram', () => {
    const shown = execFileSync(
      process.execPath,
      [join(root, 'tools', 'bin', 'passage.js'), 'show', 'start-business', '--version', '2', '--json'],
      { cwd: root, encoding: 'utf8' },
    );
    expect(fromJson(shown)).toMatchObject({ id: 'start-business', version: 2 });
    const diagram = passage('diagram', 'start-business', '--version', '1', '--language', 'nl');
    expect(diagram.stdout.startsWith('flowchart LR')).toBe(true);
    expect(diagram.stdout).toContain('Zakelijke rekening openen');
  });

  it("writes the diagram a life event's README shows, and finds it up to date", () => {
    const readme = join(root, 'life-events', 'found-association', 'README.md');
    const before = readFileSync(readme, 'utf8');
    const run = passage('diagram', 'found-association', '--readme');
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('  enterprise-number --> verenigingsloket');
    expect(readFileSync(readme, 'utf8')).toBe(before);
  });

  it('prints the content hash that published.ts pins, of a catalogue version or a file', () => {
    const pinned = (version: number) =>
      PUBLISHED_VERSIONS.find((p) => p.lifeEvent === 'start-business' && p.version === version)?.hash;
    expect(passage('hash', 'start-business', '--version', '1').stdout.trim()).toBe(pinned(1));
    expect(passage('hash', 'life-events/start-business/v2.ts').stdout.trim()).toBe(pinned(2));
  });

  it('prints the JSON Schemas of the intake and the citizen steps, labelled in the language asked', () => {
    const run = passage('schema', 'start-business', '--version', '1', '--language', 'fr');
    expect(run.status).toBe(0);
    const contract = JSON.parse(run.stdout) as {
      intake: { required: string[]; properties: Record<string, { oneOf?: { const: string; title: string }[] }> };
      steps: Record<string, unknown>;
    };
    expect(contract.intake.required).toContain('business.legalForm');
    expect(contract.intake.properties['business.legalForm'].oneOf).toEqual([
      { const: 'sole-trader', title: 'En nom propre (entreprise individuelle)' },
      { const: 'company', title: 'Avec une société' },
    ]);
    expect(Object.keys(contract.steps)).toContain('business-account');
  });

  it('explains a wrong life event or version in one line', () => {
    const run = passage('show', 'start-a-rocket');
    expect(run.status).toBe(2);
    expect(run.stderr.trim()).toBe('no life event start-a-rocket in the catalogue');
    expect(passage('diagram', 'start-business', '--version', 'two').stderr.trim()).toBe(
      '--version must be a positive integer, got two',
    );
  });
});
