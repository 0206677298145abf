// Titles of life events and their steps from the public catalogue, fetched once per language (for staff pages,
// whose task summaries carry ids only).
import { api, withQuery } from './api.js';
import { lang } from './i18n.js';

const lists = new Map();
const versions = new Map();

async function list(signal) {
  const language = lang();
  if (!lists.has(language))
    lists.set(
      language,
      api(withQuery('/api/life-events', { lang: language }), { signal }).catch(() => []),
    );
  return lists.get(language);
}

async function latest(lifeEvent, signal) {
  const key = `${lang()}|${lifeEvent}`;
  if (!versions.has(key)) {
    versions.set(
      key,
      list(signal).then((entries) => {
        const entry = entries.find((e) => e.id === lifeEvent);
        return entry
          ? api(
              withQuery(`/api/life-events/${encodeURIComponent(lifeEvent)}/versions/${entry.latestVersion}`, {
                lang: lang(),
              }),
              { signal },
            ).catch(() => null)
          : null;
      }),
    );
  }
  return versions.get(key);
}

/** `{ lifeEvent: title, step: title }` for a task, falling back to the ids. */
export async function titlesFor(lifeEvent, stepId, signal) {
  const [entries, version] = await Promise.all([list(signal), latest(lifeEvent, signal)]);
  const language = lang();
  return {
    lifeEvent: entries.find((e) => e.id === lifeEvent)?.title ?? lifeEvent,
    step: version?.definition?.steps?.find((s) => s.id === stepId)?.title?.[language] ?? stepId,
  };
}
