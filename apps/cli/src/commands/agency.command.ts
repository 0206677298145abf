import { readFileSync } from 'node:fs';
import type { Command } from 'commander';
import { DefaultLogger, Runtime, type NativeConnection } from '@temporalio/worker';
import {
  formatReport,
  servicesOfAgency,
  verifyAgency,
  type DataItems,
  type ServiceUnderTest,
} from '@passage/agency-sdk';
import { loadPassageConfig, type TemporalSettings } from '@passage/config';
import { AGENCIES, CATALOGUE } from '@passage/life-events';
import { connectWorker } from '@passage/temporal';
import { CliError } from './definition-loader';

/**
 * The services of an agency the conformance kit checks, from every version of every life event of the catalogue
 * (newest first): automatic and proactive steps, and compensations. Manual and citizen steps are decided by people.
 */
export function catalogueServices(agency: string): ServiceUnderTest[] {
  if (!AGENCIES.some((a) => a.id === agency)) throw new CliError(`no agency ${agency} in the catalogue`);
  const definitions = CATALOGUE.flatMap((entry) => [...entry.versions].sort((a, b) => b.version - a.version));
  const services = servicesOfAgency(definitions, agency);
  if (services.length === 0) {
    throw new CliError(
      `agency ${agency} has no automatic, proactive or compensation service in the catalogue: its steps are decided in the inbox`,
    );
  }
  return services;
}

/** Valid requests per service (`{ "<service>": { "<item>": value } }`), for services whose items have formats. */
function withSamples(services: ServiceUnderTest[], file: string | undefined): ServiceUnderTest[] {
  if (!file) return services;
  let samples: Record<string, DataItems>;
  try {
    samples = JSON.parse(readFileSync(file, 'utf8')) as Record<string, DataItems>;
  } catch (error) {
    throw new CliError(`--samples ${file}: ${error instanceof Error ? error.message : String(error)}`);
  }
  const unknown = Object.keys(samples).filter((service) => !services.some((s) => s.service === service));
  if (unknown.length > 0)
    throw new CliError(
      `--samples ${file}: no service ${unknown.join(', ')} (checked: ${services.map((s) => s.service).join(', ')})`,
    );
  return services.map((service) => ({ ...service, sample: samples[service.service] ?? service.sample }));
}

async function connect(settings: TemporalSettings): Promise<NativeConnection> {
  try {
    return await connectWorker(settings);
  } catch (error) {
    throw new CliError(
      `cannot reach Temporal at ${settings.address}: ${error instanceof Error ? error.message : String(error)}`,
    );
  }
}

export function registerAgencyCommands(program: Command): void {
  const agency = program.command('agency').description('for agencies plugging their services into Passage');
  agency
    .command('verify')
    .description(
      "run the conformance kit against whatever serves agency-<id> (the agency's worker or webhook adapter); exits 1 when a check fails",
    )
    .requiredOption('--agency <id>', 'agency id, e.g. fod-financien')
    .option('--json', 'print the report as JSON')
    .option(
      '--samples <file>',
      'JSON { "<service>": { "<item>": value } }: valid requests for services whose items have a format',
    )
    .action(async (options: { agency: string; json?: boolean; samples?: string }) => {
      const services = withSamples(catalogueServices(options.agency), options.samples);
      const config = loadPassageConfig();
      // The kit's worker would log every state change; the report is the output.
      Runtime.install({ logger: new DefaultLogger('WARN') });
      const connection = await connect(config.temporal);
      try {
        const report = await verifyAgency({
          connection,
          namespace: config.temporal.namespace,
          payloadKeys: config.payloadKeys,
          agency: options.agency,
          services,
        });
        console.log(options.json ? JSON.stringify(report, null, 2) : formatReport(report));
        process.exitCode = report.passed ? 0 : 1;
      } finally {
        await connection.close();
      }
    });
}
