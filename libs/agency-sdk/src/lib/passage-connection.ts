import { Client } from '@temporalio/client';
import { NativeConnection, type TLSConfig } from '@temporalio/worker';
import { createPassageDataConverter, type PayloadKeys } from './payload-encryption';

export interface PassageConnectionOptions {
  /** Passage's Temporal frontend, `host:port`. */
  readonly address: string;
  /** Default: `default`. */
  readonly namespace?: string;
  /** The key ring Passage encrypts payloads with (PASSAGE_PAYLOAD_KEYS). */
  readonly payloadKeys: PayloadKeys;
  readonly tls?: boolean | TLSConfig;
  readonly apiKey?: string;
}

/** What an agency process needs to talk to Passage: a connection for its worker, a client for later decisions. */
export interface PassageConnection {
  readonly connection: NativeConnection;
  readonly client: Client;
  readonly namespace: string;
  close(): Promise<void>;
}

/** Connects to Passage's Temporal, with a client that encrypts and decrypts payloads like Passage does. */
export async function connectToPassage(options: PassageConnectionOptions): Promise<PassageConnection> {
  const namespace = options.namespace ?? 'default';
  const connection = await NativeConnection.connect({
    address: options.address,
    tls: options.tls || undefined,
    apiKey: options.apiKey,
  });
  const client = new Client({ connection, namespace, dataConverter: createPassageDataConverter(options.payloadKeys) });
  return { connection, client, namespace, close: () => connection.close() };
}
