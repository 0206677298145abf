import { createInboxClient, InboxError } from '@passage/agency-sdk';

// Your own systems, not part of the SDK.
declare function staffToken(): Promise<string>;
declare function assessInCaseSystem(
  items: Readonly<Record<string, unknown>>,
): Promise<{ approved: true; licenceNumber: string } | { approved: false; reason: string }>;

const inbox = createInboxClient({ baseUrl: 'https://passage.example.be', token: staffToken });

/** Takes every open task of the agency, decides it in the case system, and sends the decision back. */
export async function workThroughInbox(): Promise<void> {
  const page = await inbox.list({ status: 'open', pageSize: 50 });
  for (const task of page.items) {
    await inbox.claim(task.id);
    const detail = await inbox.get(task.id, { language: 'nl' });
    const values = Object.fromEntries(detail.items.map(({ item, value }) => [item, value]));
    const assessment = await assessInCaseSystem(values);
    try {
      await inbox.decide(
        task.id,
        assessment.approved
          ? { outcome: 'approved', outputs: { 'business.drinksLicenceReference': assessment.licenceNumber } }
          : { outcome: 'rejected', reason: assessment.reason },
        { idempotencyKey: `decision-${task.id}` },
      );
    } catch (error) {
      // `journey-not-active`: the subject withdrew meanwhile; nothing left to decide.
      if (!(error instanceof InboxError && error.code === 'journey-not-active')) throw error;
    }
  }
}
