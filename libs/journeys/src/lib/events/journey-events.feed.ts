import { Client as PgClient } from 'pg';
import { JOURNEY_EVENTS_CHANNEL } from '@passage/persistence';

type Listener = () => void;

/**
 * One LISTEN connection per API process, fanning the projection's notifications out to the live timelines of the
 * journeys they concern. Subscribers re-read what is new; a notification is only a wake-up call.
 */
export class JourneyEventsFeed {
  private readonly listeners = new Map<string, Set<Listener>>();
  private client: PgClient | undefined;

  constructor(private readonly databaseUrl: string) {}

  async start(): Promise<void> {
    const client = new PgClient({ connectionString: this.databaseUrl });
    await client.connect();
    client.on('notification', (message) => {
      if (message.payload) for (const listener of this.listeners.get(message.payload) ?? []) listener();
    });
    // A lost connection only costs timeliness: subscribers also re-read on a timer.
    client.on('error', () => undefined);
    await client.query(`LISTEN ${JOURNEY_EVENTS_CHANNEL}`);
    this.client = client;
  }

  subscribe(journeyId: string, listener: Listener): () => void {
    const set = this.listeners.get(journeyId) ?? new Set<Listener>();
    set.add(listener);
    this.listeners.set(journeyId, set);
    return () => {
      set.delete(listener);
      if (set.size === 0) this.listeners.delete(journeyId);
    };
  }

  async stop(): Promise<void> {
    await this.client?.end().catch(() => undefined);
    this.client = undefined;
  }
}
