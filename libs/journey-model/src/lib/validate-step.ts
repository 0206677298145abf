import { COMPENSATION_FIELDS, STEP_FIELDS } from './definition-fields';
import { CHANNELS, STEP_MODES } from './definition.types';
import { checkRefusal } from './validate-refusal';
import { checkAgency, checkService, type StepChecks } from './step-checks';
import { isRecord, own, type JsonRecord } from './json-value';
import { checkTerm } from './validate-term';
import { checkNeed } from './validation-needs';
import {
  eachName,
  field,
  fieldPath,
  itemPath,
  nameField,
  oneOfField,
  quote,
  show,
  suggestion,
  textsField,
  unknownFields,
  words,
} from './validation-report';

export const KEBAB_CASE = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** Checks `steps[i]`, its fields in model order. */
export function checkStep(checks: StepChecks, value: unknown, i: number): void {
  const { issues, index } = checks;
  const path = itemPath('steps', i);
  if (!isRecord(value)) {
    issues.add('invalid-type', path, `A step must be an object, got ${show(value)}.`);
    return;
  }
  const name = quote(index.steps[i].name);
  checkStepId(checks, value, path, i);
  const agency = nameField(issues, value, path, 'agency', true);
  if (agency !== undefined) checkAgency(checks, agency, fieldPath(path, 'agency'));
  const service = nameField(issues, value, path, 'service', true);
  if (service !== undefined) checkService(checks, agency, service, fieldPath(path, 'service'));
  const mode = oneOfField(issues, value, path, 'mode', STEP_MODES, 'invalid-mode', 'a step mode');
  textsField(issues, value, path, 'title', true);
  textsField(issues, value, path, 'description', false);

  eachName(issues, value, path, 'needs', true, (need, at) => {
    if (checkDeclared(checks, need, at)) checkNeed(issues, index, i, need, at);
  });
  const produces = eachName(issues, value, path, 'produces', true, (item, at) => checkDeclared(checks, item, at));
  if (mode === 'citizen' && produces?.length === 0) {
    issues.add(
      'citizen-step-produces-nothing',
      fieldPath(path, 'produces'),
      `Citizen step ${name} produces nothing; a citizen step exists to collect data items from the subject.`,
    );
  }
  eachName(issues, value, path, 'dependsOn', true, (dependency, at) => checkDependency(checks, value, dependency, at));
  issues.addAll(index.steps[i].whenIssues);
  checkTerm(issues, index, value, path, i);
  const expectedDays = field(issues, value, path, 'expectedDays', 'number', false);
  if (expectedDays !== undefined && !(Number.isFinite(expectedDays) && expectedDays >= 0)) {
    issues.add(
      'invalid-value',
      fieldPath(path, 'expectedDays'),
      `Expected days are a non-negative number, got ${expectedDays}.`,
    );
  }
  const channels = eachName(issues, value, path, 'channels', true, (channel, at) => {
    if (isChannel(channel)) return;
    issues.add('invalid-channel', at, `${show(channel)} is not a channel; expected ${words(CHANNELS)}.`);
  });
  if (channels?.length === 0) {
    issues.add('no-channels', fieldPath(path, 'channels'), `Step ${name} has no channels; a step needs at least one.`);
  }
  checkCost(checks, value, path, channels);
  checkCompensation(checks, value, path, agency);
  field(issues, value, path, 'critical', 'boolean', false);
  checkRefusal(checks, value, path, mode);
  nameField(issues, value, path, 'ipdcId', false);
  unknownFields(issues, value, path, STEP_FIELDS, 'a step');
}

function checkStepId(checks: StepChecks, step: JsonRecord, path: string, i: number): void {
  const id = field(checks.issues, step, path, 'id', 'string', true);
  if (id === undefined) return;
  const at = fieldPath(path, 'id');
  if (!KEBAB_CASE.test(id)) {
    checks.issues.add(
      'invalid-id',
      at,
      `${show(id)} is not a kebab-case id (lowercase words joined by hyphens, like "vat-activation").`,
    );
  }
  const first = checks.index.stepIds.get(id) ?? i;
  if (first === i) return;
  checks.issues.add('duplicate-step-id', at, `Step id ${show(id)} is already used by ${itemPath('steps', first)}.`);
}

/** Whether the item is declared (or undecidable because `dataItems` is malformed); reports it when not. */
function checkDeclared(checks: StepChecks, item: string, at: string): boolean {
  const declared = checks.index.dataItems;
  if (declared === undefined || declared.has(item)) return true;
  checks.issues.add(
    'unknown-data-item',
    at,
    `${show(item)} is not declared in dataItems.${suggestion(item, declared.keys())}`,
  );
  return false;
}

function checkDependency(checks: StepChecks, step: JsonRecord, dependency: string, at: string): void {
  const { issues, index } = checks;
  const cycle = index.cycles.get(at);
  if (dependency === own(step, 'id')) {
    issues.add('self-dependency', at, `Step ${quote(dependency)} depends on itself.`);
  } else if (!index.stepIds.has(dependency)) {
    issues.add(
      'unknown-dependency',
      at,
      `${show(dependency)} is not a step of this life event.${suggestion(dependency, index.stepIds.keys())}`,
    );
  } else if (cycle !== undefined) {
    issues.add(
      'dependency-cycle',
      at,
      `Depending on ${show(dependency)} closes the cycle ${cycle.join(' → ')} (→ reads "depends on").`,
    );
  }
}

/** Costs in channel order, then any other key alphabetically: the order `toJson` writes them in. */
function checkCost(checks: StepChecks, step: JsonRecord, path: string, channels: readonly unknown[] | undefined): void {
  const { issues } = checks;
  const cost = field(issues, step, path, 'cost', 'object', true);
  if (cost === undefined) return;
  const at = fieldPath(path, 'cost');
  const others = Object.keys(cost)
    .filter((key) => !isChannel(key))
    .sort();
  for (const channel of [...CHANNELS.filter((c) => Object.hasOwn(cost, c)), ...others]) {
    const amount = cost[channel];
    const costAt = fieldPath(at, channel);
    if (amount === undefined) continue;
    if (!isChannel(channel)) {
      issues.add('invalid-channel', costAt, `${show(channel)} is not a channel; expected ${words(CHANNELS)}.`);
    } else if (channels !== undefined && channels.length > 0 && !channels.includes(channel)) {
      const used = channels.filter((c) => typeof c === 'string').join(', ');
      issues.add(
        'cost-for-unused-channel',
        costAt,
        `There is a cost for ${quote(channel)}, which is not one of the step's channels (${used}).`,
      );
    }
    if (typeof amount !== 'number') {
      issues.add('invalid-type', costAt, `A cost must be a number of euro, got ${show(amount)}.`);
    } else if (!Number.isFinite(amount) || amount < 0) {
      issues.add('invalid-cost', costAt, `A cost is a non-negative amount in euro, got ${amount}.`);
    }
  }
}

function checkCompensation(checks: StepChecks, step: JsonRecord, path: string, stepAgency: string | undefined): void {
  const { issues } = checks;
  const compensation = field(issues, step, path, 'compensation', 'object', false);
  if (compensation === undefined) return;
  const at = fieldPath(path, 'compensation');
  const agency = nameField(issues, compensation, at, 'agency', false);
  if (agency !== undefined) checkAgency(checks, agency, fieldPath(at, 'agency'));
  const service = nameField(issues, compensation, at, 'service', true);
  // Without its own agency, a compensation is a service of the step's agency.
  const owner = own(compensation, 'agency') === undefined ? stepAgency : agency;
  if (service !== undefined) checkService(checks, owner, service, fieldPath(at, 'service'));
  textsField(issues, compensation, at, 'title', true);
  unknownFields(issues, compensation, at, COMPENSATION_FIELDS, 'a compensation');
}

function isChannel(value: string): value is (typeof CHANNELS)[number] {
  return (CHANNELS as readonly string[]).includes(value);
}
