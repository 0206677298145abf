import type { LifeEventDefinition } from '@passage/journey-model';
import type { ProcessOwnerModule } from '@passage/process-owner';
import { BIRTH_V1 } from './birth/v1';
import { OPGROEIEN_PROCESS_OWNER } from './birth/owner';
import { BUILD_RENOVATE_V1 } from './build-renovate/v1';
import { OMGEVING_PROCESS_OWNER } from './build-renovate/owner';
import { DEATH_OF_RELATIVE_V1 } from './death-of-relative/v1';
import { VLABEL_PROCESS_OWNER } from './death-of-relative/owner';
import { CJM_PROCESS_OWNER } from './found-association/owner';
import { FOUND_ASSOCIATION_V1 } from './found-association/v1';
import { MOVE_HOUSE_V1 } from './move-house/v1';
import { ABB_PROCESS_OWNER } from './move-house/owner';
import { VLAIO_PROCESS_OWNER } from './start-business/owner';
import { START_BUSINESS_V1 } from './start-business/v1';
import { START_BUSINESS_V2 } from './start-business/v2';

export { AGENCIES } from './agencies';
export { VOCABULARY, vocabularyItem } from './vocabulary';
export { BIRTH_V1 } from './birth/v1';
export { OPGROEIEN_PROCESS_OWNER } from './birth/owner';
export { BUILD_RENOVATE_V1 } from './build-renovate/v1';
export { OMGEVING_PROCESS_OWNER } from './build-renovate/owner';
export { DEATH_OF_RELATIVE_V1 } from './death-of-relative/v1';
export { VLABEL_PROCESS_OWNER } from './death-of-relative/owner';
export { CJM_PROCESS_OWNER } from './found-association/owner';
export { FOUND_ASSOCIATION_V1 } from './found-association/v1';
export { MOVE_HOUSE_V1 } from './move-house/v1';
export { ABB_PROCESS_OWNER } from './move-house/owner';
export { VLAIO_PROCESS_OWNER } from './start-business/owner';
export { START_BUSINESS_V1 } from './start-business/v1';
export { START_BUSINESS_V2 } from './start-business/v2';

/** One life event of the catalogue: its process owner and every published version, oldest first. */
export interface CatalogueEntry {
  readonly id: string;
  readonly owner: ProcessOwnerModule;
  readonly versions: readonly LifeEventDefinition[];
}

/**
 * The catalogue of life events. To add one: create `life-events/<id>/` with `owner.ts` and `v1.ts`, and add one
 * entry here (the authoring guide, life-events/README.md, walks through it). A new version is appended to
 * `versions`; published versions are never edited.
 */
export const CATALOGUE: readonly CatalogueEntry[] = [
  { id: 'start-business', owner: VLAIO_PROCESS_OWNER, versions: [START_BUSINESS_V1, START_BUSINESS_V2] },
  { id: 'build-renovate', owner: OMGEVING_PROCESS_OWNER, versions: [BUILD_RENOVATE_V1] },
  { id: 'birth', owner: OPGROEIEN_PROCESS_OWNER, versions: [BIRTH_V1] },
  { id: 'death-of-relative', owner: VLABEL_PROCESS_OWNER, versions: [DEATH_OF_RELATIVE_V1] },
  { id: 'move-house', owner: ABB_PROCESS_OWNER, versions: [MOVE_HOUSE_V1] },
  { id: 'found-association', owner: CJM_PROCESS_OWNER, versions: [FOUND_ASSOCIATION_V1] },
];

/** The catalogue entry of a life event, or undefined when the catalogue has none with that id. */
export function findLifeEvent(id: string): CatalogueEntry | undefined {
  return CATALOGUE.find((entry) => entry.id === id);
}

/** A version of a life event; the latest version when `version` is omitted. Undefined when there is none. */
export function findDefinition(id: string, version?: number): LifeEventDefinition | undefined {
  const versions = findLifeEvent(id)?.versions ?? [];
  if (version !== undefined) return versions.find((definition) => definition.version === version);
  return versions.reduce<LifeEventDefinition | undefined>(
    (latest, definition) => (latest === undefined || definition.version > latest.version ? definition : latest),
    undefined,
  );
}
export { PUBLISHED_VERSIONS } from './published';
