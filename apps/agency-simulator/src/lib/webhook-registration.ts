import { setTimeout as sleep } from 'node:timers/promises';

export interface WebhookDelivery {
  readonly agency: string;
  readonly url: string;
  /** `env:PASSAGE_AGENCY_SECRET_<NAME>`: the variable Passage's worker and API read the agency's secret from. */
  readonly secretRef: string;
}

export interface WebhookRegistrationOptions {
  readonly apiUrl: string;
  /** An admin's token: only admins change the agency registry. */
  readonly adminToken: () => Promise<string>;
  readonly webhooks: readonly WebhookDelivery[];
  /** How long to wait for the API to be ready (it starts side by side with the simulator). */
  readonly readyTimeoutMs: number;
}

export interface WebhookRegistration {
  /** Makes the agencies workers again: their requests wait on their queues until a simulator serves them. */
  restore(): Promise<void>;
}

type Delivery = { kind: 'worker' } | { kind: 'webhook'; url: string; secretRef: string };

/** An agency as admins read it from `GET /api/agencies/:id`; a PUT takes the same fields but `id` and `updatedAt`. */
interface AgencyAdminView {
  readonly id: string;
  readonly updatedAt: string;
  readonly delivery: Delivery;
  readonly [field: string]: unknown;
}

/**
 * Registers the webhook agencies' delivery in Passage's agency registry through the admin API
 * (`PUT /api/agencies/:id`, the whole agency with the new delivery), so that Passage's adapter calls them.
 */
export async function registerWebhooks(options: WebhookRegistrationOptions): Promise<WebhookRegistration> {
  await waitUntilReady(options.apiUrl, options.readyTimeoutMs);
  for (const { agency, url, secretRef } of options.webhooks)
    await setDelivery(options, agency, { kind: 'webhook', url, secretRef });
  return {
    restore: async () => {
      for (const { agency } of options.webhooks) await setDelivery(options, agency, { kind: 'worker' });
    },
  };
}

async function setDelivery(options: WebhookRegistrationOptions, agency: string, delivery: Delivery): Promise<void> {
  const { id: _id, updatedAt: _updatedAt, ...current } = await call<AgencyAdminView>(options, 'GET', agency);
  await call(options, 'PUT', agency, { ...current, delivery });
}

async function call<T>(
  options: WebhookRegistrationOptions,
  method: 'GET' | 'PUT',
  agency: string,
  body?: object,
): Promise<T> {
  const response = await fetch(`${options.apiUrl}/api/agencies/${encodeURIComponent(agency)}`, {
    method,
    headers: {
      authorization: `Bearer ${await options.adminToken()}`,
      accept: 'application/json',
      ...(body ? { 'content-type': 'application/json' } : {}),
    },
    body: body ? JSON.stringify(body) : undefined,
  });
  const answer = (await response.json().catch(() => ({}))) as T & { code?: string; message?: string };
  if (!response.ok)
    throw new Error(
      `${method} /api/agencies/${agency} answered ${response.status} ${answer.code ?? ''}: ${answer.message ?? ''}`,
    );
  return answer;
}

async function waitUntilReady(apiUrl: string, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const ready = await fetch(`${apiUrl}/health/ready`).then(
      (response) => response.ok,
      () => false,
    );
    if (ready) return;
    if (Date.now() > deadline) throw new Error(`Passage's API at ${apiUrl} was not ready within ${timeoutMs / 1000} s`);
    await sleep(250);
  }
}
