/** A scene (./scene.ts) onto a 2D canvas at any scale: the PNG export draws the map this way, at 2×. */
import type { Scene } from './scene';

const HALO_WIDTH = 2.4;
const HATCH_SPACING = 4;

function hatchPattern(ctx: CanvasRenderingContext2D, scale: number): CanvasPattern | null {
  const size = Math.max(2, Math.round(HATCH_SPACING * scale));
  const tile = document.createElement('canvas');
  tile.width = size;
  tile.height = size;
  const t = tile.getContext('2d');
  if (!t) return null;
  t.strokeStyle = '#8a8a8a';
  t.lineWidth = 0.8 * scale;
  t.beginPath();
  t.moveTo(0, size);
  t.lineTo(size, 0);
  t.stroke();
  return ctx.createPattern(tile, 'repeat');
}

/** Draws the scene with its top left at (x, y) of the current canvas units; `scale` is the canvas's pixels per unit. */
export function drawScene(ctx: CanvasRenderingContext2D, scene: Scene, x: number, y: number, fontFamily: string, scale: number): void {
  ctx.save();
  ctx.translate(x, y);
  ctx.beginPath();
  ctx.rect(0, 0, scene.width, scene.height);
  ctx.clip();
  ctx.fillStyle = scene.background;
  ctx.fillRect(0, 0, scene.width, scene.height);
  const hatch = hatchPattern(ctx, scale);
  ctx.lineJoin = 'round';
  ctx.lineCap = 'round';
  for (const p of scene.paths) {
    const path = new Path2D(p.d);
    if (p.fill) {
      ctx.globalAlpha = p.opacity ?? 1;
      ctx.fillStyle = p.fill;
      ctx.fill(path, 'evenodd');
      ctx.globalAlpha = 1;
      if (p.hatch && hatch) {
        ctx.fillStyle = hatch;
        ctx.fill(path, 'evenodd');
      }
    }
    if (p.stroke) {
      ctx.strokeStyle = p.stroke;
      ctx.lineWidth = p.width ?? 1;
      ctx.setLineDash(p.dash ?? []);
      ctx.stroke(path);
      ctx.setLineDash([]);
    }
  }
  for (const c of scene.circles) {
    ctx.beginPath();
    ctx.arc(c.x, c.y, c.r, 0, 2 * Math.PI);
    ctx.fillStyle = c.fill;
    ctx.fill();
    if (c.stroke) {
      ctx.strokeStyle = c.stroke;
      ctx.lineWidth = c.width ?? 1;
      ctx.stroke();
    }
  }
  for (const t of scene.texts) {
    ctx.font = `${t.weight} ${t.size}px "${fontFamily}", "DejaVu Sans", sans-serif`;
    ctx.textAlign = t.anchor === 'start' ? 'left' : t.anchor === 'end' ? 'right' : 'center';
    ctx.letterSpacing = `${t.letterSpacing ?? 0}px`;
    if (t.halo) {
      ctx.strokeStyle = t.halo;
      ctx.lineWidth = HALO_WIDTH;
      ctx.strokeText(t.text, t.x, t.y);
    }
    ctx.fillStyle = t.color;
    ctx.fillText(t.text, t.x, t.y);
  }
  ctx.letterSpacing = '0px';
  ctx.textAlign = 'left';
  ctx.restore();
}
