import { defineSearchAttributeKey, SearchAttributeType } from '@temporalio/common';

/** Search attributes of journey workflows. None of them may carry personal data. */
export const LIFE_EVENT_SA = defineSearchAttributeKey('LifeEvent', SearchAttributeType.KEYWORD);
export const LIFE_EVENT_VERSION_SA = defineSearchAttributeKey('LifeEventVersion', SearchAttributeType.INT);
export const PROCESS_OWNER_SA = defineSearchAttributeKey('ProcessOwner', SearchAttributeType.KEYWORD);
export const JOURNEY_STATUS_SA = defineSearchAttributeKey('JourneyStatus', SearchAttributeType.KEYWORD);

export const JOURNEY_SEARCH_ATTRIBUTES = [
  LIFE_EVENT_SA,
  LIFE_EVENT_VERSION_SA,
  PROCESS_OWNER_SA,
  JOURNEY_STATUS_SA,
] as const;
