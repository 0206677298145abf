import type { DataConverter } from '@temporalio/common';
import { parseKeyRing, type KeyRing } from '@passage/config';
import { passageDataConverter } from '@passage/temporal';

/** Passage's payload keys: a key ring, or its text form `id:base64key[,id:base64key…]` (PASSAGE_PAYLOAD_KEYS). */
export type PayloadKeys = KeyRing | string;

/**
 * Every Temporal payload is encrypted (AES-256-GCM): a worker or client of an agency needs the same keys as Passage,
 * or a data converter built from them.
 */
export type PayloadEncryption =
  | { readonly payloadKeys: PayloadKeys; readonly dataConverter?: never }
  | { readonly dataConverter: DataConverter; readonly payloadKeys?: never };

/** The data converter for Passage's payloads, for your own Temporal `Client` (e.g. for `deliverDecision`). */
export function createPassageDataConverter(payloadKeys: PayloadKeys): DataConverter {
  return passageDataConverter(typeof payloadKeys === 'string' ? parseKeyRing('payloadKeys', payloadKeys) : payloadKeys);
}

export function dataConverterOf(encryption: PayloadEncryption): DataConverter {
  if (encryption.dataConverter) return encryption.dataConverter;
  if (encryption.payloadKeys === undefined)
    throw new Error('give payloadKeys (PASSAGE_PAYLOAD_KEYS) or a dataConverter: Passage encrypts every payload');
  return createPassageDataConverter(encryption.payloadKeys);
}
