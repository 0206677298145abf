/** Stops the servers the global setup started. */
export default async function stopTemporalServers(): Promise<void> {
  await Promise.all((globalThis.__passageTemporalServers ?? []).map((env) => env.teardown()));
}
