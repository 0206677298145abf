import { mkdir, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { NotificationMessage, NotificationTransport } from '../delivery/notification-message';
import { composeMail } from './mail-message';

export interface FileMailOptions {
  /** Local development: `<dataDir>/mail`. */
  readonly dir: string;
  readonly from: string;
}

/**
 * Writes each e-mail as an RFC 5322 `.eml` file (any mail client opens it), named after the delivery id so that a
 * repeated attempt replaces the file instead of adding one. Files are readable by their owner only: they hold an
 * address.
 */
export class FileMailTransport implements NotificationTransport {
  constructor(private readonly options: FileMailOptions) {}

  async deliver(message: NotificationMessage): Promise<void> {
    const content = composeMail(message, this.options.from);
    await mkdir(this.options.dir, { recursive: true, mode: 0o700 });
    const file = join(this.options.dir, `${message.deliveryId.replace(/[^A-Za-z0-9._-]/g, '_')}.eml`);
    // Written aside and renamed, so a reader never sees half a message.
    await writeFile(`${file}.tmp`, content, { mode: 0o600 });
    await rename(`${file}.tmp`, file);
  }
}
