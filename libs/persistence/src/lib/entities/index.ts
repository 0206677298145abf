import { AgencyTaskEntity } from './agency-task.entity';
import { AgencyEntity } from './agency.entity';
import { DataAccessEntity } from './data-access.entity';
import { DataItemEntity } from './data-item.entity';
import { EscalationEntity } from './escalation.entity';
import { IdempotencyKeyEntity } from './idempotency-key.entity';
import { JourneyEventEntity } from './journey-event.entity';
import { JourneyStepEntity } from './journey-step.entity';
import { JourneyEntity } from './journey.entity';
import { LifeEventVersionEntity } from './life-event-version.entity';
import { MandateEntity } from './mandate.entity';
import { NotificationEntity } from './notification.entity';

export {
  AgencyEntity,
  AgencyTaskEntity,
  DataAccessEntity,
  DataItemEntity,
  EscalationEntity,
  IdempotencyKeyEntity,
  JourneyEntity,
  JourneyEventEntity,
  JourneyStepEntity,
  LifeEventVersionEntity,
  MandateEntity,
  NotificationEntity,
};
export type { AgencyDelivery } from './agency.entity';
export type { AgencyTaskStatus } from './agency-task.entity';
export type { NotificationStatus } from './notification.entity';

/** Every entity, listed explicitly (no globs: the same list works from sources and from a bundle). */
export const ENTITIES = [
  AgencyEntity,
  AgencyTaskEntity,
  DataAccessEntity,
  DataItemEntity,
  EscalationEntity,
  IdempotencyKeyEntity,
  JourneyEntity,
  JourneyEventEntity,
  JourneyStepEntity,
  LifeEventVersionEntity,
  MandateEntity,
  NotificationEntity,
];
