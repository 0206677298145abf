import type { DataItems } from '@passage/journey-model';
import { signWebhook } from './webhook-signature';

/** The decision on a step a webhook answered with 202 (accepted), sent later to the request's `callbackUrl`. */
export type CallbackDecision =
  | { readonly outcome: 'approved'; readonly outputs?: DataItems }
  | { readonly outcome: 'rejected'; readonly reason: string };

/**
 * POSTs the decision to the `callbackUrl` of the request, signed like Passage's requests. Throws when Passage does
 * not answer 2xx; sending the same decision again is safe (the step is decided once).
 */
export async function sendWebhookCallback(
  callbackUrl: string,
  secret: string,
  decision: CallbackDecision,
): Promise<void> {
  const body = JSON.stringify(decision);
  const response = await fetch(callbackUrl, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...signWebhook(secret, body) },
    body,
  });
  if (!response.ok) throw new Error(`Passage refused the callback: HTTP ${response.status}`);
}
