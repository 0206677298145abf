import { defaultPayloadConverter } from '@temporalio/common';
import { parseKeyRing } from '@passage/config';
import { EncryptionCodec } from './encryption.codec';

const ring = (spec: string) => parseKeyRing('test', spec);
const key = (byte: number) => Buffer.alloc(32, byte).toString('base64');

describe('EncryptionCodec', () => {
  const payload = defaultPayloadConverter.toPayload({ 'person.address': 'Kerkstraat 1, 9000 Gent' });

  it('hides the value and restores it exactly', async () => {
    const codec = new EncryptionCodec(ring(`k1:${key(1)}`));
    const [encoded] = await codec.encode([payload]);
    expect(Buffer.from(encoded.data ?? []).toString('latin1')).not.toContain('Kerkstraat');
    const [decoded] = await codec.decode([encoded]);
    expect(defaultPayloadConverter.fromPayload(decoded)).toEqual({ 'person.address': 'Kerkstraat 1, 9000 Gent' });
  });

  it('decrypts with an older key after rotation', async () => {
    const [encoded] = await new EncryptionCodec(ring(`old:${key(1)}`)).encode([payload]);
    const rotated = new EncryptionCodec(ring(`new:${key(2)},old:${key(1)}`));
    expect(defaultPayloadConverter.fromPayload((await rotated.decode([encoded]))[0])).toEqual({
      'person.address': 'Kerkstraat 1, 9000 Gent',
    });
  });

  it('refuses a tampered payload and an unknown key', async () => {
    const codec = new EncryptionCodec(ring(`k1:${key(1)}`));
    const [encoded] = await codec.encode([payload]);
    const tampered = Buffer.from(encoded.data ?? []);
    tampered[20] ^= 1;
    await expect(codec.decode([{ ...encoded, data: tampered }])).rejects.toThrow();
    await expect(new EncryptionCodec(ring(`k2:${key(2)}`)).decode([encoded])).rejects.toThrow('unknown key id k1');
  });

  it('leaves payloads it did not encrypt alone', async () => {
    const codec = new EncryptionCodec(ring(`k1:${key(1)}`));
    expect(await codec.decode([payload])).toEqual([payload]);
  });
});
