import { contentHash } from '@passage/journey-model';
import { CATALOGUE } from './index';
import { PUBLISHED_VERSIONS } from './published';

describe('published versions of the catalogue', () => {
  it('lists every version of every life event, and none that does not exist', () => {
    const versions = CATALOGUE.flatMap((entry) => entry.versions.map((v) => `${entry.id}@${v.version}`));
    expect(PUBLISHED_VERSIONS.map((p) => `${p.lifeEvent}@${p.version}`).sort()).toEqual(versions.sort());
  });

  it.each(
    CATALOGUE.flatMap((entry) =>
      entry.versions.map((definition) => [`${entry.id} v${definition.version}`, definition] as const),
    ),
  )('%s still has the content it was published with', (_, definition) => {
    const published = PUBLISHED_VERSIONS.find((p) => p.lifeEvent === definition.id && p.version === definition.version);
    expect(contentHash(definition)).toBe(published?.hash);
  });
});
