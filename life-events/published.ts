/**
 * The content hash of every version of the catalogue as it was published. A published version never changes
 * (journeys pin it by hash): a test fails when a version's content no longer matches, and `passage validate`
 * reports `published-content-changed`. Publishing a new version adds its line here.
 */
export const PUBLISHED_VERSIONS: readonly { readonly lifeEvent: string; readonly version: number; readonly hash: string }[] = [
  { lifeEvent: 'start-business', version: 1, hash: 'sha256:e8a51310fd2cb575e53904f51810b13f974adff257b192a83d1cb8f6189765dc' },
  { lifeEvent: 'start-business', version: 2, hash: 'sha256:7f51e11de9e6d6fcf6c674d9a74250eadc1592df71c1756c5b337eac6d0b39a9' },
];
