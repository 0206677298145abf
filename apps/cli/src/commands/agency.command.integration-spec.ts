import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { IsDateString, IsString } from 'class-validator';
import { defineServiceStep, runAgencyWorker, type AgencyWorker, type ConformanceReport } from '@passage/agency-sdk';
import { connectTestTemporal, TEST_PAYLOAD_KEY_SPEC, type TestTemporal } from '@passage/testing';

const root = join(__dirname, '..', '..', '..', '..');

class DepositInput {
  @IsString() 'company.deedReference'!: string;
  @IsString() 'business.tradeName'!: string;
  @IsString() 'business.establishmentAddress'!: string;
}

class DepositOutput {
  @IsDateString({ strict: true }) 'company.depositDate'!: string;
  @IsString() 'company.publicationReference'!: string;
  @IsString() 'business.enterpriseNumber'!: string;
}

/** The court registry's deposit service, as its developers would write it with the SDK. */
const deposit = defineServiceStep({
  agency: 'griffie',
  service: 'deed-deposit-publication',
  input: DepositInput,
  output: DepositOutput,
  handle: (input, ctx) =>
    ctx.completed({
      'company.depositDate': '2026-05-04',
      'company.publicationReference': `BS-${input['company.deedReference']}`,
      'business.enterpriseNumber': '0123.456.789',
    }),
});

describe('passage agency verify against the dev server', () => {
  let temporal: TestTemporal;
  let griffie: AgencyWorker;
  let dataDir: string;

  beforeAll(async () => {
    temporal = await connectTestTemporal();
    griffie = await runAgencyWorker({
      agency: 'griffie',
      steps: [deposit],
      connection: temporal.nativeConnection,
      namespace: temporal.namespace,
      payloadKeys: TEST_PAYLOAD_KEY_SPEC,
    });
    dataDir = mkdtempSync(join(tmpdir(), 'passage-cli-'));
  });

  afterAll(async () => {
    await griffie.shutdown();
    await temporal.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  /** The CLI as an operator runs it, configured through the environment like every Passage process. */
  function passage(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
    const env = {
      ...process.env,
      TEMPORAL_ADDRESS: temporal.address,
      TEMPORAL_NAMESPACE: temporal.namespace,
      PASSAGE_PAYLOAD_KEYS: TEST_PAYLOAD_KEY_SPEC,
      PASSAGE_VAULT_KEYS: TEST_PAYLOAD_KEY_SPEC,
      PASSAGE_DATA_DIR: dataDir,
    };
    return new Promise((resolve) => {
      execFile(
        process.execPath,
        [join(root, 'tools', 'bin', 'passage.js'), ...args],
        { cwd: root, env },
        (error, stdout, stderr) => {
          resolve({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr });
        },
      );
    });
  }

  it("checks the agency's catalogue services and exits 0 when all pass", async () => {
    const run = await passage('agency', 'verify', '--agency', 'griffie', '--json');
    const report = JSON.parse(run.stdout) as ConformanceReport;
    expect(report.checks.filter((c) => !c.passed)).toEqual([]);
    expect(report.checks.map((c) => c.check)).toEqual([
      'reachable',
      'happy-path',
      'duplicate',
      'slow',
      'incomplete',
      'malformed',
    ]);
    expect(report.checks.every((c) => c.service === '*' || c.service === 'deed-deposit-publication')).toBe(true);
    expect(run.code).toBe(0);
  });

  it('prints the table and exits 1 when a check fails', async () => {
    const samples = join(dataDir, 'samples.json');
    // A sample without the trade name: the happy path gets an incomplete application, which the registry rejects.
    writeFileSync(
      samples,
      JSON.stringify({
        'deed-deposit-publication': { 'company.deedReference': 'R-1', 'business.establishmentAddress': 'Kerkstraat 1' },
      }),
    );
    const run = await passage('agency', 'verify', '--agency', 'griffie', '--samples', samples);
    expect(run.stdout).toContain('Passage conformance report for agency griffie: FAILED');
    expect(run.stdout).toMatch(/FAIL\s+deed-deposit-publication\s+happy-path\s+\d+ ms\s+rejected a valid request/);
    expect(run.code).toBe(1);
  });
});
