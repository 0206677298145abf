import type {
  Appeal,
  Compensation,
  Condition,
  DataItemSpec,
  EntityBinding,
  LifeEventDefinition,
  ProactiveTrigger,
  RefusalPolicy,
  RefusalTerm,
  StatutoryTerm,
  StepDefinition,
} from './definition.types';

/**
 * The fields of each object of a definition, in the order of definition.types.ts. `toJson` writes fields in this
 * order and validation reads them in it, so issues follow the written document; anything else is an unknown field.
 */
function fieldsOf<T>(fields: Record<keyof T, true>): readonly string[] {
  return Object.keys(fields);
}

export const DEFINITION_FIELDS = fieldsOf<LifeEventDefinition>({
  id: true,
  version: true,
  kind: true,
  owner: true,
  title: true,
  summary: true,
  dataItems: true,
  entities: true,
  intake: true,
  steps: true,
  trigger: true,
  sources: true,
});

export const DATA_ITEM_FIELDS = fieldsOf<DataItemSpec>({
  type: true,
  values: true,
  options: true,
  label: true,
  help: true,
  scope: true,
  authenticSource: true,
});

export const ENTITY_FIELDS = fieldsOf<EntityBinding>({ scope: true, identifiedBy: true, foundedBy: true });

export const STEP_FIELDS = fieldsOf<StepDefinition>({
  id: true,
  agency: true,
  service: true,
  mode: true,
  title: true,
  description: true,
  needs: true,
  produces: true,
  dependsOn: true,
  when: true,
  term: true,
  expectedDays: true,
  channels: true,
  cost: true,
  compensation: true,
  critical: true,
  refusal: true,
  ipdcId: true,
});

export const TERM_FIELDS = fieldsOf<StatutoryTerm>({
  days: true,
  unit: true,
  kind: true,
  before: true,
  from: true,
  onExpiry: true,
  source: true,
});

export const REFUSAL_FIELDS = fieldsOf<RefusalPolicy>({ allows: true, within: true, appeal: true, source: true });

export const REFUSAL_TERM_FIELDS = fieldsOf<RefusalTerm>({ days: true, unit: true });

export const APPEAL_FIELDS = fieldsOf<Appeal>({ agency: true, service: true, title: true, term: true });

export const APPEAL_TERM_FIELDS = fieldsOf<NonNullable<Appeal['term']>>({
  days: true,
  unit: true,
  onExpiry: true,
  source: true,
});

export const COMPENSATION_FIELDS = fieldsOf<Compensation>({ agency: true, service: true, title: true });

export const TRIGGER_FIELDS = fieldsOf<ProactiveTrigger>({ event: true, consent: true });

type KeysOfUnion<T> = T extends unknown ? keyof T : never;

/** Operators that test one data item. */
export const COMPARISONS = [
  'equals',
  'in',
  'exists',
  'gt',
  'gte',
  'lt',
  'lte',
] as const satisfies readonly KeysOfUnion<Condition>[];
export type Comparison = (typeof COMPARISONS)[number];

/** Operators that combine conditions. */
export const COMBINATORS = ['not', 'and', 'or'] as const satisfies readonly KeysOfUnion<Condition>[];

export const CONDITION_FIELDS: readonly string[] = ['field', ...COMPARISONS, ...COMBINATORS];

export const LIFE_EVENT_KINDS = ['life', 'business'] as const satisfies readonly LifeEventDefinition['kind'][];
