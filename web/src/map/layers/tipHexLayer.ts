/**
 * Tips per H3 cell from /api/grid?layer=tips. The server has already applied the minimum cell
 * count k (with secondary suppression): a suppressed cell is drawn in the "suppressed" grey with
 * a dark outline, never as 0 and never in a class colour. Empty cells are not drawn.
 */
import { H3HexagonLayer, type H3HexagonLayerProps } from '@deck.gl/geo-layers';
import type { GridCell } from '#contract/api';
import { classIndex } from '#contract';
import { countClassBreaks } from '../../style/classify';
import { TIP_HEX_BREAKS } from '../../style/domains';
import { NO_DATA_COLOR, SUPPRESSED_COLOR, TIP_HEX_RAMP, type Rgb } from '../../style/palettes';
import type { InterleavedProps } from './interleaved';

export const TIP_HEX_LAYER_ID = 'tip-hex';

const FILL_ALPHA = 215;
const SUPPRESSED_OUTLINE: [number, number, number, number] = [60, 60, 60, 255];
const CELL_OUTLINE: [number, number, number, number] = [255, 255, 255, 160];
/** TIP_HEX_BREAKS are the first count of each class; the shared rule needs upper bounds. */
const TIP_HEX_CLASS_BREAKS = countClassBreaks(TIP_HEX_BREAKS);

export interface TipHexLayerInput {
  cells: GridCell[];
  visible: boolean;
  beforeId: string;
}

export function tipCellColor(cell: GridCell): Rgb {
  if (cell.suppressed || cell.count === null) return SUPPRESSED_COLOR;
  const index = classIndex(cell.count, TIP_HEX_CLASS_BREAKS);
  return index === null ? NO_DATA_COLOR : (TIP_HEX_RAMP[index] as Rgb);
}

export function tipHexLayer(input: TipHexLayerInput): H3HexagonLayer<GridCell> {
  const drawn = input.cells.filter((cell) => cell.suppressed || (cell.count ?? 0) > 0);
  const props: H3HexagonLayerProps<GridCell> & InterleavedProps = {
    id: TIP_HEX_LAYER_ID,
    data: drawn,
    visible: input.visible,
    beforeId: input.beforeId,
    pickable: true,
    autoHighlight: true,
    extruded: false,
    stroked: true,
    highPrecision: 'auto',
    getHexagon: (cell) => cell.h3,
    getFillColor: (cell) => [...tipCellColor(cell), FILL_ALPHA],
    getLineColor: (cell) => (cell.suppressed ? SUPPRESSED_OUTLINE : CELL_OUTLINE),
    lineWidthUnits: 'pixels',
    getLineWidth: (cell) => (cell.suppressed ? 1.5 : 0.5),
  };
  return new H3HexagonLayer<GridCell>(props);
}
