import { createHash } from 'node:crypto';
import { DeliveryError, type NotificationMessage } from '../delivery/notification-message';

/** Printable ASCII, one @, none of the characters that would end or split an address in a header or command. */
const ADDRESS = /^[^\s<>@",;:\\()[\]]+@[^\s<>@",;:\\()[\]]+$/;

/** A bare address we are willing to put in a header or an SMTP command: no spaces, brackets or line breaks. */
export function isMailAddress(value: string): boolean {
  return value.length <= 254 && /^[\x21-\x7e]+$/.test(value) && ADDRESS.test(value);
}

/** The address of a `Name <address>` or bare `address` sender. */
export function senderAddress(from: string): string {
  return /<([^>]+)>\s*$/.exec(from)?.[1] ?? from.trim();
}

/** The recipient of an e-mail notification; a message without a usable one can never be delivered. */
export function recipientOf(message: NotificationMessage): string {
  if (!message.to || !isMailAddress(message.to)) throw new DeliveryError('no usable e-mail address', false);
  return message.to;
}

/**
 * The notification as an RFC 5322 message: UTF-8 plain text in base64 (safe over any relay, no 8BITMIME needed),
 * header texts as RFC 2047 encoded words where they are not ASCII, CRLF line ends. `Auto-Submitted` tells mail
 * systems not to answer it automatically.
 */
export function composeMail(message: NotificationMessage, from: string, date: Date = new Date()): string {
  const to = recipientOf(message);
  const fromAddress = senderAddress(from);
  const displayName = from.includes('<') ? from.slice(0, from.lastIndexOf('<')).trim().replace(/^"|"$/g, '') : '';
  const domain = fromAddress.split('@')[1];
  const headers = [
    `From: ${displayName ? `${headerPhrase(displayName)} <${fromAddress}>` : fromAddress}`,
    `To: ${to}`,
    `Subject: ${encodeHeaderText(message.title)}`,
    `Date: ${date.toUTCString().replace(/GMT$/, '+0000')}`,
    `Message-ID: <${createHash('sha256').update(message.deliveryId).digest('hex').slice(0, 32)}@${domain}>`,
    `X-Passage-Delivery-Id: ${message.deliveryId}`,
    'Auto-Submitted: auto-generated',
    `Content-Language: ${message.language}`,
    'MIME-Version: 1.0',
    'Content-Type: text/plain; charset=utf-8',
    'Content-Transfer-Encoding: base64',
  ];
  const body =
    Buffer.from(message.text.replace(/\r?\n/g, '\r\n'), 'utf8')
      .toString('base64')
      .match(/.{1,76}/g) ?? [];
  return `${headers.join('\r\n')}\r\n\r\n${body.join('\r\n')}\r\n`;
}

/**
 * Short ASCII text as is; anything else as UTF-8 encoded words (RFC 2047) folded onto new lines, which also keeps a
 * long title within the line length without folding rules for plain text.
 */
export function encodeHeaderText(text: string): string {
  if (/^[\x20-\x7e]*$/.test(text) && text.length <= 60) return text;
  const words: string[] = [];
  let chunk = '';
  for (const char of text) {
    // 39 bytes of UTF-8 are 52 base64 characters: with `=?UTF-8?B?`, `?=` and a header name the line stays within 76.
    if (Buffer.byteLength(chunk + char) > 39) {
      words.push(chunk);
      chunk = '';
    }
    chunk += char;
  }
  words.push(chunk);
  return words.map((word) => `=?UTF-8?B?${Buffer.from(word, 'utf8').toString('base64')}?=`).join('\r\n ');
}

function headerPhrase(name: string): string {
  if (!/^[\x20-\x7e]*$/.test(name)) return encodeHeaderText(name);
  return `"${name.replace(/["\\]/g, '\\$&')}"`;
}
