/**
 * PNG export of the current map at twice the screen's resolution: the static map's scene drawn
 * on one canvas with the title (the metric), the period, area and unit, the legend drawn from the
 * same legend model as the panel, and the data notes. Independent of the GPU map, so the export
 * is as sharp as its scale and needs no frame of the screen map.
 */
import type { LegendSection, LegendSwatch } from '../legend/legendModel';
import { LABEL_CSS_FAMILY } from '../map/fontFaces';
import { cssColor } from '../style/palettes';
import { drawScene } from './drawScene';
import type { Scene } from './scene';

export interface ExportSpec {
  title: string;
  subtitle: string;
  /** Shown as a coloured band above the title, e.g. "Simulated data". */
  banner: string | null;
  legendTitle: string;
  legend: LegendSection[];
  notes: string[];
}

/** Pixels of the image per layout unit: the export is at twice the layout's size. */
export const EXPORT_SCALE = 2;

/** Layout in units (CSS pixels of a 1× image).*/
const LAYOUT = {
  padding: 24,
  bannerHeight: 30,
  headerHeight: 64,
  gap: 20,
  legendWidth: 300,
  noteLineHeight: 18,
  sectionGap: 14,
  swatchWidth: 22,
  swatchHeight: 14,
  rowHeight: 20,
  rampWidth: 240,
  rampHeight: 14,
} as const;

const INK = '#1a1a1a';
const MUTED = '#555555';
const PAPER = '#ffffff';
const BANNER_FILL = '#7a1f00';
const BANNER_INK = '#ffffff';
const FRAME = '#8a8a8a';

function font(size: number, weight = 400): string {
  return `${weight} ${size}px "${LABEL_CSS_FAMILY}", "DejaVu Sans", sans-serif`;
}

/** Room for a swatch label right of its swatch. */
const LABEL_WIDTH = LAYOUT.legendWidth - LAYOUT.swatchWidth - 8;
/** Extra height of each wrapped line after a label's first. */
const LABEL_LINE_HEIGHT = 15;
/** Line height of a section's notes (11 px text). */
const NOTE_LINE_HEIGHT = 14;

/** Text broken into lines no wider than `maxWidth` at the current font (long titles and notes wrap). */
function wrapLines(ctx: CanvasRenderingContext2D, text: string, maxWidth: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(' ')) {
    const candidate = line ? `${line} ${word}` : word;
    if (line && ctx.measureText(candidate).width > maxWidth) {
      lines.push(line);
      line = word;
    } else line = candidate;
  }
  if (line) lines.push(line);
  return lines;
}

function legendHeight(ctx: CanvasRenderingContext2D, sections: LegendSection[]): number {
  let height = 26;
  ctx.font = font(12);
  for (const section of sections) {
    ctx.font = font(14, 600);
    height += 20 * wrapLines(ctx, section.title, LAYOUT.legendWidth).length;
    ctx.font = font(12);
    if (section.unit) height += 16 * wrapLines(ctx, section.unit, LAYOUT.legendWidth).length;
    if (section.kind === 'swatches') {
      for (const item of section.items) height += LAYOUT.rowHeight + (wrapLines(ctx, item.label, LABEL_WIDTH).length - 1) * LABEL_LINE_HEIGHT;
    } else height += LAYOUT.rampHeight + 24;
    ctx.font = font(11);
    for (const note of section.notes ?? []) height += NOTE_LINE_HEIGHT * wrapLines(ctx, note, LAYOUT.legendWidth).length;
    height += LAYOUT.sectionGap;
  }
  return height;
}

/** A swatch as the legend panel draws it: a filled box, a dashed line, or diagonal hatching. */
function drawSwatch(ctx: CanvasRenderingContext2D, item: LegendSwatch, x: number, y: number): void {
  const { swatchWidth: w, swatchHeight: h } = LAYOUT;
  const color = cssColor(item.color);
  ctx.save();
  if (item.pattern === 'dashedLine') {
    ctx.strokeStyle = color;
    ctx.lineWidth = 2;
    ctx.setLineDash([5, 3]);
    ctx.beginPath();
    ctx.moveTo(x, y + h / 2);
    ctx.lineTo(x + w, y + h / 2);
    ctx.stroke();
  } else {
    if (item.pattern === 'hatch') {
      ctx.beginPath();
      ctx.rect(x, y, w, h);
      ctx.clip();
      ctx.strokeStyle = color;
      ctx.lineWidth = 1.5;
      for (let offset = -h; offset < w; offset += 5) {
        ctx.beginPath();
        ctx.moveTo(x + offset, y + h);
        ctx.lineTo(x + offset + h, y);
        ctx.stroke();
      }
    } else if (item.pattern === 'outline') {
      ctx.strokeStyle = color;
      ctx.lineWidth = 3;
      ctx.strokeRect(x + 1.5, y + 1.5, w - 3, h - 3);
      ctx.restore();
      return;
    } else if (item.pattern === 'disc') {
      ctx.fillStyle = color;
      ctx.beginPath();
      ctx.arc(x + w / 2, y + h / 2, h / 2, 0, 2 * Math.PI);
      ctx.fill();
      ctx.restore();
      return;
    } else {
      ctx.fillStyle = color;
      ctx.fillRect(x, y, w, h);
    }
    ctx.strokeStyle = FRAME;
    ctx.lineWidth = 0.5;
    ctx.strokeRect(x, y, w, h);
  }
  ctx.restore();
}

function drawLegend(ctx: CanvasRenderingContext2D, spec: ExportSpec, x: number, y: number): void {
  let cursor = y;
  ctx.fillStyle = INK;
  ctx.font = font(16, 700);
  ctx.fillText(spec.legendTitle, x, cursor + 16);
  cursor += 26;
  for (const section of spec.legend) {
    ctx.fillStyle = INK;
    ctx.font = font(14, 600);
    for (const line of wrapLines(ctx, section.title, LAYOUT.legendWidth)) {
      ctx.fillText(line, x, cursor + 14);
      cursor += 20;
    }
    if (section.unit) {
      ctx.fillStyle = MUTED;
      ctx.font = font(12);
      for (const line of wrapLines(ctx, section.unit, LAYOUT.legendWidth)) {
        ctx.fillText(line, x, cursor + 12);
        cursor += 16;
      }
    }
    if (section.kind === 'swatches') {
      for (const item of section.items) {
        drawSwatch(ctx, item, x, cursor + 3);
        ctx.fillStyle = INK;
        ctx.font = font(12);
        const lines = wrapLines(ctx, item.label, LABEL_WIDTH);
        lines.forEach((line, i) => ctx.fillText(line, x + LAYOUT.swatchWidth + 8, cursor + 14 + i * LABEL_LINE_HEIGHT));
        cursor += LAYOUT.rowHeight + (lines.length - 1) * LABEL_LINE_HEIGHT;
      }
    } else {
      const gradient = ctx.createLinearGradient(x, 0, x + LAYOUT.rampWidth, 0);
      section.colors.forEach((color, i) => gradient.addColorStop(i / Math.max(1, section.colors.length - 1), cssColor(color)));
      ctx.fillStyle = gradient;
      ctx.fillRect(x, cursor + 2, LAYOUT.rampWidth, LAYOUT.rampHeight);
      ctx.fillStyle = INK;
      ctx.font = font(11);
      for (const tick of section.ticks) {
        const tx = x + tick.at * LAYOUT.rampWidth;
        ctx.textAlign = tick.at <= 0 ? 'left' : tick.at >= 1 ? 'right' : 'center';
        ctx.fillText(tick.label, tx, cursor + LAYOUT.rampHeight + 16);
      }
      ctx.textAlign = 'left';
      cursor += LAYOUT.rampHeight + 24;
    }
    ctx.fillStyle = MUTED;
    ctx.font = font(11);
    for (const note of section.notes ?? []) {
      for (const line of wrapLines(ctx, note, LAYOUT.legendWidth)) {
        ctx.fillText(line, x, cursor + 12);
        cursor += NOTE_LINE_HEIGHT;
      }
    }
    cursor += LAYOUT.sectionGap;
  }
}

export async function exportMapImage(scene: Scene, spec: ExportSpec): Promise<Blob> {
  await Promise.all([document.fonts.load(font(16, 700), spec.title), document.fonts.load(font(12), spec.subtitle)]);
  const mapWidth = scene.width;
  const mapHeight = scene.height;
  const scale = EXPORT_SCALE;
  const top = LAYOUT.padding + (spec.banner ? LAYOUT.bannerHeight + 8 : 0);
  const bodyTop = top + LAYOUT.headerHeight;
  const canvas = document.createElement('canvas');
  const ctx = canvas.getContext('2d');
  if (!ctx) throw new Error('This browser cannot draw the export image (no 2D canvas).');
  const bodyHeight = Math.max(mapHeight, legendHeight(ctx, spec.legend));
  const width = LAYOUT.padding * 2 + mapWidth + LAYOUT.gap + LAYOUT.legendWidth;
  const height = bodyTop + bodyHeight + LAYOUT.gap + spec.notes.length * LAYOUT.noteLineHeight + LAYOUT.padding;
  // Resizing a canvas resets its context state: size it before any drawing state is set.
  canvas.width = Math.round(width * scale);
  canvas.height = Math.round(height * scale);
  ctx.scale(scale, scale);
  ctx.fillStyle = PAPER;
  ctx.fillRect(0, 0, width, height);
  ctx.textBaseline = 'alphabetic';

  if (spec.banner) {
    ctx.fillStyle = BANNER_FILL;
    ctx.fillRect(LAYOUT.padding, LAYOUT.padding, width - 2 * LAYOUT.padding, LAYOUT.bannerHeight);
    ctx.fillStyle = BANNER_INK;
    ctx.font = font(14, 700);
    ctx.fillText(spec.banner, LAYOUT.padding + 10, LAYOUT.padding + 20);
  }
  ctx.fillStyle = INK;
  ctx.font = font(22, 700);
  ctx.fillText(spec.title, LAYOUT.padding, top + 26);
  ctx.fillStyle = MUTED;
  ctx.font = font(15);
  ctx.fillText(spec.subtitle, LAYOUT.padding, top + 50);

  drawScene(ctx, scene, LAYOUT.padding, bodyTop, LABEL_CSS_FAMILY, scale);
  ctx.strokeStyle = FRAME;
  ctx.lineWidth = 1;
  ctx.strokeRect(LAYOUT.padding, bodyTop, mapWidth, mapHeight);
  drawLegend(ctx, spec, LAYOUT.padding + mapWidth + LAYOUT.gap, bodyTop);

  ctx.fillStyle = MUTED;
  ctx.font = font(12);
  spec.notes.forEach((note, i) => {
    ctx.fillText(note, LAYOUT.padding, bodyTop + bodyHeight + LAYOUT.gap + (i + 1) * LAYOUT.noteLineHeight - 4);
  });

  return new Promise<Blob>((resolve, reject) => {
    canvas.toBlob((blob) => (blob ? resolve(blob) : reject(new Error('The export image could not be encoded.'))), 'image/png');
  });
}
