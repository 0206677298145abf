import { Command, InvalidArgumentError, Option } from 'commander';
import type { ShareRule } from './behaviour.model';
import { DEFAULT_SHARES } from './research-shares';

export interface SimulatorCliOptions {
  readonly secondsPerDay: number;
  readonly seed: number;
  readonly rejectShare: number;
  readonly infoShare: number;
  readonly share: readonly ShareRule[];
  readonly maxHoldSeconds: number;
  readonly pollSeconds: number;
  readonly idlePollSeconds: number;
  readonly webhookPort: number;
  /** Whether simulated staff decide the inbox tasks (off: someone else does, e.g. a test through the API). */
  readonly inbox: boolean;
  /** A PostgreSQL database where every service execution is recorded by idempotency key (see execution-ledger.ts). */
  readonly ledgerUrl?: string;
}

/**
 * The simulator's options, from the command line or (as `passage dev` and tests start it, without arguments) from
 * `PASSAGE_SIM_*` variables. Throws a CommanderError (after printing why) on help or a wrong option.
 */
export function parseOptions(argv: readonly string[]): SimulatorCliOptions {
  const program = new Command('agency-simulator')
    .description('simulates every agency of the catalogue against a running Passage (development only)')
    .addOption(
      new Option('--seconds-per-day <s>', 'real seconds a simulated day takes')
        .env('PASSAGE_SIM_SECONDS_PER_DAY')
        .default(0.2)
        .argParser(positive),
    )
    .addOption(
      new Option('--seed <n>', 'seed of every draw: the same seed answers the same request alike')
        .env('PASSAGE_SIM_SEED')
        .default(1)
        .argParser(integer),
    )
    .addOption(
      new Option('--reject-share <0-1>', 'share of requests rejected, where the research says nothing')
        .env('PASSAGE_SIM_REJECT_SHARE')
        .default(DEFAULT_SHARES.reject)
        .argParser(share),
    )
    .addOption(
      new Option(
        '--info-share <0-1>',
        'share of inbox tasks answered by asking for more, where the research says nothing',
      )
        .env('PASSAGE_SIM_INFO_SHARE')
        .default(DEFAULT_SHARES.info)
        .argParser(share),
    )
    .addOption(
      new Option(
        '--share <rules>',
        'shares of one agency or service, over the research: agency[/service]=<reject>,<info>, several separated by ";"',
      )
        .env('PASSAGE_SIM_SHARES')
        .default([])
        .argParser(shareRules),
    )
    .addOption(
      new Option('--max-hold-seconds <s>', 'service steps taking longer answer "accepted" and decide later')
        .env('PASSAGE_SIM_MAX_HOLD_SECONDS')
        .default(10)
        .argParser(positive),
    )
    .addOption(
      new Option('--poll-seconds <s>', 'how often staff look at their inbox while it has tasks')
        .env('PASSAGE_SIM_POLL_SECONDS')
        .default(1)
        .argParser(positive),
    )
    .addOption(
      new Option('--idle-poll-seconds <s>', 'at most how long staff leave an empty inbox alone')
        .env('PASSAGE_SIM_IDLE_POLL_SECONDS')
        .default(8)
        .argParser(positive),
    )
    .addOption(
      new Option('--webhook-port <n>', 'port of the webhook agencies on 127.0.0.1 (0: any free one)')
        .env('PASSAGE_SIM_WEBHOOK_PORT')
        .default(0)
        .argParser(integer),
    )
    .addOption(
      new Option('--inbox <on|off>', 'whether simulated staff decide the inbox tasks')
        .env('PASSAGE_SIM_INBOX')
        .default(true)
        .argParser(onOff),
    )
    .addOption(
      new Option(
        '--ledger-url <url>',
        'record every service execution by idempotency key in this PostgreSQL database',
      ).env('PASSAGE_SIM_LEDGER_URL'),
    )
    .exitOverride()
    .parse(argv, { from: 'user' });
  const options = program.opts<SimulatorCliOptions>();
  if (options.rejectShare + options.infoShare > 1)
    program.error('error: --reject-share and --info-share add up to more than 1');
  return options;
}

function positive(value: string): number {
  const parsed = Number(value);
  if (!Number.isFinite(parsed) || parsed <= 0) throw new InvalidArgumentError('must be a positive number');
  return parsed;
}

function onOff(value: string): boolean {
  if (value !== 'on' && value !== 'off') throw new InvalidArgumentError('must be on or off');
  return value === 'on';
}

function integer(value: string): number {
  const parsed = Number(value);
  if (!Number.isSafeInteger(parsed) || parsed < 0) throw new InvalidArgumentError('must be a whole number, 0 or more');
  return parsed;
}

function share(value: string): number {
  const parsed = Number(value);
  if (value.trim() === '' || !Number.isFinite(parsed) || parsed < 0 || parsed > 1)
    throw new InvalidArgumentError('must be a share between 0 and 1');
  return parsed;
}

const SHARE_RULE = /^([a-z0-9]+(?:-[a-z0-9]+)*)(?:\/([a-z0-9]+(?:-[a-z0-9]+)*))?=([^,]+),([^,]+)$/;

/** `gemeente/drinks-licence=0.05,0.3;favv=0,0.2`, added to the rules given before. */
export function shareRules(value: string, previous: readonly ShareRule[] = []): ShareRule[] {
  const rules = value
    .split(';')
    .map((text) => text.trim())
    .filter(Boolean)
    .map((text): ShareRule => {
      const match = SHARE_RULE.exec(text);
      if (!match) throw new InvalidArgumentError(`"${text}" is not agency[/service]=<reject>,<info>`);
      const [, agency, service, reject, info] = match;
      const rule = { agency, ...(service ? { service } : {}), reject: share(reject), info: share(info) };
      if (rule.reject + rule.info > 1) throw new InvalidArgumentError(`"${text}": the shares add up to more than 1`);
      return rule;
    });
  return [...previous, ...rules];
}
