import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { decodeJwt } from 'jose';
import { DevTokenVerifier } from '@passage/auth';

const root = join(__dirname, '..', '..', '..', '..');
// Each case spawns the CLI (SWC compiles it on the fly): seconds, not milliseconds.
jest.setTimeout(60_000);

describe('passage token', () => {
  let dataDir: string;
  const passage = (args: string[], env: NodeJS.ProcessEnv = {}) => {
    // Only what the test sets: no secret or mode from the developer's shell.
    const base = Object.fromEntries(
      Object.entries(process.env).filter(([name]) => !/^(PASSAGE_|NODE_ENV$)/.test(name)),
    );
    return spawnSync(process.execPath, [join(root, 'tools', 'bin', 'passage.js'), 'token', ...args], {
      cwd: root,
      encoding: 'utf8',
      env: { ...base, PASSAGE_DATA_DIR: dataDir, ...env },
    });
  };
  const secret = () =>
    (JSON.parse(readFileSync(join(dataDir, 'dev-secrets.json'), 'utf8')) as { jwtSecret: string }).jwtSecret;

  beforeAll(() => {
    dataDir = mkdtempSync(join(tmpdir(), 'passage-token-'));
  });

  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it('prints a token that the API verifies with the dev secret of the data folder', async () => {
    const run = passage(['--role', 'citizen', '--sub', 'alice']);
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    const token = run.stdout.trim();
    await expect(new DevTokenVerifier(secret()).verify(token)).resolves.toEqual({ sub: 'alice', roles: ['citizen'] });
    const { exp, iat } = decodeJwt(token);
    expect((exp ?? 0) - (iat ?? 0)).toBe(8 * 3600);
  });

  it('carries the agency of agency and counter staff, the owner of owner staff, and the lifetime asked for', async () => {
    const verifier = new DevTokenVerifier(secret());
    const clerk = passage(['--role', 'counter', '--sub', 'clerk-7', '--agency', 'gemeente', '--ttl', '0.5']);
    await expect(verifier.verify(clerk.stdout.trim())).resolves.toEqual({
      sub: 'clerk-7',
      roles: ['counter'],
      agency: 'gemeente',
    });
    const { exp, iat } = decodeJwt(clerk.stdout.trim());
    expect((exp ?? 0) - (iat ?? 0)).toBe(1800);
    const owner = passage(['--role', 'owner', '--sub', 'owner-1', '--owner', 'vlaio']);
    await expect(verifier.verify(owner.stdout.trim())).resolves.toEqual({
      sub: 'owner-1',
      roles: ['owner'],
      owner: 'vlaio',
    });
  });

  it.each([
    [
      ['--role', 'mayor', '--sub', 'x'],
      '--role must be one of citizen, intermediary, agency, counter, owner, admin, system; got mayor',
    ],
    [['--role', 'agency', '--sub', 'x'], '--role agency needs --agency <id>'],
    [['--role', 'counter', '--sub', 'x'], '--role counter needs --agency <id>'],
    [['--role', 'owner', '--sub', 'x'], '--role owner needs --owner <id>'],
    [['--role', 'citizen', '--sub', 'x', '--agency', 'gemeente'], '--agency is for --role agency or counter'],
    [
      ['--role', 'agency', '--sub', 'x', '--agency', 'nasa'],
      /^--agency must be one of the catalogue's bank, .*; got nasa$/,
    ],
    [['--role', 'citizen', '--sub', 'alice smith'], /^--sub must be a pseudonymous id .*; got alice smith$/],
    [['--role', 'citizen', '--sub', '85.07.30-033.28'], '--sub must be pseudonymous, not a national register number'],
    [
      ['--role', 'citizen', '--sub', 'x', '--ttl', '0'],
      '--ttl must be a number of hours above 0 and at most 12; got 0',
    ],
    [
      ['--role', 'citizen', '--sub', 'x', '--ttl', 'forever'],
      '--ttl must be a number of hours above 0 and at most 12; got forever',
    ],
    [
      ['--role', 'citizen', '--sub', 'x', '--ttl', '13'],
      '--ttl must be a number of hours above 0 and at most 12; got 13',
    ],
  ])('refuses %j in one line', (args, message) => {
    const run = passage(args);
    expect(run.status).toBe(2);
    expect(run.stdout).toBe('');
    if (typeof message === 'string') expect(run.stderr.trim()).toBe(message);
    else expect(run.stderr.trim()).toMatch(message);
  });

  it("mints a citizen's sign-in at the counter client, which proves presence and is no Passage token", async () => {
    const run = passage(['--client', 'passage-counter', '--subject', 'alice']);
    expect(run.stderr).toBe('');
    const verifier = new DevTokenVerifier(secret());
    await expect(verifier.verifyPresence(run.stdout.trim(), 'passage-counter')).resolves.toBe('alice');
    await expect(verifier.verify(run.stdout.trim())).rejects.toMatchObject({ code: 'invalid-token' });
    expect(passage(['--client', 'another-app', '--subject', 'alice']).stderr.trim()).toBe(
      '--client must be the counter client (PASSAGE_COUNTER_CLIENT_ID): passage-counter',
    );
    expect(passage(['--client', 'passage-counter', '--subject', 'alice', '--role', 'citizen']).stderr.trim()).toBe(
      '--client takes --subject only, not --role',
    );
    expect(passage(['--client', 'passage-counter', '--subject', '85.07.30-033.28']).stderr.trim()).toBe(
      '--subject must be pseudonymous, not a national register number',
    );
  });

  it('refuses outside development', () => {
    const production = passage(['--role', 'citizen', '--sub', 'x'], { PASSAGE_ENV: 'production' });
    expect(production.status).toBe(2);
    expect(production.stderr.trim()).toBe(
      'development tokens are refused in production: get tokens from your OIDC issuer',
    );
    const oidc = passage(['--role', 'citizen', '--sub', 'x'], {
      PASSAGE_AUTH: 'oidc',
      PASSAGE_OIDC_ISSUER: 'https://id.example',
      PASSAGE_OIDC_AUDIENCE: 'passage',
    });
    expect(oidc.status).toBe(2);
    expect(oidc.stderr.trim()).toBe(
      'the API authenticates with OIDC here (PASSAGE_AUTH=oidc): get tokens from your issuer',
    );
  });
});
