import { randomUUID } from 'node:crypto';
import type { Principal } from '@passage/auth';
import type { E2eStack } from './e2e-stack';

/** The counter application's client at the identity provider, as the test stack configures it (the default). */
export const COUNTER_CLIENT = 'passage-counter';

/** What the identity provider gives the counter application when the subject signs in there, now. */
export function counterSignIn(stack: E2eStack, subject: string, claims: Record<string, unknown> = {}): Promise<string> {
  // Each sign-in is a token of its own (jti), as an identity provider's are.
  return stack.signToken({ sub: subject, aud: COUNTER_CLIENT, azp: COUNTER_CLIENT, jti: randomUUID(), ...claims }, 300);
}

/** The headers of a clerk serving a subject who signed in at their counter (ADR 0010). */
export async function atCounter(stack: E2eStack, clerk: Principal, subject: string): Promise<Record<string, string>> {
  const proved = await (
    await stack.as(clerk)
  ).post<{ id: string }>('/api/counter/presence', { idToken: await counterSignIn(stack, subject) });
  if (proved.status !== 201) throw new Error(`presence answered ${proved.status}: ${JSON.stringify(proved.body)}`);
  return { 'passage-presence': proved.body.id };
}

/** The headers of a clerk serving a subject on the phone, who read out a code from their own pages. */
export async function onThePhone(stack: E2eStack, clerk: Principal, subject: string): Promise<Record<string, string>> {
  const created = await (
    await stack.as({ sub: subject, roles: ['citizen'] })
  ).post<{ code: string }>('/api/me/presence-codes');
  if (created.status !== 201) throw new Error(`code answered ${created.status}: ${JSON.stringify(created.body)}`);
  const proved = await (
    await stack.as(clerk)
  ).post<{ id: string }>('/api/counter/presence', { subject, code: created.body.code });
  if (proved.status !== 201) throw new Error(`presence answered ${proved.status}: ${JSON.stringify(proved.body)}`);
  return { 'passage-presence': proved.body.id };
}
