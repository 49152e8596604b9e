/**
 * Props MapLibreOverlay reads in interleaved mode but deck.gl's layer types do not declare:
 * `beforeId` puts a deck.gl layer under the named MapLibre layer (fills under boundary lines).
 */
export interface InterleavedProps {
  beforeId?: string;
}
