import { defineProcessOwner, type KpiHook } from '@passage/process-owner';
import { t } from '../texts';

/**
 * Days from the police residence check to the registration at the new address: the municipality's own delay, once
 * the citizen has done everything. `register-update` is dispatched when the check completes, so its duration is
 * exactly that delay.
 */
export const DAYS_FROM_CHECK_TO_REGISTRATION: KpiHook = {
  kpi: {
    id: 'days-from-check-to-registration',
    title: 'Days from the police residence check to the address change in the register',
    unit: 'days',
    aggregation: 'p90',
    better: 'at-most',
  },
  measure: (event) =>
    event.type === 'step-completed' && event.stepId === 'register-update' && event.durationDays !== undefined
      ? [{ kpi: 'days-from-check-to-registration', value: event.durationDays, agency: event.agency }]
      : [],
};

/**
 * Process owner of "I am moving house": Agentschap Binnenlands Bestuur (ABB), which steers the local governments
 * that run the address change, with the Flemish minister for home affairs (Binnenlands Bestuur). The address change
 * itself is a municipal act in the federal Rijksregister; Digitaal Vlaanderen (Mijn Burgerprofiel, MAGDA) enables it.
 *
 * Minister: in the Diependaele government (sworn in on 30 September 2024) Hilde Crevits is vice-minister-president
 * and holds Home Affairs ("l'Administration intérieure"), Integration and Society
 * (https://belgiquefois.be/le-casting-du-nouveau-gouvernement-flamand-est-connu/). Check it at each yearly report.
 *
 * Budget (euro per calendar year, across all agencies of the life event). Assumptions, to be replaced by the first
 * year's ledger:
 * - In the order of 300,000 household moves a year in Flanders (about one resident in ten moves each year). 2026 is
 *   a pilot in a few municipalities with about 20,000 journeys; 2027 about 100,000.
 * - The only fee in the sources is the KBO address change (EUR 105.50), for the few movers whose business moves
 *   too (about one in twenty): about EUR 5 a journey.
 * - Running the orchestration (hosting, support desk, linking municipal e-counters and police) is estimated at
 *   EUR 600,000 in 2026 and EUR 900,000 in 2027.
 * 2026: 20,000 x 5 + 600,000 = 700,000. 2027: 100,000 x 5 + 900,000 = 1,400,000.
 */
export const ABB_PROCESS_OWNER = defineProcessOwner({
  id: 'abb',
  name: t('Agentschap Binnenlands Bestuur', 'Agency for Home Affairs', "Agence de l'Administration intérieure"),
  minister:
    'Hilde Crevits, viceminister-president van de Vlaamse Regering en Vlaams minister van Binnenlands Bestuur, Inburgering en Samenleven',
  leadAgency: 'abb',
  // General mailbox of the agency; to be confirmed when the owner is onboarded.
  contact: { email: 'binnenland@vlaanderen.be', website: 'https://www.vlaanderen.be/agentschap-binnenlands-bestuur' },
  lifeEvents: {
    'move-house': {
      budget: { 2026: 700_000, 2027: 1_400_000 },
      targets: {
        // 8 working days to declare, about 2 weeks for the check, the eID within 10 days and the private parties:
        // about 48 days with every estimate used up.
        leadTimeDaysP90: 45,
        onTimeRate: 0.95,
        // Identity and the old address come from the Rijksregister; the new address is given once.
        onceOnlyRate: 0.85,
        // Register propagation, DIV and the residence certificate are proactive: 3 of 13 steps.
        proactiveShare: 0.2,
        digitalShare: 0.75,
        contactsPerJourney: 5,
        costPerJourney: 14,
        satisfaction: 4.2,
      },
      leadTimeTargetDays: 45,
      customTargets: { 'days-from-check-to-registration': 3 },
    },
  },
  kpiHooks: [DAYS_FROM_CHECK_TO_REGISTRATION],
});
