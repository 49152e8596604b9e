/**
 * No import cycles. A cycle makes the order modules load in matter and spreads one concept over
 * files that cannot be read alone. madge builds the import graph of every root once; a cycle
 * through web, contract, data or scripts fails, and so does a cycle between the top-level folders
 * of web/src (api, state, map, panels, …: data flows one way, api → state → map and panels).
 * Cycles among server files only are listed, not failed: the server is being restructured, and
 * whoever finishes that turns the listing into an assertion.
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
  // Listed for the server's owner; not an assertion yet (see the header).
  const server = cycles.filter(inServerOnly).map(describeCycle);
  if (server.length > 0) console.warn(`Import cycles among server files (${server.length}):\n  ${server.join('\n  ')}`);
}, MADGE_TIMEOUT_MS);

const inServerOnly = (cycle: string[]) => cycle.every((file) => file.startsWith('server/'));
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

/** web/src/map/hooks/useCamera.ts → "map"; a file directly in web/src → "(root)". */
const webFolder = (file: string) => {
  const rest = file.slice(WEB.length);
  return rest.includes('/') ? rest.slice(0, rest.indexOf('/')) : '(root)';
};

describe('import cycles', () => {
  it('has the whole graph: every root contributes modules', () => {
    for (const root of ROOTS) expect(Object.keys(graph).some((file) => file.startsWith(`${root}/`)), root).toBe(true);
  });

  it('has no cycle through web/src, contract, data or scripts', () => {
    expect(cycles.filter((cycle) => !inServerOnly(cycle)).map(describeCycle)).toEqual([]);
  });

  it('has no cycle between the top-level folders of web/src', () => {
    const edges = new Map<string, Set<string>>();
    for (const [file, imports] of Object.entries(graph)) {
      if (!file.startsWith(WEB)) continue;
      const from = webFolder(file);
      if (!edges.has(from)) edges.set(from, new Set());
      for (const target of imports) if (target.startsWith(WEB) && webFolder(target) !== from) edges.get(from)!.add(webFolder(target));
    }
    expect(edges.size).toBeGreaterThan(5);
    expect(stronglyConnected(edges).map((group) => group.join(' ↔ '))).toEqual([]);
  });

});
