import { InitialSchema1764370000000 } from './1764370000000-initial-schema';
import { NotificationFanOut1795912029000 } from './1795912029000-notification-fan-out';

/** Every migration, in order. */
export const MIGRATIONS = [InitialSchema1764370000000, NotificationFanOut1795912029000];
