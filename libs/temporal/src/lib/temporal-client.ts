import { join } from 'node:path';
import { Client, Connection, defaultGrpcRetryOptions, makeGrpcRetryInterceptor } from '@temporalio/client';
import type { DataConverter } from '@temporalio/common';
import { NativeConnection } from '@temporalio/worker';
import type { KeyRing, TemporalSettings } from '@passage/config';
import { EncryptionCodec } from './encryption.codec';

/** Where the failure converter lives, for the workflow bundle (it runs inside the sandbox as well). */
export const FAILURE_CONVERTER_PATH = join(__dirname, 'failure-converter');

/**
 * The data converter every Passage client and worker uses: payloads — and failure messages, as encoded
 * attributes — encrypted with the shared key ring.
 */
export function passageDataConverter(keys: KeyRing): DataConverter {
  return { payloadCodecs: [new EncryptionCodec(keys)], failureConverterPath: FAILURE_CONVERTER_PATH };
}

export interface ClientOptions {
  /**
   * Attempts of a call that failed because the server is unavailable (default: the SDK's 10, about 14 s of
   * backoff). A server answering requests sets it low: a caller waiting for it is better told to come back later.
   */
  readonly maxCallAttempts?: number;
}

export async function connectClient(
  settings: TemporalSettings,
  keys: KeyRing,
  options: ClientOptions = {},
): Promise<Client> {
  const connection = await Connection.connect({
    address: settings.address,
    tls: settings.tls || undefined,
    apiKey: settings.apiKey,
    ...(options.maxCallAttempts !== undefined && {
      interceptors: [makeGrpcRetryInterceptor(defaultGrpcRetryOptions({ maxAttempts: options.maxCallAttempts }))],
    }),
  });
  return new Client({ connection, namespace: settings.namespace, dataConverter: passageDataConverter(keys) });
}

export function connectWorker(settings: TemporalSettings): Promise<NativeConnection> {
  return NativeConnection.connect({
    address: settings.address,
    tls: settings.tls || undefined,
    apiKey: settings.apiKey,
  });
}
