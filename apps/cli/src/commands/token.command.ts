import type { Command } from 'commander';
import { DevTokenVerifier, isSubjectId, type Principal } from '@passage/auth';
import { ConfigurationError, loadPassageConfig, passageEnvironment, type AuthSettings } from '@passage/config';
import { ROLES } from '@passage/contracts';
import { AGENCIES, CATALOGUE } from '@passage/life-events';
import { CliError } from './definition-loader';

interface TokenOptions {
  readonly role?: string;
  readonly sub?: string;
  readonly client?: string;
  readonly subject?: string;
  readonly agency?: string;
  readonly owner?: string;
  readonly ttl: string;
}

/** A Belgian national register number, with or without its punctuation: never an id (DESIGN §1, subject). */
const NATIONAL_NUMBER = /^\d{2}\.?\d{2}\.?\d{2}-?\d{3}\.?\d{2}$/;

/** The principal the options describe, or a one-line reason why they describe none. */
export function principalFromOptions(options: TokenOptions): Principal {
  if (options.role === undefined || options.sub === undefined)
    throw new CliError('give --role and --sub (a Passage token), or --client and --subject (a counter sign-in)');
  const role = ROLES.find((known) => known === options.role);
  if (!role) throw new CliError(`--role must be one of ${ROLES.join(', ')}; got ${options.role}`);
  pseudonymous('--sub', options.sub);
  const staff = role === 'agency' || role === 'counter';
  if (staff && options.agency === undefined) throw new CliError(`--role ${role} needs --agency <id>`);
  if (!staff && options.agency !== undefined) throw new CliError('--agency is for --role agency or counter');
  if (role === 'owner' && options.owner === undefined) throw new CliError('--role owner needs --owner <id>');
  if (role !== 'owner' && options.owner !== undefined) throw new CliError('--owner is for --role owner');
  if (options.agency !== undefined)
    known(
      '--agency',
      options.agency,
      AGENCIES.map((agency) => agency.id),
    );
  if (options.owner !== undefined)
    known('--owner', options.owner, [...new Set(CATALOGUE.map((entry) => entry.owner.id))]);
  return {
    sub: options.sub,
    roles: [role],
    ...(options.agency ? { agency: options.agency } : {}),
    ...(options.owner ? { owner: options.owner } : {}),
  };
}

function pseudonymous(flag: string, value: string): void {
  if (NATIONAL_NUMBER.test(value)) throw new CliError(`${flag} must be pseudonymous, not a national register number`);
  if (!isSubjectId(value))
    throw new CliError(`${flag} must be a pseudonymous id (letters, digits and . _ : @ -, at most 128); got ${value}`);
}

/**
 * What the identity provider gives the counter application when a citizen signs in there: the evidence a clerk
 * posts to POST /api/counter/presence (ADR 0010). Only for the configured counter client, and only minutes long.
 */
async function counterSignIn(options: TokenOptions): Promise<string> {
  const stray = (['role', 'sub', 'agency', 'owner'] as const).filter((name) => options[name] !== undefined);
  if (stray.length > 0) throw new CliError(`--client takes --subject only, not --${stray[0]}`);
  if (options.subject === undefined) throw new CliError('--client needs --subject <id>: the citizen signing in');
  pseudonymous('--subject', options.subject);
  const auth = developmentAuth();
  if (options.client !== auth.counterClientId)
    throw new CliError(`--client must be the counter client (PASSAGE_COUNTER_CLIENT_ID): ${auth.counterClientId}`);
  return new DevTokenVerifier(auth.secret).issuePresence(options.subject, auth.counterClientId);
}

function known(flag: string, value: string, ids: readonly string[]): void {
  if (!ids.includes(value))
    throw new CliError(`${flag} must be one of the catalogue's ${ids.join(', ')}; got ${value}`);
}

/** Up to what the API accepts (PASSAGE_TOKEN_MAX_LIFETIME_HOURS): longer tokens would be refused anyway. */
function lifetimeSeconds(ttl: string, maxSeconds: number): number {
  const hours = Number(ttl);
  const maxHours = maxSeconds / 3600;
  if (!Number.isFinite(hours) || hours <= 0 || hours > maxHours)
    throw new CliError(`--ttl must be a number of hours above 0 and at most ${maxHours}; got ${ttl}`);
  return Math.round(hours * 3600);
}

/** The development settings, shared with the API through the data folder; refused outside development. */
export function developmentAuth(env: NodeJS.ProcessEnv = process.env): Extract<AuthSettings, { mode: 'development' }> {
  if (fromConfiguration(() => passageEnvironment(env)) === 'production')
    throw new CliError('development tokens are refused in production: get tokens from your OIDC issuer');
  const auth = fromConfiguration(() => loadPassageConfig(env).auth);
  if (auth.mode !== 'development')
    throw new CliError('the API authenticates with OIDC here (PASSAGE_AUTH=oidc): get tokens from your issuer');
  return auth;
}

/** A configuration error becomes the command's one-line refusal. */
function fromConfiguration<T>(read: () => T): T {
  try {
    return read();
  } catch (error) {
    if (error instanceof ConfigurationError) throw new CliError(error.message);
    throw error;
  }
}

export function registerTokenCommand(program: Command): void {
  program
    .command('token')
    .description('print a development token (signed with the dev secret of PASSAGE_DATA_DIR, default .data/)')
    .option('--role <role>', `one of ${ROLES.join(', ')}`)
    .option('--sub <id>', 'pseudonymous subject or staff id')
    .option('--agency <id>', 'agency of agency or counter staff')
    .option('--owner <id>', 'process owner of owner staff')
    .option('--ttl <hours>', 'lifetime in hours', '8')
    .option('--client <id>', "instead: a citizen's sign-in at the counter client (with --subject; 5 minutes)")
    .option('--subject <id>', 'the citizen signing in at the counter (with --client)')
    .action(async (options: TokenOptions) => {
      if (options.client !== undefined || options.subject !== undefined) {
        if (options.client === undefined) throw new CliError('--subject goes with --client <counter client id>');
        console.log(await counterSignIn(options));
        return;
      }
      const principal = principalFromOptions(options);
      const auth = developmentAuth();
      const lifetime = lifetimeSeconds(options.ttl, auth.maxLifetimeSeconds);
      console.log(await new DevTokenVerifier(auth.secret).issue(principal, lifetime));
    });
}
