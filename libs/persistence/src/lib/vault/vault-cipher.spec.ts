import { parseKeyRing } from '@passage/config';
import { VaultCipher } from './vault-cipher';

describe('VaultCipher', () => {
  const cipher = new VaultCipher(parseKeyRing('test', `v1:${Buffer.alloc(32, 9).toString('base64')}`));

  it('round-trips values of every type without keeping them readable', () => {
    for (const value of ['BE68 5390 0754 7034', 42, true, '2026-05-04']) {
      const { ciphertext, keyId } = cipher.encrypt('subject-1', 'enterprise.iban', value);
      expect(ciphertext.toString('latin1')).not.toContain(String(value));
      expect(cipher.decrypt('subject-1', 'enterprise.iban', ciphertext, keyId)).toBe(value);
    }
  });

  it('binds a value to its subject and item: a row copied to another subject does not decrypt', () => {
    const { ciphertext, keyId } = cipher.encrypt('subject-1', 'person.address', 'Kerkstraat 1');
    expect(() => cipher.decrypt('subject-2', 'person.address', ciphertext, keyId)).toThrow();
    expect(() => cipher.decrypt('subject-1', 'person.email', ciphertext, keyId)).toThrow();
  });
});
