import { defineProcessOwner, type KpiHook } from '@passage/process-owner';
import { t } from '../texts';

const PERMIT_DECISIONS = new Set(['permit-decision-regular', 'permit-decision-simplified']);

/**
 * Permit applications refused only because the municipality did not decide in time: a tacit refusal is the
 * failure Departement Omgeving answers for (the applicant loses months and must appeal). A decision taken, granted
 * or refused, counts 0; an expired decision term counts 1.
 */
export const TACIT_PERMIT_REFUSALS: KpiHook = {
  kpi: {
    id: 'tacit-permit-refusals',
    title: 'Share of permit decisions refused tacitly because the term expired',
    unit: 'share',
    aggregation: 'rate',
    better: 'at-most',
  },
  measure: (event) => {
    if (event.stepId === undefined || !PERMIT_DECISIONS.has(event.stepId)) return [];
    if (event.type === 'term-expired') return [{ kpi: 'tacit-permit-refusals', value: 1, agency: event.agency }];
    if (event.type === 'step-completed' || event.type === 'step-rejected') {
      return [{ kpi: 'tacit-permit-refusals', value: 0, agency: event.agency }];
    }
    return [];
  },
};

/**
 * Process owner of "I build or renovate a home": Departement Omgeving (the Omgevingsloket), with the Flemish minister
 * for the environment and spatial planning (Omgeving). Partners: VEKA (EPB, EPC, renovation obligation), Wonen in
 * Vlaanderen (Mijn VerbouwPremie) and the Vlaamse Belastingdienst (registration tax); the permit decision itself is
 * local.
 *
 * Minister: in the Diependaele government (sworn in on 30 September 2024) Jo Brouns holds Environment (Omgeving)
 * together with Agriculture, including environmental permits
 * (https://belgiquefois.be/le-casting-du-nouveau-gouvernement-flamand-est-connu/). Check it at each yearly report.
 *
 * Budget (euro per calendar year, across all agencies of the life event). Assumptions, to be replaced by the first
 * year's ledger:
 * - Tens of thousands of home purchases and housing permit applications a year in Flanders. 2026 is a pilot with
 *   about 10,000 journeys (municipalities already on the Omgevingsloket); 2027 about 40,000.
 * - The sources give no fixed fee the government pays per step (registration tax is a rate on the price, notary
 *   and architect fees are private; municipal file fees vary): the cost is running the orchestration, linking
 *   notaries, banks and the Omgevingsloket, and support: EUR 1,200,000 in 2026, EUR 2,000,000 in 2027.
 * That is EUR 120 a journey in the pilot and EUR 50 from 2027, the cost-per-journey target.
 */
export const OMGEVING_PROCESS_OWNER = defineProcessOwner({
  id: 'departement-omgeving',
  name: t(
    'Departement Omgeving',
    'Department of Environment and Spatial Development',
    "Département de l'Environnement",
  ),
  minister: 'Jo Brouns, Vlaams minister van Omgeving en Landbouw',
  leadAgency: 'departement-omgeving',
  // General mailbox of the department; to be confirmed when the owner is onboarded.
  contact: { email: 'omgeving@vlaanderen.be', website: 'https://omgeving.vlaanderen.be' },
  lifeEvents: {
    'build-renovate': {
      budget: { 2026: 1_200_000, 2027: 2_000_000 },
      targets: {
        // The legal maxima add up to more than six years (EPB declaration up to 5 years after the permit, renovation
        // obligation 5 years after the deed); most owners finish works, EPB and premium far sooner. Three years for
        // nine journeys in ten.
        leadTimeDaysP90: 1095,
        onTimeRate: 0.95,
        onceOnlyRate: 0.75,
        // Advice round and Woningpas are proactive; the rest needs the owner, the notary or the architect.
        proactiveShare: 0.08,
        // The Omgevingsloket is online; notaries and architects act as intermediaries.
        digitalShare: 0.8,
        contactsPerJourney: 10,
        costPerJourney: 50,
        satisfaction: 3.9,
      },
      leadTimeTargetDays: 1095,
      customTargets: { 'tacit-permit-refusals': 0.01 },
    },
  },
  kpiHooks: [TACIT_PERMIT_REFUSALS],
});
