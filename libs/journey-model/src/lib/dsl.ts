import type { LifeEventDefinition, StepDefinition } from './definition.types';

/** Step fields an author may leave out; `step()` fills them with their neutral defaults. */
type OptionalStepFields = 'needs' | 'produces' | 'dependsOn' | 'channels' | 'cost';
export type StepSpec = Omit<StepDefinition, 'id' | OptionalStepFields> &
  Partial<Pick<StepDefinition, OptionalStepFields>>;

/** Builds a step with empty lists for what the author did not declare, and the online channel by default. */
export function step(id: string, spec: StepSpec): StepDefinition {
  const { needs = [], produces = [], dependsOn = [], channels, cost = {}, ...rest } = spec;
  return {
    id,
    ...rest,
    needs,
    produces,
    dependsOn,
    channels: channels ?? (spec.mode === 'automatic' || spec.mode === 'proactive' ? ['automatic'] : ['online']),
    cost,
  };
}

/** Identity with a type: the definition is already plain data; this keeps authoring typed. */
export function defineLifeEvent(definition: LifeEventDefinition): LifeEventDefinition {
  return definition;
}
