import { defineProcessOwner } from '@passage/process-owner';
import { t } from '../texts';

/** Who answers for the life event: one lead agency (in the registry), one minister, a budget and targets. */
export const STREET_PARTY_OWNER = defineProcessOwner({
  id: 'street-parties',
  name: t('Agentschap Binnenlands Bestuur', 'Agency for Home Affairs', "Agence de l'Administration intérieure"),
  minister: 'Vlaams minister van Binnenlands Bestuur',
  leadAgency: 'abb',
  contact: { email: 'binnenland@vlaanderen.be' },
  lifeEvents: {
    'host-street-party': {
      budget: { 2026: 50_000, 2027: 80_000 },
      leadTimeTargetDays: 30,
      targets: { leadTimeDaysP90: 30, onTimeRate: 0.95, onceOnlyRate: 0.9, digitalShare: 0.9, satisfaction: 4.5 },
    },
  },
});
