import {
  describeCondition,
  type Channel,
  type LifeEventDefinition,
  type StatutoryTerm,
  type StepDefinition,
} from '@passage/journey-model';

export type ChangeAudience = 'citizens' | 'agencies' | 'both';

export interface StepChange {
  readonly field:
    | 'agency'
    | 'service'
    | 'mode'
    | 'dependsOn'
    | 'when'
    | 'term'
    | 'needs'
    | 'produces'
    | 'cost'
    | 'channels'
    | 'critical'
    | 'compensation'
    | 'title';
  readonly from: string;
  readonly to: string;
  readonly audience: ChangeAudience;
}

export interface VersionDiff {
  readonly lifeEvent: string;
  readonly from: number;
  readonly to: number;
  readonly intake: { readonly added: readonly string[]; readonly removed: readonly string[] };
  readonly stepsAdded: readonly { readonly id: string; readonly agency: string; readonly mode: string }[];
  readonly stepsRemoved: readonly { readonly id: string; readonly agency: string }[];
  /** Steps whose position in the order changed (the order in which they can run). */
  readonly stepsReordered: readonly {
    readonly id: string;
    readonly fromPosition: number;
    readonly toPosition: number;
  }[];
  readonly stepsChanged: readonly {
    readonly id: string;
    readonly agency: string;
    readonly changes: readonly StepChange[];
  }[];
  /** Agencies that gain or lose work. */
  readonly agencies: { readonly added: readonly string[]; readonly removed: readonly string[] };
}

const list = (values: readonly string[]) => (values.length === 0 ? '(none)' : [...values].sort().join(', '));
const term = (t: StatutoryTerm | undefined) =>
  t ? `${t.days} ${t.unit} days from ${t.from}, ${t.onExpiry} on expiry` : '(none)';
const cost = (c: Readonly<Partial<Record<Channel, number>>>) =>
  Object.keys(c).length === 0
    ? '(free)'
    : Object.entries(c)
        .sort()
        .map(([channel, euro]) => `${channel} €${euro}`)
        .join(', ');

/** Comparable renderings of a step's fields, and whom a change of each concerns. */
const FIELDS: readonly [StepChange['field'], (s: StepDefinition) => string, ChangeAudience][] = [
  ['agency', (s) => s.agency, 'both'],
  ['service', (s) => s.service, 'agencies'],
  ['mode', (s) => s.mode, 'both'],
  ['dependsOn', (s) => list(s.dependsOn), 'both'],
  ['when', (s) => (s.when ? describeCondition(s.when) : 'always'), 'citizens'],
  ['term', (s) => term(s.term), 'both'],
  ['needs', (s) => list(s.needs), 'agencies'],
  ['produces', (s) => list(s.produces), 'both'],
  ['cost', (s) => cost(s.cost), 'citizens'],
  ['channels', (s) => list(s.channels), 'citizens'],
  ['critical', (s) => String(s.critical !== false), 'citizens'],
  [
    'compensation',
    (s) => (s.compensation ? `${s.compensation.agency ?? s.agency}/${s.compensation.service}` : '(none)'),
    'agencies',
  ],
  ['title', (s) => s.title.en, 'citizens'],
];

/** The order in which steps become possible: by depth in the dependency graph, then as written. */
function positions(definition: LifeEventDefinition): Map<string, number> {
  const byId = new Map(definition.steps.map((step) => [step.id, step]));
  const depth = new Map<string, number>();
  const depthOf = (step: StepDefinition, seen: Set<string>): number => {
    const known = depth.get(step.id);
    if (known !== undefined) return known;
    if (seen.has(step.id)) return 0;
    seen.add(step.id);
    const value = Math.max(
      0,
      ...step.dependsOn.map((dep) => {
        const target = byId.get(dep);
        return target ? depthOf(target, seen) + 1 : 0;
      }),
    );
    depth.set(step.id, value);
    return value;
  };
  const ordered = definition.steps
    .map((step, index) => ({ id: step.id, depth: depthOf(step, new Set()), index }))
    .sort((a, b) => a.depth - b.depth || a.index - b.index);
  return new Map(ordered.map((entry, position) => [entry.id, position + 1]));
}

/** What changes for citizens and agencies between two versions of a life event. */
export function diffLifeEvent(from: LifeEventDefinition, to: LifeEventDefinition): VersionDiff {
  const before = new Map(from.steps.map((step) => [step.id, step]));
  const after = new Map(to.steps.map((step) => [step.id, step]));
  const positionsBefore = positions(from);
  const positionsAfter = positions(to);
  const kept = to.steps.filter((step) => before.has(step.id));
  const agenciesBefore = new Set(from.steps.map((s) => s.agency));
  const agenciesAfter = new Set(to.steps.map((s) => s.agency));
  return {
    lifeEvent: to.id,
    from: from.version,
    to: to.version,
    intake: {
      added: to.intake.filter((item) => !from.intake.includes(item)),
      removed: from.intake.filter((item) => !to.intake.includes(item)),
    },
    stepsAdded: to.steps
      .filter((step) => !before.has(step.id))
      .map((step) => ({ id: step.id, agency: step.agency, mode: step.mode })),
    stepsRemoved: from.steps
      .filter((step) => !after.has(step.id))
      .map((step) => ({ id: step.id, agency: step.agency })),
    stepsReordered: kept
      .map((step) => ({
        id: step.id,
        fromPosition: positionsBefore.get(step.id) ?? 0,
        toPosition: positionsAfter.get(step.id) ?? 0,
      }))
      .filter((move) => move.fromPosition !== move.toPosition),
    stepsChanged: kept
      .map((step) => {
        const old = before.get(step.id) as StepDefinition;
        const changes = FIELDS.map(([field, render, audience]) => ({
          field,
          from: render(old),
          to: render(step),
          audience,
        })).filter((c) => c.from !== c.to);
        return { id: step.id, agency: step.agency, changes };
      })
      .filter((step) => step.changes.length > 0),
    agencies: {
      added: [...agenciesAfter].filter((a) => !agenciesBefore.has(a)).sort(),
      removed: [...agenciesBefore].filter((a) => !agenciesAfter.has(a)).sort(),
    },
  };
}

/** The diff as text a process owner can read aloud to the agencies and citizens' representatives. */
export function formatDiff(diff: VersionDiff): string {
  const lines = [`${diff.lifeEvent}: version ${diff.from} → ${diff.to}`];
  const section = (title: string, entries: readonly string[]) => {
    if (entries.length > 0) lines.push('', title, ...entries.map((entry) => `  - ${entry}`));
  };
  section('Intake (asked when a journey starts)', [
    ...diff.intake.added.map((i) => `now asked: ${i}`),
    ...diff.intake.removed.map((i) => `no longer asked: ${i}`),
  ]);
  section(
    'Steps added',
    diff.stepsAdded.map((s) => `${s.id} (${s.agency}, ${s.mode})`),
  );
  section(
    'Steps removed',
    diff.stepsRemoved.map((s) => `${s.id} (${s.agency})`),
  );
  section(
    'Steps moved in the order',
    diff.stepsReordered.map((s) => `${s.id}: position ${s.fromPosition} → ${s.toPosition}`),
  );
  for (const audience of ['citizens', 'agencies'] as const) {
    section(
      `Changes for ${audience}`,
      diff.stepsChanged.flatMap((step) =>
        step.changes
          .filter((c) => c.audience === audience || c.audience === 'both')
          .map((c) => `${step.id} (${step.agency}) ${c.field}: ${c.from} → ${c.to}`),
      ),
    );
  }
  section('Agencies', [
    ...diff.agencies.added.map((a) => `joins: ${a}`),
    ...diff.agencies.removed.map((a) => `leaves: ${a}`),
  ]);
  if (lines.length === 1) lines.push('', 'No change for citizens or agencies.');
  return lines.join('\n');
}
