import type { DataSource } from 'typeorm';
import type { Principal } from '@passage/auth';
import type { KeyRing } from '@passage/config';
import type { Provenance } from '@passage/contracts';
import type { DataItems } from '@passage/journey-model';
import { Mandates } from '@passage/journeys';
import { Vault } from '@passage/persistence';
import { VaultCipher } from '@passage/persistence';

export const DEMO_CITIZEN = 'demo-citizen';
export const DEMO_COMPANY = 'demo-company';
export const DEMO_ACCOUNTANT = 'demo-accountant';

/** Who the development tokens printed by `passage dev` are for; `variable` names the shell variable they go in. */
export const DEMO_PRINCIPALS: readonly {
  readonly label: string;
  readonly variable: string;
  readonly principal: Principal;
}[] = [
  { label: 'citizen', variable: 'CITIZEN_TOKEN', principal: { sub: DEMO_CITIZEN, roles: ['citizen'] } },
  {
    label: 'accountant (mandate from demo-citizen)',
    variable: 'ACCOUNTANT_TOKEN',
    principal: { sub: DEMO_ACCOUNTANT, roles: ['intermediary'] },
  },
  {
    label: 'counter clerk, gemeente (prove presence: POST /api/counter/presence, then send passage-presence)',
    variable: 'CLERK_TOKEN',
    principal: { sub: 'demo-clerk', roles: ['counter'], agency: 'gemeente' },
  },
  {
    label: 'agency staff, ondernemingsloket',
    variable: 'ONDERNEMINGSLOKET_TOKEN',
    principal: { sub: 'demo-officer-ondernemingsloket', roles: ['agency'], agency: 'ondernemingsloket' },
  },
  {
    label: 'agency staff, gemeente',
    variable: 'GEMEENTE_TOKEN',
    principal: { sub: 'demo-officer-gemeente', roles: ['agency'], agency: 'gemeente' },
  },
];

const RIJKSREGISTER: Provenance = { kind: 'authentic-source', source: 'rijksregister' };

/**
 * What the Rijksregister holds on the demo subjects (for demo-company: on the person who founds it), so that
 * journeys reuse it instead of asking. The national register numbers are fake: check digits 00 never occur.
 */
const REGISTER: Readonly<Record<string, DataItems>> = {
  [DEMO_CITIZEN]: {
    'person.name': 'An Demo',
    'person.nationalRegisterNumber': '00.00.00-001.00',
    'person.address': 'Demostraat 1, 9000 Gent',
  },
  [DEMO_COMPANY]: {
    'person.name': 'Jan Demo',
    'person.nationalRegisterNumber': '00.00.00-002.00',
    'person.address': 'Voorbeeldlaan 2, 2000 Antwerpen',
  },
};

/** Idempotent: the register's values are written again (the source is the truth); the mandate only when none holds. */
export async function seedDemo(dataSource: DataSource, vaultKeys: KeyRing): Promise<void> {
  const vault = new Vault(dataSource, new VaultCipher(vaultKeys));
  for (const [subject, values] of Object.entries(REGISTER)) await vault.write(subject, values, RIJKSREGISTER);
  const mandates = new Mandates(dataSource);
  if (!(await mandates.allows(DEMO_ACCOUNTANT, DEMO_CITIZEN, 'start-business'))) {
    await mandates.grant(DEMO_CITIZEN, {
      intermediary: DEMO_ACCOUNTANT,
      lifeEvents: ['start-business'],
      validUntil: new Date(Date.now() + 365 * 86_400_000),
    });
  }
}

/** A sole trader's answers to the start-business intake; what the Rijksregister holds is not among them. */
export function demoStartBusinessIntake(today = new Date()): DataItems {
  return {
    'business.legalForm': 'sole-trader',
    'business.sector': 'services',
    'business.tradeName': 'Demo Webdesign',
    'business.activities': 'Websites ontwerpen en bouwen',
    'business.establishmentAddress': 'Demostraat 1, 9000 Gent',
    // A month ahead: the "before you start" deadlines fall on this day, so they lie in the future.
    'business.startDate': new Date(today.getTime() + 30 * 86_400_000).toISOString().slice(0, 10),
    'business.mainOccupation': true,
    'business.subjectToVat': true,
    'business.expectedTurnover': 60_000,
    'business.sellsAlcohol': false,
    'business.hasEmployees': false,
    'business.vlaremClass': 'none',
  };
}
