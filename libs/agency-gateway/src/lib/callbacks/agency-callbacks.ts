import type { IncomingHttpHeaders } from 'node:http';
import { WorkflowNotFoundError, type Client, type WorkflowHandle } from '@temporalio/client';
import type { DataSource } from 'typeorm';
import { verifyWebhook } from '@passage/agency-sdk';
import {
  decideStepUpdate,
  journeyStateQuery,
  notFound,
  PassageError,
  type JourneyState,
  type MessageReceipt,
} from '@passage/contracts';
import { AgencyRegistry, type LifeEventRegistry } from '@passage/registry';
import { refuseConflict, updateJourney } from '@passage/temporal';
import { checkDataItems, createCommand } from '@passage/validation';
import type { DataItems } from '@passage/journey-model';
import { JourneyEntity, type AgencyCallbackEntity } from '@passage/persistence';
import { resolveAgencySecret } from '../delivery/secret-ref';
import { AgencyCallbackCommand } from './agency-callback.command';
import { AgencyCallbackStore } from './agency-callback.store';
import { PostgresNonceStore } from './postgres-nonce.store';

export interface AgencyCallbacksOptions {
  readonly dataSource: DataSource;
  readonly temporal: Client;
  readonly registry: LifeEventRegistry;
  /** Where `env:` secret references are read (the process's environment by default). */
  readonly env?: NodeJS.ProcessEnv;
}

/**
 * Decisions that webhook agencies post later on the callback URL of a request they accepted (202). A callback
 * counts only when signed by the agency the token was issued for, with a nonce no API replica has seen. It is
 * delivered to the journey with the idempotency key `callback:<token hash>`, so a repeat or a late contradiction
 * changes nothing; the journey's receipt says what happened (a contradiction is refused: 409 `conflicting-decision`).
 */
export class AgencyCallbacks {
  private readonly store: AgencyCallbackStore;
  private readonly nonces: PostgresNonceStore;
  private readonly agencies: AgencyRegistry;

  constructor(private readonly options: AgencyCallbacksOptions) {
    this.store = new AgencyCallbackStore(options.dataSource);
    this.nonces = new PostgresNonceStore(options.dataSource);
    this.agencies = new AgencyRegistry(options.dataSource);
  }

  /** The callback of `token`, once the request proves it comes from that callback's agency; else 404 or 401. */
  async authenticate(
    token: string,
    rawBody: string | undefined,
    headers: IncomingHttpHeaders,
  ): Promise<AgencyCallbackEntity> {
    const callback = await this.store.find(token);
    if (!callback) throw notFound('callback');
    const agency = await this.agencies.find(callback.agency);
    if (agency?.delivery.kind !== 'webhook')
      throw new PassageError('invalid-token', 'the agency of this callback has no webhook secret');
    const secret = this.secretOf(agency.id, agency.delivery.secretRef);
    if (rawBody === undefined) throw new PassageError('invalid-request', 'the body must be the signed JSON callback');
    const failure = await verifyWebhook(secret, rawBody, headers, this.nonces.scoped(agency.id));
    if (failure) throw new PassageError('invalid-token', `the callback's signature is refused: ${failure}`);
    return callback;
  }

  /** Validates the decision and hands it to the journey; answers with the journey's receipt. */
  async deliver(callback: AgencyCallbackEntity, input: unknown): Promise<MessageReceipt> {
    const command = createCommand(AgencyCallbackCommand, input);
    const handle = this.options.temporal.workflow.getHandle(callback.journeyId);
    const state = await this.stateOf(handle);
    const step = state?.steps.find((s) => s.id === callback.stepId);
    let outputs: DataItems | undefined;
    let receipt: MessageReceipt;
    if (!state || state.status !== 'active') {
      receipt = {
        result: 'ignored',
        seq: state?.seq ?? (await this.projectedSeq(callback.journeyId)),
        detail: `the journey is ${state?.status ?? 'over'}`,
      };
    } else if (!step || step.attempt !== callback.attempt) {
      // A decision on an earlier attempt must not decide the retry the process owner started since.
      receipt = {
        result: 'ignored',
        seq: state.seq,
        detail: `the callback belongs to attempt ${callback.attempt} of ${callback.stepId}`,
      };
    } else {
      outputs = await this.checkedOutputs(state, callback.stepId, command);
      receipt = await this.decide(callback, command, outputs);
    }
    await this.store.recordUse(callback.token, {
      outcome: command.outcome,
      result: receipt.result,
      ...(outputs ? { outputs: Object.keys(outputs) } : {}),
    });
    return refuseConflict(receipt);
  }

  private secretOf(agency: string, secretRef: string): string {
    try {
      return resolveAgencySecret(secretRef, this.options.env);
    } catch (error) {
      // Passage's configuration, not the agency's fault: 503, so that the agency tries again later.
      console.error(`agency callbacks: agency ${agency}: ${error instanceof Error ? error.message : 'unknown'}`);
      throw new PassageError('unavailable', 'the callback cannot be verified now; try again later');
    }
  }

  /** Only the items the step produces, of the right type; an approval gives all of them (like a decision in the inbox). */
  private async checkedOutputs(
    state: JourneyState,
    stepId: string,
    command: AgencyCallbackCommand,
  ): Promise<DataItems | undefined> {
    const { definition } = await this.options.registry.require(state.lifeEvent.id, state.lifeEvent.version);
    const produces = definition.steps.find((s) => s.id === stepId)?.produces ?? [];
    const outputs = command.outputs
      ? checkDataItems(definition, command.outputs, 'outputs', new Set(produces))
      : undefined;
    if (command.outcome === 'approved') {
      const missing = produces.filter((item) => outputs?.[item] === undefined);
      if (missing.length > 0)
        throw new PassageError(
          'missing-data-item',
          `an approval must give ${missing.join(', ')}`,
          `outputs.${missing[0]}`,
        );
    }
    return outputs;
  }

  private async decide(
    callback: AgencyCallbackEntity,
    command: AgencyCallbackCommand,
    outputs: DataItems | undefined,
  ): Promise<MessageReceipt> {
    try {
      return await updateJourney(this.options.temporal, callback.journeyId, decideStepUpdate, {
        idempotencyKey: `callback:${callback.token}`,
        stepId: callback.stepId,
        outcome: command.outcome,
        outputs,
        reason: command.reason,
        decidedBy: { id: `webhook:${callback.agency}`, role: 'agency', agency: callback.agency },
      });
    } catch (error) {
      // The journey ended since it was read: a receipt, as for a decision that came too late.
      if (error instanceof PassageError && error.code === 'journey-not-active')
        return { result: 'ignored', seq: await this.projectedSeq(callback.journeyId), detail: 'the journey is over' };
      throw error;
    }
  }

  /** The journey as its workflow sees it; undefined when the workflow is gone. */
  private async stateOf(handle: WorkflowHandle): Promise<JourneyState | undefined> {
    try {
      return await handle.query(journeyStateQuery);
    } catch (error) {
      if (error instanceof WorkflowNotFoundError) return undefined;
      throw error;
    }
  }

  private async projectedSeq(journeyId: string): Promise<number> {
    const journey = await this.options.dataSource.getRepository(JourneyEntity).findOneBy({ id: journeyId });
    return journey?.lastSeq ?? 0;
  }
}
