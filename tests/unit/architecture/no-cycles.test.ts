/**
 * No import cycles, and layers that the folders show. A cycle makes the order modules load in
 * matter and spreads one concept over files that cannot be read alone. madge builds the import
 * graph of every root once; any cycle between files fails, and so does a cycle between the
 * top-level folders of web/src (api → state → map and panels) or of server (routes → services →
 * queries and the pure analytics and privacy modules), or a server layer importing one above it.
 */
import path from 'node:path';
import madge from 'madge';
import { beforeAll, describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../../../data/paths';

const ROOTS = ['web/src', 'contract', 'data', 'scripts', 'server'] as const;
const WEB = 'web/src/';
/** madge parses every TypeScript file of the project: about 350, a few seconds on two cores. */
const MADGE_TIMEOUT_MS = 60_000;

let graph: Record<string, string[]>;
let cycles: string[][];
beforeAll(async () => {
  const result = await madge(
    ROOTS.map((root) => path.join(REPO_ROOT, root)),
    { baseDir: REPO_ROOT, fileExtensions: ['ts', 'tsx'], tsConfig: path.join(REPO_ROOT, 'tsconfig.json') },
  );
  graph = result.obj();
  cycles = result.circular();
}, MADGE_TIMEOUT_MS);

const describeCycle = (cycle: string[]) => [...cycle, cycle[0]].join(' → ');

/** Strongly connected groups of more than one node (Tarjan), each sorted: the cycles of a graph. */
function stronglyConnected(edges: ReadonlyMap<string, ReadonlySet<string>>): string[][] {
  const index = new Map<string, number>();
  const lowLink = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const groups: string[][] = [];
  const visit = (node: string) => {
    index.set(node, index.size);
    lowLink.set(node, index.get(node)!);
    stack.push(node);
    onStack.add(node);
    for (const next of edges.get(node) ?? []) {
      if (!index.has(next)) {
        visit(next);
        lowLink.set(node, Math.min(lowLink.get(node)!, lowLink.get(next)!));
      } else if (onStack.has(next)) lowLink.set(node, Math.min(lowLink.get(node)!, index.get(next)!));
    }
    if (lowLink.get(node) !== index.get(node)) return;
    const group: string[] = [];
    let member: string;
    do {
      member = stack.pop()!;
      onStack.delete(member);
      group.push(member);
    } while (member !== node);
    if (group.length > 1) groups.push(group.sort());
  };
  for (const node of edges.keys()) if (!index.has(node)) visit(node);
  return groups;
}

/**
 * web/src/map/hooks/useCamera.ts → "map" under "web/src/"; a file directly under the root is its
 * own node (server/app.ts composes every layer; server/errors.ts is imported by all of them).
 */
const folderUnder = (root: string, file: string) => {
  const rest = file.slice(root.length);
  return rest.includes('/') ? rest.slice(0, rest.indexOf('/')) : rest;
};

/** The folder-to-folder imports under a root. */
function folderEdges(root: string): Map<string, Set<string>> {
  const edges = new Map<string, Set<string>>();
  for (const [file, imports] of Object.entries(graph)) {
    if (!file.startsWith(root)) continue;
    const from = folderUnder(root, file);
    if (!edges.has(from)) edges.set(from, new Set());
    for (const target of imports) if (target.startsWith(root) && folderUnder(root, target) !== from) edges.get(from)!.add(folderUnder(root, target));
  }
  return edges;
}

const SERVER = 'server/';

/** Server layers and the layers each may never import: the pure modules import no other server code. */
const FORBIDDEN: Record<string, readonly string[]> = {
  analytics: ['auth', 'dataset', 'http', 'privacy', 'queries', 'routes', 'services', 'state'],
  privacy: ['analytics', 'auth', 'dataset', 'http', 'queries', 'routes', 'services', 'state'],
  queries: ['analytics', 'auth', 'http', 'privacy', 'routes', 'services', 'state'],
  dataset: ['auth', 'http', 'privacy', 'queries', 'routes', 'services', 'state'],
  services: ['auth', 'http', 'routes', 'state'],
  state: ['analytics', 'dataset', 'http', 'privacy', 'queries', 'routes', 'services'],
};

describe('import cycles', () => {
  it('has the whole graph: every root contributes modules', () => {
    for (const root of ROOTS) expect(Object.keys(graph).some((file) => file.startsWith(`${root}/`)), root).toBe(true);
  });

  it('has no cycle between files anywhere', () => {
    expect(cycles.map(describeCycle)).toEqual([]);
  });

  it.each([WEB, SERVER])('has no cycle between the top-level folders of %s', (root) => {
    const edges = folderEdges(root);
    expect(edges.size).toBeGreaterThan(5);
    expect(stronglyConnected(edges).map((group) => group.join(' ↔ '))).toEqual([]);
  });

  it.each(Object.entries(FORBIDDEN))('server/%s imports no layer above it', (layer, forbidden) => {
    const imported = [...(folderEdges(SERVER).get(layer) ?? [])];
    expect(imported.filter((target) => forbidden.includes(target))).toEqual([]);
  });

});
