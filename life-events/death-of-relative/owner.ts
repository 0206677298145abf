import { defineProcessOwner, type KpiHook } from '@passage/process-owner';
import { t } from '../texts';

/** The steps that stop or convert a pension or benefit after a death. */
const PENSION_STEPS = new Set([
  'public-notifications',
  'survivor-pension',
  'survivor-pension-application',
  'supplementary-pension',
]);

/**
 * Pensions and benefits stopped or converted without the family having to ask: the Rijksregister's notification
 * and the examinations that follow it count when they ran without an application; a survivor's pension that needed
 * one counts against it.
 */
export const BENEFITS_CONVERTED_AUTOMATICALLY: KpiHook = {
  kpi: {
    id: 'benefits-converted-automatically',
    title: 'Share of pensions and benefits stopped or converted automatically',
    unit: 'share',
    aggregation: 'rate',
    better: 'at-least',
  },
  measure: (event) =>
    event.type === 'step-completed' && event.stepId !== undefined && PENSION_STEPS.has(event.stepId)
      ? [
          {
            kpi: 'benefits-converted-automatically',
            value: event.proactive === true || event.channel === 'automatic' ? 1 : 0,
            agency: event.agency,
          },
        ]
      : [],
};

/**
 * Process owner of "A relative has died": the Vlaamse Belastingdienst (Vlabel, Departement Financiën en Begroting),
 * as the research proposes for the Flemish part (inheritance tax), with the Flemish minister of finance and budget.
 * No single Flemish owner exists: most steps are federal or private, and local governments are the front office.
 *
 * Minister: in the Diependaele government (sworn in on 30 September 2024) Ben Weyts is vice-minister-president and
 * minister for Budget and Finance (https://belgiquefois.be/le-casting-du-nouveau-gouvernement-flamand-est-connu/,
 * https://wikiclassic.com/wiki/Diependaele_Government). Check it at each yearly report.
 *
 * Budget (euro per calendar year, across all agencies of the life event). Assumptions, to be replaced by the first
 * year's ledger:
 * - In the order of 65,000 deaths a year in Flanders. The journey is opt-in: 2026 is a pilot of about 10,000
 *   journeys, 2027 about 30,000 (half of the families accepting the proposal).
 * - The only fee in the sources is the EUR 50 registration duty of a notarial deed of inheritance (the certificate
 *   of the Kantoor Rechtszekerheid is free); with roughly four heirs' certificates in ten made by a notary, that is
 *   EUR 20 a journey.
 * - Running the orchestration (hosting, support desk, onboarding of banks and funeral directors) is estimated at
 *   EUR 800,000 in 2026 and EUR 900,000 in 2027.
 * 2026: 10,000 x 20 + 800,000 = 1,000,000. 2027: 30,000 x 20 + 900,000 = 1,500,000.
 */
export const VLABEL_PROCESS_OWNER = defineProcessOwner({
  id: 'vlabel',
  name: t(
    'Vlaamse Belastingdienst (Vlabel)',
    'Flemish Tax Administration (Vlabel)',
    'Service flamand des impôts (Vlabel)',
  ),
  minister: 'Ben Weyts, viceminister-president van de Vlaamse Regering en Vlaams minister van Begroting en Financiën',
  leadAgency: 'vlabel',
  // General mailbox of the tax administration; to be confirmed when the owner is onboarded.
  contact: {
    email: 'vlaamse.belastingdienst@vlaanderen.be',
    website: 'https://www.vlaanderen.be/vlaamse-belastingdienst',
  },
  lifeEvents: {
    'death-of-relative': {
      budget: { 2026: 1_000_000, 2027: 1_500_000 },
      targets: {
        // Declaration (4 months) + assessment (about 3) + payment (2): about 270 days; the deceased's income tax
        // return the next spring is shorter. 300 days for nine journeys in ten.
        leadTimeDaysP90: 300,
        onTimeRate: 0.9,
        // The deceased's identity, death and certificate come from the registers; heirs are asked once.
        onceOnlyRate: 0.8,
        proactiveShare: 0.15,
        digitalShare: 0.6,
        contactsPerJourney: 8,
        costPerJourney: 50,
        satisfaction: 4.0,
      },
      leadTimeTargetDays: 300,
      customTargets: { 'benefits-converted-automatically': 0.9 },
    },
  },
  kpiHooks: [BENEFITS_CONVERTED_AUTOMATICALLY],
});
