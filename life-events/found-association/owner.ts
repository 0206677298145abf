import { defineProcessOwner, type KpiHook } from '@passage/process-owner';
import { t } from '../texts';

/**
 * Music licences obtained in time: at least 5 days before the association's first activity, as Unisono asks (a late
 * licence costs 15 % more). The step's term counts back from that date, so the engine says whether it was met.
 */
export const MUSIC_LICENCE_IN_TIME: KpiHook = {
  kpi: {
    id: 'music-licence-in-time',
    title: 'Share of music licences obtained at least 5 days before the first activity',
    unit: 'share',
    aggregation: 'rate',
    better: 'at-least',
  },
  measure: (event) =>
    event.type === 'step-completed' && event.stepId === 'music-licence' && event.onTime !== undefined
      ? [{ kpi: 'music-licence-in-time', value: event.onTime ? 1 : 0, agency: event.agency }]
      : [],
};

/**
 * Process owner of "I found an association": the Departement Cultuur, Jeugd en Media, which builds the
 * Verenigingsloket (the single entry point for associations; Digitaal Vlaanderen manages the Verenigingsregister
 * behind it), with the Flemish minister for culture (one minister + one lead agency, as the SERV advice of 29 April
 * 2024 proposes).
 *
 * Minister: in the Diependaele government (sworn in on 30 September 2024) Caroline Gennez holds Welfare, Poverty
 * Reduction, Culture and Equal Opportunities (https://belgiquefois.be/le-casting-du-nouveau-gouvernement-flamand-est-connu/).
 * Youth and media are with another minister; the Verenigingsloket belongs to the department as a whole. Check it
 * at each yearly report.
 *
 * Budget (euro per calendar year, across all agencies of the life event). Assumptions, to be replaced by the first
 * year's ledger:
 * - Some thousands of associations are founded in Flanders each year, vzw's and de facto associations together
 *   (the sources give no count). 2026 is a pilot with about 2,000 journeys, 2027 about 6,000.
 * - The only fee in the sources is the griffie's publication fee (EUR 168.31 online), paid by about half the
 *   journeys (the vzw's): about EUR 85 a journey.
 * - Running the orchestration (hosting, the Verenigingsloket's helpdesk, linking municipalities) is estimated at
 *   EUR 400,000 in 2026 and EUR 500,000 in 2027.
 * 2026: 2,000 x 85 + 400,000 = 570,000. 2027: 6,000 x 85 + 500,000 = 1,010,000.
 */
export const CJM_PROCESS_OWNER = defineProcessOwner({
  id: 'cjm',
  name: t(
    'Departement Cultuur, Jeugd en Media',
    'Department of Culture, Youth and Media',
    'Département de la Culture, de la Jeunesse et des Médias',
  ),
  minister: 'Caroline Gennez, Vlaams minister van Welzijn en Armoedebestrijding, Cultuur en Gelijke Kansen',
  leadAgency: 'cjm',
  // The Verenigingsloket's pages; the department's general contact, to be confirmed when the owner is onboarded.
  contact: { email: 'info@cjm.vlaanderen.be', website: 'https://www.vlaanderen.be/verenigingsloket' },
  lifeEvents: {
    'found-association': {
      budget: { 2026: 570_000, 2027: 1_010_000 },
      targets: {
        // A vzw that seeks recognition and an operating subsidy: statutes, filing, six weeks for the Staatsblad,
        // the bank, recognition and the subsidy round, about 160 days with every estimate used up. A de facto
        // association without recognition is done in weeks.
        leadTimeDaysP90: 150,
        onTimeRate: 0.9,
        // The founders' identity comes from the Rijksregister, the association's from the Verenigingsregister:
        // the municipality and the bank reuse them instead of asking again.
        onceOnlyRate: 0.7,
        // The enterprise number and the publication follow the filing without an application: 2 of 16 steps.
        proactiveShare: 0.1,
        digitalShare: 0.85,
        contactsPerJourney: 6,
        costPerJourney: 95,
        satisfaction: 4.2,
      },
      leadTimeTargetDays: 150,
      customTargets: { 'music-licence-in-time': 0.9 },
    },
  },
  kpiHooks: [MUSIC_LICENCE_IN_TIME],
});
