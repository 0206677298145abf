import { AgencyCallbackEntity } from './agency-callback.entity';
import { AgencyTaskEntity } from './agency-task.entity';
import { AgencyEntity } from './agency.entity';
import { AuditLogEntity } from './audit-log.entity';
import { DataAccessEntity } from './data-access.entity';
import { DataItemEntity } from './data-item.entity';
import { EscalationEntity } from './escalation.entity';
import { IdempotencyKeyEntity } from './idempotency-key.entity';
import { JourneyEventEntity } from './journey-event.entity';
import { JourneyProposalEntity } from './journey-proposal.entity';
import { JourneyStepEntity } from './journey-step.entity';
import { JourneyEntity } from './journey.entity';
import { LifeEventVersionEntity } from './life-event-version.entity';
import { MandateEntity } from './mandate.entity';
import { NotificationEntity } from './notification.entity';
import { WebhookNonceEntity } from './webhook-nonce.entity';

export {
  AgencyCallbackEntity,
  AgencyEntity,
  AgencyTaskEntity,
  AuditLogEntity,
  DataAccessEntity,
  DataItemEntity,
  EscalationEntity,
  IdempotencyKeyEntity,
  JourneyEntity,
  JourneyEventEntity,
  JourneyProposalEntity,
  JourneyStepEntity,
  LifeEventVersionEntity,
  MandateEntity,
  NotificationEntity,
  WebhookNonceEntity,
};
export type { AgencyCallbackOutcome } from './agency-callback.entity';
export type { AgencyDelivery } from './agency.entity';
export type { NotificationStatus } from './notification.entity';
export type { ProposalStatus } from './journey-proposal.entity';

/** Every entity, listed explicitly (no globs: the same list works from sources and from a bundle). */
export const ENTITIES = [
  AgencyCallbackEntity,
  AgencyEntity,
  AgencyTaskEntity,
  AuditLogEntity,
  DataAccessEntity,
  DataItemEntity,
  EscalationEntity,
  IdempotencyKeyEntity,
  JourneyEntity,
  JourneyEventEntity,
  JourneyProposalEntity,
  JourneyStepEntity,
  LifeEventVersionEntity,
  MandateEntity,
  NotificationEntity,
  WebhookNonceEntity,
];
