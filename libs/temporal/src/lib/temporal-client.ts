import { Client, Connection } from '@temporalio/client';
import type { DataConverter } from '@temporalio/common';
import { NativeConnection } from '@temporalio/worker';
import type { KeyRing, TemporalSettings } from '@passage/config';
import { EncryptionCodec } from './encryption.codec';

/** The data converter every Passage client and worker uses: payloads encrypted with the shared key ring. */
export function passageDataConverter(keys: KeyRing): DataConverter {
  return { payloadCodecs: [new EncryptionCodec(keys)] };
}

export async function connectClient(settings: TemporalSettings, keys: KeyRing): Promise<Client> {
  const connection = await Connection.connect({ address: settings.address, tls: settings.tls || undefined, apiKey: settings.apiKey });
  return new Client({ connection, namespace: settings.namespace, dataConverter: passageDataConverter(keys) });
}

export function connectWorker(settings: TemporalSettings): Promise<NativeConnection> {
  return NativeConnection.connect({ address: settings.address, tls: settings.tls || undefined, apiKey: settings.apiKey });
}
