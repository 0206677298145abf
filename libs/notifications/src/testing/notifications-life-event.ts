import { defineLifeEvent, step, type LifeEventDefinition } from '@passage/journey-model';

/**
 * A life event with distinct titles per language, for notification tests: `register` (automatic), `permit`
 * (manual, with a term) and `confirm` (citizen, with a deadline for the subject).
 */
export function notificationsLifeEvent(): LifeEventDefinition {
  return defineLifeEvent({
    id: 'open-shop',
    version: 1,
    kind: 'business',
    owner: 'test-owner',
    title: { nl: 'Ik open een winkel', en: 'I open a shop', fr: 'J’ouvre un magasin' },
    summary: { nl: 'Een winkel openen', en: 'Open a shop', fr: 'Ouvrir un magasin' },
    dataItems: {
      'person.name': { type: 'string', label: { nl: 'Naam', en: 'Name', fr: 'Nom' } },
      'person.email': { type: 'string', label: { nl: 'E-mailadres', en: 'E-mail address', fr: 'Adresse e-mail' } },
      'shop.address': {
        type: 'string',
        label: { nl: 'Adres van de winkel', en: 'Shop address', fr: 'Adresse du magasin' },
      },
      'permit.number': {
        type: 'string',
        label: { nl: 'Vergunningsnummer', en: 'Permit number', fr: 'Numéro de permis' },
      },
      'confirm.accepted': { type: 'boolean', label: { nl: 'Akkoord', en: 'Agreed', fr: 'Accord' } },
    },
    intake: ['person.name'],
    steps: [
      step('register', {
        agency: 'alpha',
        service: 'register',
        mode: 'automatic',
        title: { nl: 'Inschrijving', en: 'Registration', fr: 'Inscription' },
        needs: ['person.name'],
      }),
      step('permit', {
        agency: 'delta',
        service: 'permit',
        mode: 'manual',
        title: { nl: 'Omgevingsvergunning', en: 'Environment permit', fr: 'Permis d’environnement' },
        needs: ['shop.address'],
        produces: ['permit.number'],
        dependsOn: ['register'],
        term: { days: 30, unit: 'calendar', kind: 'authority-decision', from: 'dispatch', onExpiry: 'tacit-approval' },
      }),
      step('confirm', {
        agency: 'alpha',
        service: 'confirm',
        mode: 'citizen',
        title: { nl: 'Bevestiging', en: 'Confirmation', fr: 'Confirmation' },
        produces: ['confirm.accepted', 'shop.address'],
        dependsOn: ['register'],
        term: { days: 14, unit: 'calendar', kind: 'citizen-deadline', from: 'dispatch', onExpiry: 'remind' },
      }),
    ],
  });
}
