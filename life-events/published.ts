/**
 * The content hash of every version of the catalogue as it was published. A published version never changes
 * (journeys pin it by hash): a test fails when a version's content no longer matches, and `passage validate`
 * reports `published-content-changed`. Publishing a new version adds its line here.
 */
export const PUBLISHED_VERSIONS: readonly {
  readonly lifeEvent: string;
  readonly version: number;
  readonly hash: string;
}[] = [
  {
    lifeEvent: 'start-business',
    version: 1,
    hash: 'sha256:e8a51310fd2cb575e53904f51810b13f974adff257b192a83d1cb8f6189765dc',
  },
  {
    lifeEvent: 'start-business',
    version: 2,
    hash: 'sha256:7f51e11de9e6d6fcf6c674d9a74250eadc1592df71c1756c5b337eac6d0b39a9',
  },
  {
    lifeEvent: 'build-renovate',
    version: 1,
    hash: 'sha256:b022977cfa38ee8a9d7bd6288a5e90c18eadc0f88eec5936e1a2dc680d59d91d',
  },
  { lifeEvent: 'birth', version: 1, hash: 'sha256:8a661ec509a63e256098efec346540aabc132a1d6646d2ef55092cf22920ad6c' },
  {
    lifeEvent: 'death-of-relative',
    version: 1,
    hash: 'sha256:4996b7e5066265a62f12f35397d34b24385b4edfe6749895a97ea7e3c84b74bd',
  },
  {
    lifeEvent: 'move-house',
    version: 1,
    hash: 'sha256:7525c1ddf5d04dae53b29734fec6404e6309667e0844ef6a39de946f8568e101',
  },
  {
    lifeEvent: 'found-association',
    version: 1,
    hash: 'sha256:4b1bc36eacbc809490e769c069fa1e6910d935253ce4a855f298e17f1f15b5d9',
  },
];
