import { InitialSchema1764370000000 } from './1764370000000-initial-schema';
import { NotificationFanOut1795912029000 } from './1795912029000-notification-fan-out';
import { AgencyCallbacks1795912500000 } from './1795912500000-agency-callbacks';
import { OwnerReporting1795913600000 } from './1795913600000-owner-reporting';
import { AuditLogAndProposals1795914800000 } from './1795914800000-audit-log-and-proposals';
import { DropJourneyStateCopy1795916000000 } from './1795916000000-drop-journey-state-copy';
import { ProjectionQuarantine1795917000000 } from './1795917000000-projection-quarantine';
import { VaultScopes1795917200000 } from './1795917200000-vault-scopes';
import { IdempotencyLease1795917300000 } from './1795917300000-idempotency-lease';
import { PresenceProofs1795918000000 } from './1795918000000-presence-proofs';

/** Every migration, in order. */
export const MIGRATIONS = [
  InitialSchema1764370000000,
  NotificationFanOut1795912029000,
  AgencyCallbacks1795912500000,
  OwnerReporting1795913600000,
  AuditLogAndProposals1795914800000,
  DropJourneyStateCopy1795916000000,
  ProjectionQuarantine1795917000000,
  VaultScopes1795917200000,
  IdempotencyLease1795917300000,
  PresenceProofs1795918000000,
];
