import type { ServiceOutcome } from '@passage/contracts';
import { ServiceFailure } from './service-failure';
import { parseServiceRequest } from './service-request';
import type { ServiceStep } from './service-step';
import type { StepRuntime } from './step-context';

export type ServiceRouter = (request: unknown, runtime: StepRuntime) => Promise<ServiceOutcome>;

/**
 * One agency's steps by service: requests (compensations included, they are services like any other) go to the step
 * of their `service`. Refuses, at start-up, steps of another agency and two steps for one service.
 */
export function routeServices(steps: readonly ServiceStep[], agency = steps[0]?.agency): ServiceRouter {
  if (!agency || steps.length === 0) throw new Error('an agency needs at least one service step');
  const byService = new Map<string, ServiceStep>();
  for (const step of steps) {
    if (step.agency !== agency) throw new Error(`step ${step.service} belongs to agency ${step.agency}, not ${agency}`);
    if (byService.has(step.service)) throw new Error(`two steps serve ${step.service}`);
    byService.set(step.service, step);
  }
  return async (raw, runtime) => {
    const request = parseServiceRequest(raw);
    const step = byService.get(request.service);
    if (!step)
      throw new ServiceFailure(
        'UnknownService',
        `agency ${agency} has no service ${request.service} (it serves ${[...byService.keys()].join(', ')})`,
      );
    return step.perform(request, runtime);
  };
}
