/**
 * Tips per H3 cell from /api/grid?layer=tips. The server has already applied the minimum cell
 * count k (with secondary suppression): a suppressed cell is drawn in the "suppressed" grey with
 * a dark outline, never as 0 and never in a class colour. Empty cells are not drawn.
 */
import { H3HexagonLayer, type H3HexagonLayerProps } from '@deck.gl/geo-layers';
import type { GridCell } from '#contract/api';
import { tipCellColor } from '../../style/layerColors';
import type { InterleavedProps } from './interleaved';

export const TIP_HEX_LAYER_ID = 'tip-hex';

const FILL_ALPHA = 215;
const SUPPRESSED_OUTLINE: [number, number, number, number] = [60, 60, 60, 255];
const CELL_OUTLINE: [number, number, number, number] = [255, 255, 255, 160];

export interface TipHexLayerInput {
  cells: GridCell[];
  visible: boolean;
  beforeId: string;
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
