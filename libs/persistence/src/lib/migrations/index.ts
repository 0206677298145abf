import { InitialSchema1764370000000 } from './1764370000000-initial-schema';

/** Every migration, in order. */
export const MIGRATIONS = [InitialSchema1764370000000];
