import { connectToPassage, formatReport, verifyAgency } from '@passage/agency-sdk';

/** The conformance kit, run from your own CI against your worker (or Passage's adapter in front of your webhook). */
export async function verify(): Promise<boolean> {
  const payloadKeys = process.env['PASSAGE_PAYLOAD_KEYS'] ?? '';
  const passage = await connectToPassage({ address: 'localhost:7233', namespace: 'default', payloadKeys });
  try {
    const report = await verifyAgency({
      connection: passage.connection,
      namespace: passage.namespace,
      payloadKeys,
      agency: 'stad-mechelen',
      services: [
        {
          service: 'resident-parking-permit',
          needs: {
            'vehicle.licensePlate': { type: 'string' },
            'parking.zone': { type: 'enum', values: ['A', 'B', 'C'] },
          },
          produces: { 'parking.permitNumber': { type: 'string' }, 'parking.validUntil': { type: 'date' } },
          sample: { 'vehicle.licensePlate': '1-ABC-123', 'parking.zone': 'B' },
        },
      ],
    });
    console.log(formatReport(report));
    return report.passed;
  } finally {
    await passage.close();
  }
}
