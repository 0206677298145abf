import type { DataValue } from '@passage/journey-model';

/** The answers of the agency inbox (`/api/agency/tasks`), as the API sends them and the agency SDK reads them. */
export type InboxTaskStatus = 'open' | 'awaiting-subject' | 'decided' | 'cancelled';

/** A task in the inbox: one manual step of one journey, waiting for (or decided by) an agency's staff. */
export interface InboxTask {
  readonly id: string;
  readonly journeyId: string;
  readonly lifeEvent: string;
  readonly stepId: string;
  readonly service: string;
  readonly status: InboxTaskStatus;
  readonly assignee?: string;
  readonly dueAt?: string;
  readonly overdue: boolean;
  readonly createdAt: string;
}

export interface InboxTaskDetail extends InboxTask {
  readonly title: string;
  readonly description?: string;
  /** Exactly the data items the step declares in `needs`, with their values (each read is logged for the subject). */
  readonly items: readonly { readonly item: string; readonly label: string; readonly value?: DataValue }[];
  /** What an approval must give. */
  readonly produces: readonly {
    readonly item: string;
    readonly label: string;
    readonly type: string;
    readonly values?: readonly string[];
  }[];
}

export interface InboxPage<T> {
  readonly items: readonly T[];
  readonly page: number;
  readonly pageSize: number;
  readonly total: number;
}
