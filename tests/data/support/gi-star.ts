/**
 * An independent test oracle for the planted tip clusters: queen contiguity by vertices
 * (snap distance in degrees, as in API_CONTRACT.md) and Getis-Ord Gi* with binary weights,
 * self included. Kept in the tests so the data checks do not depend on the server's code.
 */

type Ring = number[][];

/** Vertices of a commune geometry (MultiPolygon coordinates). */
export function verticesOf(polygons: Ring[][]): number[][] {
  return polygons.flatMap((rings) => rings.flatMap((ring) => ring));
}

/** Neighbour lists: i and j are neighbours when a vertex of one is within `snap` degrees of one of the other. */
export function queenNeighbours(vertexSets: number[][][], snap: number): number[][] {
  const boxes = vertexSets.map((vs) => {
    const xs = vs.map((v) => v[0]!);
    const ys = vs.map((v) => v[1]!);
    return [Math.min(...xs) - snap, Math.min(...ys) - snap, Math.max(...xs) + snap, Math.max(...ys) + snap];
  });
  const neighbours = vertexSets.map(() => [] as number[]);
  const snapSquared = snap * snap;
  for (let i = 0; i < vertexSets.length; i++) {
    for (let j = i + 1; j < vertexSets.length; j++) {
      const a = boxes[i]!;
      const b = boxes[j]!;
      if (a[0]! > b[2]! || b[0]! > a[2]! || a[1]! > b[3]! || b[1]! > a[3]!) continue;
      const touching = vertexSets[i]!.some((p) => vertexSets[j]!.some((q) => (p[0]! - q[0]!) ** 2 + (p[1]! - q[1]!) ** 2 <= snapSquared));
      if (touching) {
        neighbours[i]!.push(j);
        neighbours[j]!.push(i);
      }
    }
  }
  return neighbours;
}

/** Gi* z-scores with binary weights, each unit its own neighbour. */
export function giStar(values: number[], neighbours: number[][]): number[] {
  const n = values.length;
  const mean = values.reduce((s, v) => s + v, 0) / n;
  const s = Math.sqrt(values.reduce((acc, v) => acc + v * v, 0) / n - mean * mean);
  return values.map((_, i) => {
    const members = [i, ...neighbours[i]!];
    const w = members.length;
    const local = members.reduce((acc, j) => acc + values[j]!, 0);
    return (local - mean * w) / (s * Math.sqrt((n * w - w * w) / (n - 1)));
  });
}

/** |z| of a two-sided 95 % test. */
export const Z_95 = 1.96;
