import {
  LANGUAGES,
  conditionFields,
  evaluateCondition,
  type AgencyDescriptor,
  type DataItems,
  type DataValue,
  type LifeEventDefinition,
  type StepDefinition,
  type Texts,
} from '@passage/journey-model';

/*
 * Structural checks shared by the specs of the catalogue's life events, on top of validateLifeEvent. Each returns
 * the problems it finds as readable strings, so a spec asserts `toEqual([])` and a failure names the culprit.
 */

export function stepById(definition: LifeEventDefinition, id: string): StepDefinition {
  const found = definition.steps.find((s) => s.id === id);
  if (!found) throw new Error(`no step ${id} in ${definition.id} v${definition.version}`);
  return found;
}

/** The steps a step depends on, directly or not. */
export function ancestors(definition: LifeEventDefinition, id: string, seen = new Set<string>()): Set<string> {
  for (const dependency of stepById(definition, id).dependsOn) {
    if (!seen.has(dependency)) {
      seen.add(dependency);
      ancestors(definition, dependency, seen);
    }
  }
  return seen;
}

export const runs = (s: StepDefinition, data: DataItems): boolean => (s.when ? evaluateCondition(s.when, data) : true);

export function activeSteps(definition: LifeEventDefinition, data: DataItems): string[] {
  return definition.steps.filter((s) => runs(s, data)).map((s) => s.id);
}

/** Every assignment of the enum and boolean items that conditions read, for exhaustive checks. */
export function conditionScenarios(definition: LifeEventDefinition): DataItems[] {
  const fields = [...new Set(definition.steps.flatMap((s) => (s.when ? conditionFields(s.when) : [])))].sort();
  let scenarios: Record<string, DataValue>[] = [{}];
  for (const field of fields) {
    const spec = definition.dataItems[field];
    const values: readonly DataValue[] =
      spec.type === 'boolean' ? [true, false] : spec.type === 'enum' ? (spec.values ?? []) : [];
    if (values.length === 0) throw new Error(`condition over ${field} of type ${spec.type} cannot be enumerated`);
    scenarios = scenarios.flatMap((scenario) => values.map((value) => ({ ...scenario, [field]: value })));
  }
  return scenarios;
}

/** Items the subject gives at intake or an authentic source holds: known whenever a step runs. */
function givenItems(definition: LifeEventDefinition): Set<string> {
  return new Set([
    ...definition.intake,
    ...Object.entries(definition.dataItems)
      .filter(([, spec]) => spec.authenticSource !== undefined)
      .map(([id]) => id),
  ]);
}

/** Needs that, in some scenario, neither intake, an authentic source nor a running upstream step provides. */
export function unprovidedNeeds(definition: LifeEventDefinition): string[] {
  const given = givenItems(definition);
  const scenarios = conditionScenarios(definition);
  const problems: string[] = [];
  for (const s of definition.steps) {
    const upstream = [...ancestors(definition, s.id)].map((id) => stepById(definition, id));
    for (const item of s.needs.filter((need) => !given.has(need))) {
      const providers = upstream.filter((candidate) => candidate.produces.includes(item));
      const gap = scenarios.find((data) => runs(s, data) && !providers.some((provider) => runs(provider, data)));
      if (gap) problems.push(`${s.id} needs ${item}, which nothing provides when ${JSON.stringify(gap)}`);
    }
  }
  return problems;
}

/** Conditions must read items known when the step becomes ready: given ones, or produced by an upstream step. */
export function conditionsOnUnknownItems(definition: LifeEventDefinition): string[] {
  const given = givenItems(definition);
  return definition.steps.flatMap((s) => {
    const upstreamProduces = new Set(
      [...ancestors(definition, s.id)].flatMap((id) => stepById(definition, id).produces),
    );
    const fields = s.when ? conditionFields(s.when) : [];
    return fields
      .filter((field) => !given.has(field) && !upstreamProduces.has(field))
      .map((field) => `${s.id} tests ${field}, which is not known when it becomes ready`);
  });
}

/**
 * Every step has a term with a source or an expected duration; a `completed:` anchor is a step it depends on; a
 * `date:` anchor is given or produced upstream; tacit effects belong to authority decisions.
 */
export function termProblems(definition: LifeEventDefinition): string[] {
  const given = givenItems(definition);
  const problems: string[] = [];
  for (const s of definition.steps) {
    const { term } = s;
    if (!term) {
      if (!(s.expectedDays !== undefined && s.expectedDays > 0))
        problems.push(`${s.id}: neither term nor expectedDays`);
      continue;
    }
    if (!/^https?:\/\//.test(term.source ?? '')) problems.push(`${s.id}: term without a source`);
    const upstream = ancestors(definition, s.id);
    if (term.from.startsWith('completed:') && !upstream.has(term.from.slice('completed:'.length))) {
      problems.push(`${s.id}: counts from a step it does not depend on`);
    }
    if (term.from.startsWith('date:')) {
      const item = term.from.slice('date:'.length);
      const produced = [...upstream].some((id) => stepById(definition, id).produces.includes(item));
      if (definition.dataItems[item]?.type !== 'date') problems.push(`${s.id}: ${item} is not a date`);
      if (!given.has(item) && !produced) problems.push(`${s.id}: ${item} is not known when the term starts`);
    }
    if (
      (term.onExpiry === 'tacit-approval' || term.onExpiry === 'tacit-refusal') &&
      term.kind !== 'authority-decision'
    ) {
      problems.push(`${s.id}: a tacit ${term.onExpiry} needs an authority-decision term`);
    }
  }
  return problems;
}

/** Costs only for channels the step offers, never negative. */
export function costProblems(definition: LifeEventDefinition): string[] {
  return definition.steps.flatMap((s) =>
    Object.entries(s.cost)
      .filter(([channel, cost]) => !s.channels.includes(channel as never) || cost < 0)
      .map(([channel]) => `${s.id}: cost for ${channel}`),
  );
}

/** Steps and compensations that call an agency or service the registry does not have. */
export function registryProblems(definition: LifeEventDefinition, agencies: readonly AgencyDescriptor[]): string[] {
  const services = new Map(agencies.map((agency) => [agency.id, agency.services.map((service) => service.id)]));
  return definition.steps.flatMap((s) => {
    const problems: string[] = [];
    if (!services.get(s.agency)?.includes(s.service)) problems.push(`${s.id}: ${s.agency} offers no ${s.service}`);
    const compensation = s.compensation;
    if (compensation && !services.get(compensation.agency ?? s.agency)?.includes(compensation.service)) {
      problems.push(`${s.id}: no compensation service ${compensation.service}`);
    }
    return problems;
  });
}

/** Citizen-facing texts that lack a language. */
export function missingTexts(definition: LifeEventDefinition): string[] {
  const texts: [string, Texts | undefined][] = [
    ['title', definition.title],
    ['summary', definition.summary],
    ...Object.entries(definition.dataItems).map(([id, spec]): [string, Texts] => [`dataItems.${id}.label`, spec.label]),
    ...definition.steps.flatMap((s): [string, Texts | undefined][] => [
      [`steps.${s.id}.title`, s.title],
      [`steps.${s.id}.description`, s.description],
      ...(s.compensation ? [[`steps.${s.id}.compensation.title`, s.compensation.title] as [string, Texts]] : []),
    ]),
  ];
  return texts.flatMap(([where, text]) =>
    LANGUAGES.filter((language) => (text?.[language] ?? '').trim() === '').map((language) => `${where}: ${language}`),
  );
}

/** Steps and dependencies of the definition that the README's Mermaid flowchart does not draw. */
export function undrawn(definition: LifeEventDefinition, readme: string): string[] {
  const mermaid = /```mermaid\n([\s\S]*?)```/.exec(readme)?.[1] ?? '';
  if (mermaid === '') return ['no mermaid block'];
  return definition.steps.flatMap((s) => [
    ...(new RegExp(`\\b${s.id}\\b`).test(mermaid) ? [] : [s.id]),
    ...s.dependsOn
      .filter((dep) => !new RegExp(`\\b${dep}\\s*-->(\\|[^|]*\\|)?\\s*${s.id}\\b`).test(mermaid))
      .map((dep) => `${dep} --> ${s.id}`),
  ]);
}
