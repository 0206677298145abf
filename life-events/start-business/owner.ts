import { defineProcessOwner } from '@passage/process-owner';
import { t } from '../texts';

/**
 * Process owner of "I start a business": VLAIO, the Flemish agency for innovation and entrepreneurship, with the
 * Flemish minister for the economy (one minister + one lead agency per life event, as the SERV advice of
 * 29 April 2024 proposes).
 *
 * Minister: since 30 September 2024 the Flemish minister-president, Matthias Diependaele, also holds Economy,
 * Innovation and Industry (https://en.wikipedia.org/wiki/Matthias_Diependaele; he is quoted as "Vlaams minister
 * van Economie" in March 2025 on https://focus-wtv.be). No later change was found; check it at each yearly report.
 *
 * Budget (euro per calendar year, across all agencies of the life event). Assumptions, to be replaced by the
 * first year's ledger:
 * - Flanders sees in the order of 60,000 business starts a year (sole traders and companies together). 2026 is a
 *   pilot year with about 10,000 journeys; 2027 scales up to about 25,000 as the accredited counters join.
 * - Steps charge their channel costs to this budget. Every journey pays the KBO registration (EUR 105.50);
 *   about one journey in seven is in the food chain (FAVV via the counter, EUR 72.60). That is roughly EUR 120
 *   per journey, which is also the cost-per-journey target below.
 * - Running the orchestration (hosting, support desk, onboarding of agencies) is estimated at EUR 800,000 a year.
 * 2026: 10,000 x 120 + 800,000 = 2,000,000. 2027: 25,000 x 120 + 800,000 = 3,800,000.
 */
export const VLAIO_PROCESS_OWNER = defineProcessOwner({
  id: 'vlaio',
  name: t(
    'Agentschap Innoveren & Ondernemen (VLAIO)',
    'Flanders Innovation & Entrepreneurship (VLAIO)',
    "Agence flamande pour l'innovation et l'entrepreneuriat (VLAIO)",
  ),
  minister: 'Matthias Diependaele, Vlaams minister-president en Vlaams minister van Economie, Innovatie en Industrie',
  leadAgency: 'vlaio',
  // VLAIO's general mailbox; its contact centre is the first line for entrepreneurs.
  contact: { email: 'info@vlaio.be', website: 'https://www.vlaio.be' },
  lifeEvents: {
    'start-business': {
      budget: { 2026: 2_000_000, 2027: 3_800_000 },
      // The promise to a starter: ready to start within 60 days, the same bound as the p90 target below.
      leadTimeTargetDays: 60,
      targets: {
        // With every term used up, the critical path is 10 days for a sole trader, 63 for a company (notary,
        // UBO) and 91 for a horeca company with a class 2 permit. Most terms are not used up, so 60 days for
        // nine journeys in ten is ambitious but reachable.
        leadTimeDaysP90: 60,
        onTimeRate: 0.95,
        // Identity and address come from the Rijksregister; the enterprise number is asked nowhere after KBO.
        onceOnlyRate: 0.8,
        proactiveShare: 0.1,
        // Policy for enterprises is "digital only"; the SERV asks to keep counters and phone for those who need them.
        digitalShare: 0.9,
        contactsPerJourney: 5,
        costPerJourney: 120,
        satisfaction: 4.2,
      },
    },
  },
});
