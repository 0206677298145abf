import type { Client, WorkflowHandle } from '@temporalio/client';
import type { LogLevel, LogMetadata, Logger } from '@temporalio/common';
import type { DataSource } from 'typeorm';
import type { JourneySettings, JourneyState } from '@passage/contracts';
import { AgencyRegistry, LifeEventRegistry } from '@passage/registry';
import {
  contentHash,
  defineLifeEvent,
  step,
  type AgencyDescriptor,
  type LifeEventDefinition,
  type Texts,
} from '@passage/journey-model';
import type { AgencyDelivery } from '@passage/persistence';
import { startJourney } from '@passage/temporal';
import { journeyReaches } from '@passage/testing';

export const TEST_OWNER = 'test-owner';
/** The agency of the manual step that keeps a journey open after the webhook step (no worker needed). */
export const DESK_AGENCY = 'desk';

function texts(text: string): Texts {
  return { nl: text, en: text, fr: text };
}

/**
 * A small life event around one webhook agency: `register` (automatic, at the webhook agency, with a compensation)
 * needs only `person.name` although the journey also knows `person.address`; `permit` (manual, at the desk) keeps
 * the journey open afterwards, so that it can be withdrawn and compensated.
 */
export function webhookLifeEvent(agency: string): LifeEventDefinition {
  return defineLifeEvent({
    id: `test-${agency}`,
    version: 1,
    kind: 'life',
    owner: TEST_OWNER,
    title: texts(`Webhook ${agency}`),
    summary: texts('A journey with a step at a webhook agency'),
    dataItems: {
      'person.name': { type: 'string', label: texts('Name') },
      'person.address': { type: 'string', label: texts('Address') },
      'case.number': { type: 'string', label: texts('Case number') },
      'permit.number': { type: 'string', label: texts('Permit number') },
    },
    intake: ['person.name', 'person.address'],
    steps: [
      step('register', {
        agency,
        service: 'register',
        mode: 'automatic',
        title: texts('Register'),
        needs: ['person.name'],
        produces: ['case.number'],
        compensation: { service: 'unregister', title: texts('Unregister') },
      }),
      step('permit', {
        agency: DESK_AGENCY,
        service: 'permit',
        mode: 'manual',
        title: texts('Permit'),
        needs: ['case.number'],
        produces: ['permit.number'],
        dependsOn: ['register'],
      }),
    ],
  });
}

/** Registers the agencies (webhook ones with their URL and secret reference) and publishes one life event each. */
export async function registerWebhookAgencies(
  dataSource: DataSource,
  agencies: Readonly<Record<string, { url: string; secretRef: string }>>,
): Promise<void> {
  const descriptor = (id: string, services: string[]): AgencyDescriptor => ({
    id,
    name: texts(id),
    level: 'local',
    services: services.map((s) => ({ id: s, title: texts(s) })),
  });
  const descriptors = [
    descriptor(DESK_AGENCY, ['permit']),
    ...Object.keys(agencies).map((id) => descriptor(id, ['register', 'unregister'])),
  ];
  await new AgencyRegistry(dataSource).seed(descriptors, (agency): AgencyDelivery => {
    const webhook = agencies[agency.id];
    return webhook ? { kind: 'webhook', ...webhook } : { kind: 'worker' };
  });
  const lifeEvents = new LifeEventRegistry(dataSource);
  for (const id of Object.keys(agencies))
    await lifeEvents.publish(webhookLifeEvent(id), { agencies: descriptors, owners: [TEST_OWNER] });
}

/** Starts a journey of the agency's life event for a subject, with intake answers the webhook must not all see. */
export function startWebhookJourney(
  client: Client,
  agency: string,
  settings: Partial<JourneySettings> = {},
): Promise<WorkflowHandle> {
  const definition = webhookLifeEvent(agency);
  return startJourney(client, {
    snapshot: { id: definition.id, version: definition.version, hash: contentHash(definition), definition },
    subject: 'subject-webhook',
    language: 'nl',
    channel: 'online',
    startedBy: { id: 'subject-webhook', role: 'citizen' },
    data: { 'person.name': 'Ada Lovelace', 'person.address': 'Kerkstraat 1, 9000 Gent' },
    provenance: { 'person.name': { kind: 'intake' }, 'person.address': { kind: 'intake' } },
    settings,
  });
}

/** Waits until the journey's step has this status (as the workflow sees it). */
export function stepReaches(
  handle: WorkflowHandle,
  stepId: string,
  status: string,
  timeoutMs?: number,
): Promise<JourneyState> {
  return journeyReaches(
    handle,
    (state) => state.steps.find((s) => s.id === stepId)?.status === status,
    `${stepId} is ${status}`,
    {
      timeoutMs,
    },
  );
}

export interface LogEntry {
  readonly level: LogLevel;
  readonly message: string;
  readonly meta?: LogMetadata;
}

/** A logger that keeps what it is told, to check what the gateway logs (and that no personal data is in it). */
export function capturingLogger(): Logger & { readonly entries: LogEntry[] } {
  const entries: LogEntry[] = [];
  const log = (level: LogLevel, message: string, meta?: LogMetadata) => entries.push({ level, message, meta });
  return {
    entries,
    log,
    trace: (message, meta) => log('TRACE', message, meta),
    debug: (message, meta) => log('DEBUG', message, meta),
    info: (message, meta) => log('INFO', message, meta),
    warn: (message, meta) => log('WARN', message, meta),
    error: (message, meta) => log('ERROR', message, meta),
  };
}
