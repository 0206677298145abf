import type { Pool } from 'pg';
import { DevTokenVerifier, type Principal } from '@passage/auth';
import type { ReadRequest } from './open-loop';

/** The mix of reads offered at every rate: what a citizen's pages and an agency's inbox call, in these shares. */
export const READ_MIX: Readonly<Record<string, number>> = { timeline: 40, list: 30, events: 15, inbox: 15 };
const SAMPLE = 1000;

/**
 * Requests sampled from the read model: timelines and journey lists of random journeys' subjects (each signed in
 * as that subject), the live events of finished journeys resumed three events before their end (a reconnecting
 * browser: the stream sends the rest and ends), and the open tasks of agencies that have some, as their staff.
 * Interleaved by the shares of READ_MIX, in a fixed order.
 */
export async function sampleReadRequests(pool: Pool, secret: string): Promise<ReadRequest[]> {
  const verifier = new DevTokenVerifier(secret);
  const tokens = new Map<string, string>();
  const bearer = async (principal: Principal) => {
    const key = `${principal.sub}|${principal.agency ?? ''}`;
    if (!tokens.has(key)) tokens.set(key, `Bearer ${await verifier.issue(principal, 3600)}`);
    return { authorization: tokens.get(key) ?? '' };
  };
  const citizen = (sub: string) => bearer({ sub, roles: ['citizen'] });
  await pool.query(`SELECT setseed(0.42)`);
  const journeys = (
    await pool.query<{ id: string; subject: string; last_seq: number; status: string }>(
      `SELECT id, subject, last_seq, status FROM journeys ORDER BY random() LIMIT $1`,
      [SAMPLE],
    )
  ).rows;
  const finished = journeys.filter((j) => j.status !== 'active');
  const agencies = (
    await pool.query<{ agency: string }>(
      `SELECT DISTINCT agency FROM agency_tasks WHERE status = 'open' ORDER BY agency`,
    )
  ).rows.map((row) => row.agency);
  if (journeys.length === 0 || finished.length === 0 || agencies.length === 0)
    throw new Error('the read model is too small to sample from: seed more journeys');

  const make: Record<string, (i: number) => Promise<ReadRequest>> = {
    timeline: async (i) => {
      const j = journeys[i % journeys.length];
      return { kind: 'timeline', path: `/api/journeys/${j.id}`, headers: await citizen(j.subject) };
    },
    list: async (i) => {
      const j = journeys[(i * 7) % journeys.length];
      return { kind: 'list', path: '/api/journeys', headers: await citizen(j.subject) };
    },
    events: async (i) => {
      const j = finished[i % finished.length];
      const headers = { ...(await citizen(j.subject)), 'last-event-id': String(Math.max(0, j.last_seq - 3)) };
      return { kind: 'events', path: `/api/journeys/${j.id}/events`, headers };
    },
    inbox: async (i) => {
      const agency = agencies[i % agencies.length];
      const headers = await bearer({ sub: `staff-of-${agency}`, roles: ['agency'], agency });
      return { kind: 'inbox', path: '/api/agency/tasks?status=open', headers };
    },
  };
  // A weighted round robin: in every 100 requests each kind gets its share, spread out.
  const slots = Object.entries(READ_MIX).flatMap(([kind, share]) =>
    Array.from({ length: share }, (_, k) => ({ kind, at: (k + 0.5) / share })),
  );
  slots.sort((a, b) => a.at - b.at || a.kind.localeCompare(b.kind));
  const requests: ReadRequest[] = [];
  for (let round = 0; round < 40; round++)
    for (const [n, slot] of slots.entries()) requests.push(await make[slot.kind](round * slots.length + n));
  return requests;
}
