/**
 * Patch ids of the journey interpreter (patch → deprecate → remove). Every change to workflow code that alters the
 * commands a running journey would issue is guarded by `patched(id)` with an id listed here, and stays until no
 * history recorded before it remains (test/replay proves it).
 */
export const JOURNEY_PATCHES = {
  /** Routine automatic progress is projected together with the next change instead of on its own (see `project()`). */
  coalesceRoutineProjections: 'coalesce-routine-projections',
  /** Once the journey has ended, its last changes are projected by a local activity before it completes. */
  finalProjectionLocal: 'final-projection-local',
  /** A new journey's first state is projected by a local activity in its first workflow task. */
  firstProjectionLocal: 'first-projection-local',
  /**
   * The three behaviours above, asked once when a run starts: every patch costs a marker and a search-attribute
   * update in the history. A run with this patch also leaves `JourneyStatus` alone while it still holds the status
   * the run started with. Runs recorded before it ask the three patches above where they apply.
   */
  shellOf20261129: 'journey-shell-2026-11-29',
  /**
   * Messages tell the truth (`EngineBehaviour.truthfulMessages`): inputs given early are held, ignored messages are
   * not remembered, contradicting decisions are conflicts, receipts are kept for a window. And the journey starts
   * before its message handlers are set, so that a message that arrived with the start (in the same first workflow
   * task) meets a started journey. Asked once when a run starts.
   */
  truthfulMessages: 'truthful-messages',
  /**
   * A refusal whose step allows a resubmission or an appeal keeps the journey waiting for the subject (a timer for
   * the term, no cancellation, no end) instead of standing at once. Asked where such a refusal happens, so that only
   * those histories carry the marker.
   */
  refusalsLeadSomewhere: 'refusals-lead-somewhere',
} as const;
