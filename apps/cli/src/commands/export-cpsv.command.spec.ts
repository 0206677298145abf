import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CATALOGUE, findDefinition } from '@passage/life-events';
import { CliError } from './definition-loader';
import { cpsvExports } from './export-cpsv.command';

const root = join(__dirname, '..', '..', '..', '..');
// The folder case spawns the CLI (SWC compiles it on the fly): seconds, not milliseconds.
jest.setTimeout(60_000);

const eventIri = (exported: { document: { '@graph': readonly { '@id'?: unknown }[] } }) =>
  exported.document['@graph'][0]['@id'];

describe('passage export-cpsv', () => {
  it('exports one life event at its latest version, or at the version asked for', () => {
    const latest = findDefinition('start-business');
    expect(cpsvExports('start-business', {}).map((e) => e.file)).toEqual([`start-business-v${latest?.version}.jsonld`]);
    const [first] = cpsvExports('start-business', { version: '1', baseUri: 'https://services.example' });
    expect(eventIri(first)).toBe('https://services.example/life-event/start-business/1');
  });

  it('exports every version of a life event, or of the catalogue, into a folder', () => {
    const versions = CATALOGUE.find((entry) => entry.id === 'start-business')?.versions ?? [];
    expect(cpsvExports('start-business', { out: 'folder' })).toHaveLength(versions.length);
    const files = cpsvExports(undefined, { out: 'folder' }).map((e) => e.file);
    expect(files).toEqual(CATALOGUE.flatMap((entry) => entry.versions.map((d) => `${d.id}-v${d.version}.jsonld`)));
  });

  it('refuses a version without a life event, an unknown life event or version, and a bad base URI', () => {
    expect(() => cpsvExports(undefined, { version: '1', out: 'folder' })).toThrow(CliError);
    expect(() => cpsvExports('no-such-event', {})).toThrow(CliError);
    expect(() => cpsvExports('start-business', { version: '99' })).toThrow(CliError);
    expect(() => cpsvExports('start-business', { baseUri: 'not a uri' })).toThrow(CliError);
  });

  it('writes one JSON-LD file per catalogue version and prints their paths', () => {
    const out = mkdtempSync(join(tmpdir(), 'passage-cpsv-'));
    try {
      const run = spawnSync(process.execPath, [join(root, 'tools', 'bin', 'passage.js'), 'export-cpsv', '--out', out], {
        cwd: root,
        encoding: 'utf8',
      });
      expect(run.stderr).toBe('');
      expect(run.status).toBe(0);
      const files = readdirSync(out).sort();
      expect(files).toHaveLength(CATALOGUE.flatMap((entry) => entry.versions).length);
      expect(run.stdout.trim().split('\n').sort()).toEqual(files.map((file) => join(out, file)));
      const document = JSON.parse(readFileSync(join(out, files[0]), 'utf8')) as { '@context': unknown[] };
      expect(document['@context'][0]).toContain('CPSV-AP/releases/3.2.0');
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
  });
});
