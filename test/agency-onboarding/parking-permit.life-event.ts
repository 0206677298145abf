import { defineLifeEvent, step, type AgencyDescriptor, type Texts } from '@passage/journey-model';

const t = (nl: string, en: string, fr: string): Texts => ({ nl, en, fr });

/** The new agency, as the agency registry will know it. */
export const STAD_MECHELEN: AgencyDescriptor = {
  id: 'stad-mechelen',
  name: t('Stad Mechelen', 'City of Mechelen', 'Ville de Malines'),
  level: 'local',
  website: 'https://www.mechelen.be',
  services: [
    { id: 'resident-check', title: t('Bewonerscontrole', 'Resident check', 'Contrôle de résidence') },
    { id: 'resident-parking-permit', title: t('Bewonerskaart', 'Resident parking permit', 'Carte de riverain') },
  ],
};

export const PARKING_OWNER = 'stad-mechelen-mobiliteit';

/**
 * A small new life event of a municipality: a resident asks for a parking permit. The city checks the address
 * (automatic: it answers the parking zone), then its permit office grants the permit (automatic: the worker accepts
 * the application at once, the decision follows later from the office's own system).
 */
export const PARKING_PERMIT_V1 = defineLifeEvent({
  id: 'parking-permit',
  version: 1,
  kind: 'life',
  owner: PARKING_OWNER,
  title: t(
    'Ik vraag een bewonerskaart aan',
    'I apply for a resident parking permit',
    'Je demande une carte de riverain',
  ),
  summary: t('Parkeren in je eigen straat.', 'Parking in your own street.', 'Se garer dans sa propre rue.'),
  dataItems: {
    'person.name': { type: 'string', label: t('Naam', 'Name', 'Nom') },
    'person.address': { type: 'string', label: t('Adres', 'Address', 'Adresse') },
    'vehicle.licensePlate': { type: 'string', label: t('Nummerplaat', 'Licence plate', "Plaque d'immatriculation") },
    'parking.zone': {
      type: 'enum',
      values: ['A', 'B', 'C'],
      label: t('Parkeerzone', 'Parking zone', 'Zone de stationnement'),
    },
    'parking.permitNumber': { type: 'string', label: t('Kaartnummer', 'Permit number', 'Numéro de carte') },
    'parking.validUntil': { type: 'date', label: t('Geldig tot', 'Valid until', "Valable jusqu'au") },
  },
  intake: ['person.name', 'person.address', 'vehicle.licensePlate'],
  steps: [
    step('resident-check', {
      agency: 'stad-mechelen',
      service: 'resident-check',
      mode: 'automatic',
      title: t('Adrescontrole', 'Address check', "Contrôle de l'adresse"),
      needs: ['person.address'],
      produces: ['parking.zone'],
      expectedDays: 0,
    }),
    step('parking-permit', {
      agency: 'stad-mechelen',
      service: 'resident-parking-permit',
      mode: 'automatic',
      title: t('Bewonerskaart', 'Resident parking permit', 'Carte de riverain'),
      dependsOn: ['resident-check'],
      needs: ['vehicle.licensePlate', 'parking.zone'],
      produces: ['parking.permitNumber', 'parking.validUntil'],
      term: { days: 30, unit: 'calendar', kind: 'authority-decision', from: 'dispatch', onExpiry: 'escalate' },
    }),
  ],
});
