import { DevTokenVerifier } from '@passage/auth';
import type { DevStack } from '@passage/devstack';

export interface BannerFacts {
  readonly dataDir: string;
  /** Whether the data folder is the default one, which `passage token` reads without PASSAGE_DATA_DIR. */
  readonly defaultDataDir: boolean;
  readonly seconds: number;
}

/** What `passage dev` prints once the stack is ready: where everything is, demo tokens and a first journey. */
export async function devBanner(stack: DevStack, facts: BannerFacts): Promise<string> {
  const lines = [
    '',
    `Passage is ready (${facts.seconds.toFixed(1)} s).`,
    '',
    `  API           ${stack.apiUrl}`,
    `  OpenAPI docs  ${stack.apiUrl}/api/docs`,
    `  Temporal UI   ${stack.temporalUiUrl ?? 'off (--no-temporal-ui)'}`,
    `  Temporal      ${stack.temporalAddress}, namespace default`,
    `  Database      ${stack.database}`,
    `  Data folder   ${facts.dataDir}`,
    '',
    ...(await tokenLines(stack, facts)),
    '',
    'Start a journey as the citizen, then read its timeline:',
    '',
    `  JOURNEY=$(curl -s -X POST ${stack.apiUrl}/api/journeys -H "authorization: Bearer $CITIZEN_TOKEN" -H 'content-type: application/json' \\`,
    `    -d '${JSON.stringify({ lifeEvent: 'start-business', intake: stack.demo.startBusinessIntake, language: 'en' })}' \\`,
    `    | node -p 'JSON.parse(require("fs").readFileSync(0, "utf8")).id')`,
    `  curl -s ${stack.apiUrl}/api/journeys/$JOURNEY -H "authorization: Bearer $CITIZEN_TOKEN"`,
    '',
    'Stop with Ctrl-C.',
  ];
  return lines.join('\n');
}

async function tokenLines(stack: DevStack, facts: BannerFacts): Promise<string[]> {
  const { auth } = stack.config;
  if (auth.mode !== 'development')
    return ['The API authenticates with OIDC (PASSAGE_AUTH=oidc): get tokens from your issuer.'];
  // As long as the API accepts (PASSAGE_TOKEN_MAX_LIFETIME_HOURS, 12 by default): a working day of one `passage dev`.
  const hours = auth.maxLifetimeSeconds / 3600;
  const verifier = new DevTokenVerifier(auth.secret);
  const more = `${facts.defaultDataDir ? '' : `PASSAGE_DATA_DIR=${facts.dataDir} `}npx passage token --role <role> --sub <id>`;
  const lines = [`Development tokens (${hours} h; more with: ${more}):`, ''];
  const links: string[] = [];
  for (const { label, variable, principal } of stack.demo.principals) {
    const token = await verifier.issue(principal, auth.maxLifetimeSeconds);
    lines.push(`  # ${label}: ${principal.sub}`, `  export ${variable}=${token}`);
    // The pages read a token from the address's fragment, which never reaches a server or a log. Counter staff
    // act under a proof of the citizen's presence, which the pages do not offer yet.
    if (!principal.roles.includes('counter')) links.push(`  ${label.padEnd(40)} ${stack.apiUrl}/#token=${token}`);
  }
  return [...lines, '', 'Or open the pages, signed in:', '', ...links];
}
