import { defineLifeEvent, step } from '@passage/journey-model';
import { PERSON_NAME } from '../rijksregister';
import { t } from '../texts';
import { vocabularyItem } from '../vocabulary';

export const HOST_STREET_PARTY_V1 = defineLifeEvent({
  id: 'host-street-party',
  version: 1,
  kind: 'life',
  owner: 'street-parties',
  title: t('Ik organiseer een buurtfeest', 'I host a street party', "J'organise une fête de quartier"),
  summary: t(
    'De straat vrijhouden en muziek spelen, in één aanvraag.',
    'Keep the street free and play music, in one application.',
    'Libérer la rue et diffuser de la musique, en une seule demande.',
  ),
  dataItems: {
    // In the vocabulary: its meaning (type, scope) comes from there.
    'person.name': vocabularyItem('person.name', PERSON_NAME),
    // New items: said here what they are about. A party is this journey's only.
    'party.date': {
      type: 'date',
      label: t('Op welke dag is het feest?', 'On which day is the party?', 'À quelle date a lieu la fête ?'),
      scope: 'journey',
    },
    'party.street': {
      type: 'string',
      label: t('In welke straat?', 'In which street?', 'Dans quelle rue ?'),
      scope: 'journey',
    },
    'party.music': {
      type: 'enum',
      values: ['none', 'recorded', 'live'],
      options: {
        none: t('Geen muziek', 'No music', 'Pas de musique'),
        recorded: t('Opgenomen muziek', 'Recorded music', 'Musique enregistrée'),
        live: t('Livemuziek', 'Live music', 'Musique en direct'),
      },
      label: t('Speel je muziek?', 'Will you play music?', 'Diffuserez-vous de la musique ?'),
      scope: 'journey',
    },
    'party.parkingPermit': {
      type: 'string',
      label: t('Referentie van het parkeerverbod', 'Reference of the parking ban', "Référence de l'interdiction"),
      scope: 'journey',
    },
    'party.musicLicence': {
      type: 'string',
      label: t('Referentie van de muzieklicentie', 'Reference of the music licence', 'Référence de la licence'),
      scope: 'journey',
    },
  },
  intake: ['party.date', 'party.street', 'party.music'],
  steps: [
    step('parking-ban', {
      agency: 'gemeente',
      service: 'parking-ban-signs',
      mode: 'manual',
      title: t('De straat vrijhouden', 'Keep the street free', 'Libérer la rue'),
      description: t(
        'De gemeente zet parkeerverbodsborden voor de dag van het feest. Vraag het minstens tien werkdagen vooraf.',
        'The municipality puts up no-parking signs for the day of the party. Ask at least ten working days ahead.',
        'La commune place des panneaux d’interdiction de stationner pour le jour de la fête. Demandez-le au moins dix jours ouvrables à l’avance.',
      ),
      needs: ['person.name', 'party.street', 'party.date'],
      produces: ['party.parkingPermit'],
      // At least 10 working days before the party; the municipality's own rule.
      term: {
        days: 10,
        unit: 'working',
        kind: 'citizen-deadline',
        before: true,
        from: 'date:party.date',
        onExpiry: 'remind',
        source: 'https://www.lendelede.be/aangifteadreswijziging',
      },
      expectedDays: 5,
      // A refused request can be made again, for another day or street.
      refusal: { allows: 'resubmit' },
    }),
    step('music-licence', {
      agency: 'unisono',
      service: 'music-licence',
      mode: 'manual',
      title: t('Een muzieklicentie krijgen', 'Get a music licence', 'Obtenir une licence musicale'),
      description: t(
        'Wie in het openbaar muziek speelt, vraagt minstens vijf dagen vooraf een licentie aan Unisono.',
        'Whoever plays music in public asks Unisono for a licence at least five days ahead.',
        'Quiconque diffuse de la musique en public demande une licence à Unisono au moins cinq jours à l’avance.',
      ),
      needs: ['person.name', 'party.date'],
      produces: ['party.musicLicence'],
      dependsOn: ['parking-ban'],
      when: { field: 'party.music', in: ['recorded', 'live'] },
      term: {
        days: 5,
        unit: 'calendar',
        kind: 'citizen-deadline',
        before: true,
        from: 'date:party.date',
        onExpiry: 'remind',
        source: 'https://formaat.be/informatie/unisono',
      },
      expectedDays: 2,
      critical: false,
    }),
  ],
});
