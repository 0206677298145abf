import type { NotificationMessage } from '../delivery/notification-message';
import { composeMail, encodeHeaderText, isMailAddress, senderAddress } from './mail-message';
import { dotStuff } from './smtp-client';

const message: NotificationMessage = {
  deliveryId: 'journey-open-shop-1:4:email',
  kind: 'step-completed',
  subject: 'subject-alice',
  journeyId: 'journey-open-shop-1',
  lifeEvent: { id: 'open-shop', version: 1 },
  stepId: 'permit',
  language: 'fr',
  occurredAt: '2026-11-20T09:00:00.000Z',
  title: '« Permis d’environnement » : c’est fait',
  text: 'L’étape « Permis d’environnement » est terminée.\n.\nCeci est un message automatique.',
  to: 'alice@example.org',
};

function headers(mail: string): Record<string, string> {
  const [head] = mail.split('\r\n\r\n');
  return Object.fromEntries(
    head
      .replace(/\r\n /g, ' ')
      .split('\r\n')
      .map((line) => [line.slice(0, line.indexOf(':')), line.slice(line.indexOf(':') + 2)]),
  );
}

/** As a mail client reads encoded words: whitespace (and folding) between them is not part of the text. */
function decodeWords(value: string): string {
  return value.replace(/=\?UTF-8\?B\?([^?]+)\?=\s*/g, (_, b64: string) => Buffer.from(b64, 'base64').toString('utf8'));
}

describe('composeMail', () => {
  const mail = composeMail(message, 'Passage <no-reply@passage.example>', new Date('2026-11-29T10:00:00Z'));

  it('writes an RFC 5322 message with CRLF line ends and no line over 78 characters', () => {
    expect(mail.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
    for (const line of mail.split('\r\n')) expect(line.length).toBeLessThanOrEqual(78);
    expect(headers(mail)).toMatchObject({
      From: '"Passage" <no-reply@passage.example>',
      To: 'alice@example.org',
      Date: 'Sun, 29 Nov 2026 10:00:00 +0000',
      'Auto-Submitted': 'auto-generated',
      'Content-Language': 'fr',
      'Content-Type': 'text/plain; charset=utf-8',
      'X-Passage-Delivery-Id': 'journey-open-shop-1:4:email',
    });
    expect(headers(mail)['Message-ID']).toMatch(/^<[0-9a-f]{32}@passage\.example>$/);
  });

  it('encodes a non-ASCII subject and body so they arrive intact', () => {
    expect(decodeWords(headers(mail)['Subject'])).toBe(message.title);
    const body = mail.split('\r\n\r\n')[1];
    expect(Buffer.from(body.replace(/\r\n/g, ''), 'base64').toString('utf8')).toBe(message.text.replace(/\n/g, '\r\n'));
  });

  it('keeps short ASCII header text readable and folds long text', () => {
    expect(encodeHeaderText('Registration is done')).toBe('Registration is done');
    const long = 'The service is waiting for your answer about your environment permit';
    const encoded = encodeHeaderText(long);
    for (const line of encoded.split('\r\n')) expect(line.length).toBeLessThanOrEqual(76 - 'Subject: '.length);
    expect(decodeWords(encoded)).toBe(long);
  });

  it.each(['alice@example.org\r\nBcc: all@example.org', 'alice', '<alice@example.org>', 'a b@example.org', ''])(
    'refuses the recipient %p (no header injection)',
    (to) => {
      expect(isMailAddress(to)).toBe(false);
      expect(() => composeMail({ ...message, to }, 'no-reply@passage.example')).toThrow(
        expect.objectContaining({ reason: 'no usable e-mail address', retryable: false }),
      );
    },
  );

  it('takes the envelope address out of a sender with a display name', () => {
    expect(senderAddress('Passage <no-reply@passage.example>')).toBe('no-reply@passage.example');
    expect(senderAddress('no-reply@passage.example')).toBe('no-reply@passage.example');
  });
});

describe('dotStuff', () => {
  it('doubles leading dots and uses CRLF, so a lone dot cannot end the data early', () => {
    expect(dotStuff('one\n.\n..two\r\nthree.\r\n')).toBe('one\r\n..\r\n...two\r\nthree.');
  });
});
