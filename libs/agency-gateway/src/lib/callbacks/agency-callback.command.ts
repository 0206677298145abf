import { DecideTaskCommand } from '@passage/inbox';

/**
 * An agency's asynchronous answer to a service request it accepted (202), posted to the request's callbackUrl:
 * the same shape as a decision in the inbox.
 */
export class AgencyCallbackCommand extends DecideTaskCommand {}
