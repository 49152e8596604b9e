/** The PNG export of a view: its static map at the export's size, composed with title, legend and notes. */
import { exportMapImage, type ExportSpec } from './exportImage';
import { staticMapInput, type StaticMapView } from './fromAtlas';
import type { PageSize } from './projection';
import { buildScene } from './scene';

/** The map part of the export, in layout units (the image is twice this): a landscape page's proportions. */
export const EXPORT_MAP_SIZE: PageSize = { width: 1100, height: 780 };

export function exportView(view: StaticMapView, spec: ExportSpec): Promise<Blob> {
  const input = staticMapInput(view, EXPORT_MAP_SIZE);
  if (!input) return Promise.reject(new Error('The boundaries have not loaded yet.'));
  return exportMapImage(buildScene(input), spec);
}
