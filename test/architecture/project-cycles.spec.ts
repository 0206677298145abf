import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { preProcessFile } from 'typescript';

const root = join(__dirname, '..', '..');
const SKIPPED_FOLDERS = new Set(['node_modules', 'dist', 'tmp', '.nx', '.data', '.tools', '.git']);
/** Specs and test-only helpers may import anything (ADR 0008): only what a project ships counts. */
const TEST_ONLY = /(\.spec|\.integration-spec|\.e2e-spec)\.ts$|\/src\/(testing|test)\//;

type Graph = ReadonlyMap<string, ReadonlySet<string>>;

function walk(folder: string, found: (path: string) => void): void {
  for (const entry of readdirSync(folder, { withFileTypes: true })) {
    if (SKIPPED_FOLDERS.has(entry.name)) continue;
    const path = join(folder, entry.name);
    if (entry.isDirectory()) walk(path, found);
    else found(path);
  }
}

/** Every project's `@passage/*` imports (static, type-only, dynamic and re-exports) from its shipped sources. */
function projectGraph(): Graph {
  const aliases = (
    JSON.parse(readFileSync(join(root, 'tsconfig.base.json'), 'utf8')) as {
      compilerOptions: { paths: Record<string, string[]> };
    }
  ).compilerOptions.paths;
  const projects: { name: string; root: string }[] = [];
  walk(root, (path) => {
    if (!path.endsWith('/project.json')) return;
    const { name } = JSON.parse(readFileSync(path, 'utf8')) as { name: string };
    projects.push({ name, root: relative(root, path).replace(/\/?project\.json$/, '') });
  });
  const ownerOf = (file: string) =>
    projects
      .filter((project) => project.root === '' || file.startsWith(`${project.root}/`))
      .sort((a, b) => b.root.length - a.root.length)[0];
  const projectOfAlias = new Map(
    Object.entries(aliases).map(([alias, [target]]) => [alias, ownerOf(target as string)?.name]),
  );
  const graph = new Map<string, Set<string>>(projects.map((project) => [project.name, new Set<string>()]));
  walk(root, (path) => {
    const file = relative(root, path);
    if (!file.endsWith('.ts') || TEST_ONLY.test(file)) return;
    const source = ownerOf(file);
    if (!source) return;
    for (const { fileName } of preProcessFile(readFileSync(path, 'utf8'), true, true).importedFiles) {
      const target = projectOfAlias.get(fileName);
      if (target && target !== source.name) graph.get(source.name)?.add(target);
    }
  });
  return graph;
}

/** The cycles of a graph, one per strongly connected component, each as a path that returns to its start. */
export function cyclesOf(graph: Graph): string[][] {
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const cycles: string[][] = [];
  const visit = (node: string) => {
    index.set(node, index.size);
    low.set(node, index.get(node) as number);
    stack.push(node);
    for (const next of graph.get(node) ?? []) {
      if (!index.has(next)) {
        visit(next);
        low.set(node, Math.min(low.get(node) as number, low.get(next) as number));
      } else if (stack.includes(next)) {
        low.set(node, Math.min(low.get(node) as number, index.get(next) as number));
      }
    }
    if (low.get(node) !== index.get(node)) return;
    const component: string[] = [];
    let member: string | undefined;
    do {
      member = stack.pop() as string;
      component.push(member);
    } while (member !== node);
    if (component.length > 1) cycles.push(pathWithin(graph, new Set(component), node));
  };
  for (const node of graph.keys()) if (!index.has(node)) visit(node);
  return cycles;
}

/** A path from `start` back to it inside one strongly connected component (breadth first: a shortest one). */
function pathWithin(graph: Graph, component: ReadonlySet<string>, start: string): string[] {
  const previous = new Map<string, string>();
  const queue = [start];
  for (let next = 0; next < queue.length; next++) {
    const node = queue[next] as string;
    for (const target of graph.get(node) ?? []) {
      if (!component.has(target)) continue;
      if (target === start) {
        const back: string[] = [];
        for (let at = node; at !== start; at = previous.get(at) as string) back.push(at);
        return [start, ...back.reverse(), start];
      }
      if (!previous.has(target)) {
        previous.set(target, node);
        queue.push(target);
      }
    }
  }
  return [...component];
}

describe('dependencies between projects', () => {
  it('finds a cycle, also through several projects', () => {
    const graph = new Map([
      ['journeys', new Set(['registry'])],
      ['registry', new Set(['validation'])],
      ['validation', new Set(['journeys'])],
      ['persistence', new Set<string>()],
    ]);
    expect(cyclesOf(graph)).toEqual([['journeys', 'registry', 'validation', 'journeys']]);
    expect(cyclesOf(new Map([['journeys', new Set(['registry'])]]))).toEqual([]);
  });

  it('run one way: no project imports one that imports it back, even through types', () => {
    const graph = projectGraph();
    // The scan sees the real imports (a scan that saw nothing would find no cycle either).
    expect(graph.get('journeys')).toContain('registry');
    expect(graph.get('agency-gateway')).toContain('registry');
    expect(cyclesOf(graph)).toEqual([]);
  });
});
