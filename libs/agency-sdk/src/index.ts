// What an agency imports to plug its services into Passage (see README.md).
export * from './lib/webhook-signature';
export { ServiceFailure, type ServiceFailureType } from './lib/service-failure';
export type { ItemClass, ItemsOf } from './lib/item-class';
export type { StepContext, StepRef, StepResult, StepRuntime } from './lib/step-context';
export { defineServiceStep, type ServiceStep, type ServiceStepSpec, type StepExample } from './lib/service-step';
export { createPassageDataConverter, type PayloadEncryption, type PayloadKeys } from './lib/payload-encryption';
export { connectToPassage, type PassageConnection, type PassageConnectionOptions } from './lib/passage-connection';
export { runAgencyWorker, type AgencyWorker, type AgencyWorkerOptions } from './lib/agency-worker';
export { createWebhookHandler, type WebhookHandlerOptions, type WebhookListener } from './lib/webhook-handler';
export { sendWebhookCallback, type CallbackDecision } from './lib/webhook-callback';
export { deliverDecision, type AgencyDecision } from './lib/deliver-decision';
export * from './lib/inbox-client';
export { verifyAgency, type VerifyAgencyOptions } from './lib/conformance/verify-agency';
export { formatReport, type ConformanceCheck, type ConformanceReport } from './lib/conformance/report';
export type { CheckName, ItemSpec, ServiceUnderTest } from './lib/conformance/probe-requests';
export { servicesOfAgency } from './lib/conformance/agency-services';
export type {
  ConformanceProbe,
  InboxPage,
  InboxTask,
  InboxTaskDetail,
  InboxTaskStatus,
  MessageReceipt,
  ServiceOutcome,
  ServiceRequest,
} from '@passage/contracts';
export type { DataItems, DataValue, Language } from '@passage/journey-model';
