import { DefaultFailureConverter } from '@temporalio/common';

/**
 * Failure messages and stack traces can quote subject data (an agency's error text, say): they travel as encoded
 * attributes, so the payload codec encrypts them like any other payload. Loaded by path inside the workflow
 * sandbox too, hence a module of its own with nothing but this export.
 */
export const failureConverter = new DefaultFailureConverter({ encodeCommonAttributes: true });
