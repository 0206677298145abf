import { isJourneyId, journeyWorkflowId, lifeEventOfJourneyId, stepIdempotencyKey, workflowTypeFor } from './ids';

describe('ids', () => {
  it('builds journey ids without personal data and reads the life event back', () => {
    const id = journeyWorkflowId('death-of-relative', '0b7f7c2e-4b9a-4a8e-9c55-0f2a1d3b4c5d');
    expect(id).toBe('journey-death-of-relative-0b7f7c2e-4b9a-4a8e-9c55-0f2a1d3b4c5d');
    expect(isJourneyId(id)).toBe(true);
    expect(lifeEventOfJourneyId(id)).toBe('death-of-relative');
  });

  it.each([
    'journey-start-business-not-a-uuid',
    'journey--0b7f7c2e-4b9a-4a8e-9c55-0f2a1d3b4c5d',
    "journey-x-0b7f7c2e-4b9a-4a8e-9c55-0f2a1d3b4c5d' OR 1=1",
    '',
  ])('rejects the malformed id %p', (id) => {
    expect(isJourneyId(id)).toBe(false);
    expect(lifeEventOfJourneyId(id)).toBeUndefined();
  });

  it('names workflow types after the life event in camelCase', () => {
    expect(workflowTypeFor('start-business')).toBe('startBusiness');
    expect(workflowTypeFor('death-of-relative')).toBe('deathOfRelative');
    expect(workflowTypeFor('birth')).toBe('birth');
  });

  it('keys a business action on journey, step and attempt', () => {
    expect(stepIdempotencyKey('journey-a-1', 'kbo', 2)).toBe('journey-a-1:kbo:2');
  });
});
