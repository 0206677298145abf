import type { DataItemSpec } from '@passage/journey-model';
import { t } from './texts';

/** The national register: who a person is and where they live, read once, never typed in. */
export const RIJKSREGISTER = 'rijksregister';

export const PERSON_NAME: DataItemSpec = {
  type: 'string',
  label: t('Je naam', 'Your name', 'Votre nom'),
  authenticSource: RIJKSREGISTER,
};

export const PERSON_NATIONAL_REGISTER_NUMBER: DataItemSpec = {
  type: 'string',
  label: t('Je rijksregisternummer', 'Your national register number', 'Votre numéro de registre national'),
  authenticSource: RIJKSREGISTER,
};

export const PERSON_ADDRESS: DataItemSpec = {
  type: 'string',
  label: t('Je adres', 'Your home address', 'Votre adresse'),
  authenticSource: RIJKSREGISTER,
};
