import { defineProcessOwner, type KpiHook } from '@passage/process-owner';
import { t } from '../texts';

/**
 * Families whose Groeipakket started without an application: the promise of automatic granting of rights. The
 * engine marks a step `proactive` when it ran without anything asked of the family; a Groeipakket that needed an
 * application (a counter clerk filing it, a payer asking the family for data) counts against it.
 */
export const GROEIPAKKET_WITHOUT_APPLICATION: KpiHook = {
  kpi: {
    id: 'groeipakket-without-application',
    title: 'Share of families whose Groeipakket started without an application',
    unit: 'share',
    aggregation: 'rate',
    better: 'at-least',
  },
  measure: (event) =>
    event.type === 'step-completed' && event.stepId === 'groeipakket'
      ? [{ kpi: 'groeipakket-without-application', value: event.proactive === true ? 1 : 0, agency: event.agency }]
      : [],
};

/**
 * Process owner of "I am having a child": Agentschap Opgroeien (Kind en Gezin, also in charge of the Groeipakket),
 * with the Flemish minister for welfare and the family (one minister + one lead agency, as the SERV advice of
 * 29 April 2024 proposes).
 *
 * Minister: in the Diependaele government (sworn in on 30 September 2024) Caroline Gennez holds Welfare and Poverty
 * Reduction (https://belgiquefois.be/le-casting-du-nouveau-gouvernement-flamand-est-connu/); Knack calls her
 * "Vlaams minister van Welzijn" when she presents the reform of childcare, a task of Opgroeien, in February 2025
 * (https://www.knack.be/nieuws/belgie/politiek/caroline-gennez-bruskeert-coalitiepartners-met-communicatie-rond-hervorming-kinderopvang/).
 * Check it at each yearly report.
 *
 * Budget (euro per calendar year, across all agencies of the life event). Assumptions, to be replaced by the first
 * year's ledger:
 * - In the order of 65,000 births a year for the families Kind en Gezin serves (it supports 180,000 families a
 *   year: https://www.opgroeien.be/over-opgroeien/werking). 2026 is a pilot of about 15,000 journeys (the trigger
 *   switched on in a few maternity wards); 2027 covers about 60,000.
 * - The sources give no fee for any step: the declaration, the Groeipakket and Kind en Gezin are free. What the
 *   journey costs is notifications, support and the payers' and municipalities' link to the engine: about EUR 5 a
 *   journey, plus EUR 900,000 a year to run the orchestration (EUR 1,100,000 from 2027, with all wards connected).
 * 2026: 15,000 x 5 + 900,000 = 975,000. 2027: 60,000 x 5 + 1,100,000 = 1,400,000.
 */
export const OPGROEIEN_PROCESS_OWNER = defineProcessOwner({
  id: 'opgroeien',
  name: t('Agentschap Opgroeien', 'Growing Up Agency (Opgroeien)', 'Agence Grandir (Opgroeien)'),
  minister: 'Caroline Gennez, Vlaams minister van Welzijn en Armoedebestrijding, Cultuur en Gelijke Kansen',
  leadAgency: 'opgroeien',
  // General mailbox of the agency; to be confirmed when the owner is onboarded.
  contact: { email: 'info@opgroeien.be', website: 'https://www.opgroeien.be' },
  lifeEvents: {
    birth: {
      budget: { 2026: 975_000, 2027: 1_400_000 },
      targets: {
        // The journey ends with the polio certificate, due when the child is 18 months old (548 days); a journey
        // started in the 5th month of pregnancy adds about 120 days (690 with every estimate used up).
        leadTimeDaysP90: 700,
        onTimeRate: 0.95,
        // Identity, marriage, birth and the certificate of pregnancy are asked once and reused everywhere.
        onceOnlyRate: 0.85,
        // Groeipakket, health insurance, Kind en Gezin and the hospital's notice are proactive: 5 of 17 steps.
        proactiveShare: 0.3,
        // Click-call-connect: the declaration and the recognition stay at the counter.
        digitalShare: 0.7,
        contactsPerJourney: 6,
        costPerJourney: 25,
        satisfaction: 4.4,
      },
      leadTimeTargetDays: 700,
      customTargets: { 'groeipakket-without-application': 0.98 },
    },
  },
  kpiHooks: [GROEIPAKKET_WITHOUT_APPLICATION],
});
