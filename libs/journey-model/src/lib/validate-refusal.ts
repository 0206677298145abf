import { APPEAL_FIELDS, APPEAL_TERM_FIELDS, REFUSAL_FIELDS, REFUSAL_TERM_FIELDS } from './definition-fields';
import { EXPIRY_RULES, REFUSAL_OPTIONS, type StepMode } from './definition.types';
import { own, type JsonRecord } from './json-value';
import { appealStepId } from './refusal';
import { checkAgency, checkService, type StepChecks } from './step-checks';
import { checkDaysAndUnit } from './validate-term';
import { field, fieldPath, nameField, oneOfField, textsField, unknownFields } from './validation-report';

/** Checks the refusal policy of a step, if it has one. */
export function checkRefusal(checks: StepChecks, step: JsonRecord, path: string, mode: StepMode | undefined): void {
  const { issues } = checks;
  const refusal = field(issues, step, path, 'refusal', 'object', false);
  if (refusal === undefined) return;
  const at = fieldPath(path, 'refusal');
  const allows = oneOfField(issues, refusal, at, 'allows', REFUSAL_OPTIONS, 'invalid-refusal', 'what a refusal allows');
  if (mode === 'citizen') {
    issues.add(
      'invalid-refusal',
      at,
      'A citizen step is answered by the subject, not decided by an agency: it cannot be refused.',
    );
  }
  const within = field(issues, refusal, at, 'within', 'object', false);
  if (within !== undefined) {
    checkDaysAndUnit(issues, within, fieldPath(at, 'within'), 'invalid-refusal');
    unknownFields(issues, within, fieldPath(at, 'within'), REFUSAL_TERM_FIELDS, 'a refusal term');
  }
  if (allows === 'final' && within !== undefined) {
    issues.add('invalid-refusal', fieldPath(at, 'within'), 'A final refusal leaves nothing to do within a term.');
  }
  if (allows === 'appeal' && within === undefined) {
    issues.add(
      'invalid-refusal',
      fieldPath(at, 'within'),
      'An appeal must be lodged within a term: say within how many days of the refusal.',
    );
  }
  const appeal = field(issues, refusal, at, 'appeal', 'object', false);
  if (appeal !== undefined) checkAppeal(checks, appeal, fieldPath(at, 'appeal'));
  const id = own(step, 'id');
  if (allows === 'appeal' && typeof id === 'string' && checks.index.stepIds.has(appealStepId(id))) {
    issues.add(
      'invalid-refusal',
      fieldPath(at, 'allows'),
      `The appeal of ${JSON.stringify(id)} runs as step ${JSON.stringify(appealStepId(id))}, which is already a step of this life event.`,
    );
  }
  if (allows === 'appeal' && appeal === undefined && own(refusal, 'appeal') === undefined) {
    issues.add(
      'invalid-refusal',
      fieldPath(at, 'appeal'),
      'An appeal goes to a body: name its agency, service and title.',
    );
  } else if (allows !== undefined && allows !== 'appeal' && appeal !== undefined) {
    issues.add('invalid-refusal', fieldPath(at, 'appeal'), `A refusal that allows "${allows}" has no appeal.`);
  }
  nameField(issues, refusal, at, 'source', false);
  unknownFields(issues, refusal, at, REFUSAL_FIELDS, 'a refusal policy');
}

function checkAppeal(checks: StepChecks, appeal: JsonRecord, at: string): void {
  const { issues } = checks;
  const agency = nameField(issues, appeal, at, 'agency', true);
  if (agency !== undefined) checkAgency(checks, agency, fieldPath(at, 'agency'));
  const service = nameField(issues, appeal, at, 'service', true);
  if (service !== undefined) checkService(checks, agency, service, fieldPath(at, 'service'));
  textsField(issues, appeal, at, 'title', true);
  const term = field(issues, appeal, at, 'term', 'object', false);
  if (term !== undefined) {
    const termAt = fieldPath(at, 'term');
    checkDaysAndUnit(issues, term, termAt, 'invalid-refusal');
    oneOfField(issues, term, termAt, 'onExpiry', EXPIRY_RULES, 'invalid-refusal', 'an expiry rule');
    nameField(issues, term, termAt, 'source', false);
    unknownFields(issues, term, termAt, APPEAL_TERM_FIELDS, "an appeal's term");
  }
  unknownFields(issues, appeal, at, APPEAL_FIELDS, 'an appeal');
}
