import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import type { Payload, PayloadCodec } from '@temporalio/common';
import { METADATA_ENCODING_KEY } from '@temporalio/common';
import { temporal } from '@temporalio/proto';
import type { KeyRing } from '@passage/config';

const ENCODING = 'binary/encrypted';
const KEY_ID = 'encryption-key-id';
const IV_LENGTH = 12;
const TAG_LENGTH = 16;

/**
 * Encrypts every payload (workflow inputs, activity arguments and results, messages) with AES-256-GCM, so that
 * subject data never lies in plain text in Temporal's history. Shared by every client and worker; keys rotate
 * through the key ring (the current key encrypts, all keys decrypt).
 */
export class EncryptionCodec implements PayloadCodec {
  constructor(private readonly keys: KeyRing) {}

  async encode(payloads: Payload[]): Promise<Payload[]> {
    return payloads.map((payload) => {
      const iv = randomBytes(IV_LENGTH);
      const cipher = createCipheriv('aes-256-gcm', this.keys.current.key, iv);
      const plain = temporal.api.common.v1.Payload.encode(payload).finish();
      const sealed = Buffer.concat([iv, cipher.update(plain), cipher.final(), cipher.getAuthTag()]);
      return {
        metadata: { [METADATA_ENCODING_KEY]: Buffer.from(ENCODING), [KEY_ID]: Buffer.from(this.keys.current.id) },
        data: sealed,
      };
    });
  }

  async decode(payloads: Payload[]): Promise<Payload[]> {
    return payloads.map((payload) => {
      if (Buffer.from(payload.metadata?.[METADATA_ENCODING_KEY] ?? []).toString() !== ENCODING) return payload;
      const keyId = Buffer.from(payload.metadata?.[KEY_ID] ?? []).toString();
      const key = this.keys.all.get(keyId);
      if (!key) throw new Error(`payload encrypted with unknown key id ${keyId}`);
      const sealed = Buffer.from(payload.data ?? []);
      const decipher = createDecipheriv('aes-256-gcm', key, sealed.subarray(0, IV_LENGTH));
      decipher.setAuthTag(sealed.subarray(sealed.length - TAG_LENGTH));
      const plain = Buffer.concat([
        decipher.update(sealed.subarray(IV_LENGTH, sealed.length - TAG_LENGTH)),
        decipher.final(),
      ]);
      return temporal.api.common.v1.Payload.decode(plain);
    });
  }
}
