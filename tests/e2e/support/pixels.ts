/**
 * Reading the map's pixels in the page: the map keeps its drawing buffer (it must, for PNG
 * export and print), so its canvas can be copied to a 2D canvas and inspected.
 *
 * Inside the province the offline basemap is drawn in greys only (paper tones and boundary
 * lines), so a coloured pixel there is a data-layer pixel; around it the region adds blue rivers.
 * "Inside the province" is the central box of the view, which the initial framing fills with the
 * province, or (pixelsAt) points placed with ./projection.
 */
import type { Page } from 'playwright-core';

export interface PixelStats {
  width: number;
  height: number;
  /** Pixels whose colour is clearly not grey (max − min channel above the threshold). */
  coloured: number;
  /** Coloured pixels within the central half of the view. */
  colouredInCentre: number;
  /** A coarse grid of mean colours, for comparing two renderings. */
  fingerprint: number[];
}

/** Greys differ by a few units between channels at most; data colours by far more. */
export const COLOURED_CHANNEL_SPREAD = 40;
const FINGERPRINT_GRID = 24;

export async function mapPixels(page: Page): Promise<PixelStats> {
  return page.evaluate(
    ({ spread, grid }) => {
      const source = document.querySelector<HTMLCanvasElement>('[data-map-container] canvas');
      if (!source) throw new Error('no map canvas');
      const canvas = document.createElement('canvas');
      canvas.width = source.width;
      canvas.height = source.height;
      const ctx = canvas.getContext('2d');
      if (!ctx) throw new Error('no 2D context');
      ctx.drawImage(source, 0, 0);
      const { data, width, height } = ctx.getImageData(0, 0, canvas.width, canvas.height);
      let coloured = 0;
      let colouredInCentre = 0;
      const sums = new Array<number>(grid * grid * 3).fill(0);
      const counts = new Array<number>(grid * grid).fill(0);
      for (let y = 0; y < height; y += 1) {
        for (let x = 0; x < width; x += 1) {
          const i = (y * width + x) * 4;
          const r = data[i] ?? 0;
          const g = data[i + 1] ?? 0;
          const b = data[i + 2] ?? 0;
          if (Math.max(r, g, b) - Math.min(r, g, b) > spread) {
            coloured += 1;
            if (x > width / 4 && x < (3 * width) / 4 && y > height / 4 && y < (3 * height) / 4) colouredInCentre += 1;
          }
          const cell = Math.floor((y * grid) / height) * grid + Math.floor((x * grid) / width);
          sums[cell * 3] = (sums[cell * 3] ?? 0) + r;
          sums[cell * 3 + 1] = (sums[cell * 3 + 1] ?? 0) + g;
          sums[cell * 3 + 2] = (sums[cell * 3 + 2] ?? 0) + b;
          counts[cell] = (counts[cell] ?? 0) + 1;
        }
      }
      const fingerprint = sums.map((sum, i) => Math.round(sum / Math.max(1, counts[Math.floor(i / 3)] ?? 1)));
      return { width, height, coloured, colouredInCentre, fingerprint };
    },
    { spread: COLOURED_CHANNEL_SPREAD, grid: FINGERPRINT_GRID },
  );
}

/** Mean absolute difference between two fingerprints, in colour units (0–255). */
export function fingerprintDistance(a: PixelStats, b: PixelStats): number {
  let total = 0;
  for (let i = 0; i < a.fingerprint.length; i += 1) total += Math.abs((a.fingerprint[i] ?? 0) - (b.fingerprint[i] ?? 0));
  return total / Math.max(1, a.fingerprint.length);
}

export type Rgb = [number, number, number];

/** The map canvas in CSS pixels. */
export async function canvasSize(page: Page): Promise<{ width: number; height: number }> {
  return page.evaluate(() => {
    const canvas = document.querySelector<HTMLCanvasElement>('[data-map-container] canvas');
    if (!canvas) throw new Error('no map canvas');
    return { width: canvas.clientWidth, height: canvas.clientHeight };
  });
}

/**
 * The colours of the map canvas around points given in CSS pixels: for each point, every pixel
 * of the square of `radius` around it (radius 0: the pixel itself).
 */
export async function pixelsAt(page: Page, points: readonly [number, number][], radius = 0): Promise<Rgb[][]> {
  return page.evaluate(
    ({ points, radius }) => {
      const source = document.querySelector<HTMLCanvasElement>('[data-map-container] canvas');
      if (!source) throw new Error('no map canvas');
      const canvas = document.createElement('canvas');
      canvas.width = source.width;
      canvas.height = source.height;
      const ctx = canvas.getContext('2d');
      if (!ctx) throw new Error('no 2D context');
      ctx.drawImage(source, 0, 0);
      const { data, width, height } = ctx.getImageData(0, 0, canvas.width, canvas.height);
      const ratio = source.width / source.clientWidth;
      return points.map(([cx, cy]) => {
        const patch: [number, number, number][] = [];
        for (let dy = -radius; dy <= radius; dy += 1) {
          for (let dx = -radius; dx <= radius; dx += 1) {
            const x = Math.round((cx + dx) * ratio);
            const y = Math.round((cy + dy) * ratio);
            if (x < 0 || y < 0 || x >= width || y >= height) continue;
            const i = (y * width + x) * 4;
            patch.push([data[i] ?? 0, data[i + 1] ?? 0, data[i + 2] ?? 0]);
          }
        }
        return patch;
      });
    },
    { points: points.map((p) => [p[0], p[1]] as [number, number]), radius },
  );
}

/** Largest channel difference between two colours. */
export function colourDistance(a: Rgb, b: Rgb): number {
  return Math.max(Math.abs(a[0] - b[0]), Math.abs(a[1] - b[1]), Math.abs(a[2] - b[2]));
}

export function hexToRgb(hex: string): Rgb {
  const value = Number.parseInt(hex.replace('#', ''), 16);
  return [(value >> 16) & 255, (value >> 8) & 255, value & 255];
}

export function isColoured([r, g, b]: Rgb): boolean {
  return Math.max(r, g, b) - Math.min(r, g, b) > COLOURED_CHANNEL_SPREAD;
}


/**
 * The map canvas pixels (in CSS pixels) whose every channel is at most `maxChannel`: the near-black
 * of outlines and names. Comparing two such sets shows where a dark outline appeared.
 */
export async function darkPixels(page: Page, maxChannel: number): Promise<[number, number][]> {
  return page.evaluate((maxChannel) => {
    const source = document.querySelector<HTMLCanvasElement>('[data-map-container] canvas');
    if (!source) throw new Error('no map canvas');
    const canvas = document.createElement('canvas');
    canvas.width = source.width;
    canvas.height = source.height;
    const ctx = canvas.getContext('2d');
    if (!ctx) throw new Error('no 2D context');
    ctx.drawImage(source, 0, 0);
    const { data, width, height } = ctx.getImageData(0, 0, canvas.width, canvas.height);
    const ratio = source.width / source.clientWidth;
    const dark: [number, number][] = [];
    for (let y = 0; y < height; y += 1) {
      for (let x = 0; x < width; x += 1) {
        const i = (y * width + x) * 4;
        if ((data[i] ?? 0) <= maxChannel && (data[i + 1] ?? 0) <= maxChannel && (data[i + 2] ?? 0) <= maxChannel) dark.push([x / ratio, y / ratio]);
      }
    }
    return dark;
  }, maxChannel);
}
