import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import type { DataValue } from '@passage/journey-model';
import type { KeyRing } from '@passage/config';

/** Encrypts vault values at rest with AES-256-GCM; the subject and item are bound in as associated data. */
export class VaultCipher {
  constructor(private readonly keys: KeyRing) {}

  encrypt(subject: string, item: string, value: DataValue): { ciphertext: Buffer; keyId: string } {
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', this.keys.current.key, iv);
    cipher.setAAD(Buffer.from(`${subject}\u0000${item}`));
    const body = Buffer.concat([cipher.update(JSON.stringify(value), 'utf8'), cipher.final()]);
    return { ciphertext: Buffer.concat([iv, body, cipher.getAuthTag()]), keyId: this.keys.current.id };
  }

  decrypt(subject: string, item: string, ciphertext: Buffer, keyId: string): DataValue {
    const key = this.keys.all.get(keyId);
    if (!key) throw new Error(`vault value encrypted with unknown key id ${keyId}`);
    const decipher = createDecipheriv('aes-256-gcm', key, ciphertext.subarray(0, 12));
    decipher.setAAD(Buffer.from(`${subject}\u0000${item}`));
    decipher.setAuthTag(ciphertext.subarray(ciphertext.length - 16));
    const plain = Buffer.concat([decipher.update(ciphertext.subarray(12, ciphertext.length - 16)), decipher.final()]);
    return JSON.parse(plain.toString('utf8')) as DataValue;
  }
}
