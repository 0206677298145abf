export * from './lib/delivery/notification-message';
export * from './lib/dispatcher/notification-dispatcher';
export * from './lib/notification-service';
export * from './lib/reminders/term-reminder.job';
export * from './lib/transports/e-counter-webhook.transport';
export * from './lib/transports/file-mail.transport';
export * from './lib/transports/smtp-mail.transport';
