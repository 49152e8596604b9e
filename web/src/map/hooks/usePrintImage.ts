/** Print shows the map as an image of its last frame (the map keeps its drawing buffer), scaled without distortion. */
import { useEffect, useState } from 'react';
import type { Map as MapLibreMap } from 'maplibre-gl';

/** A PNG data URL of the map while the page is being printed, null otherwise. */
export function usePrintImage(map: MapLibreMap | null): string | null {
  const [image, setImage] = useState<string | null>(null);
  useEffect(() => {
    if (!map) return;
    const before = () => setImage(map.getCanvas().toDataURL('image/png'));
    const after = () => setImage(null);
    window.addEventListener('beforeprint', before);
    window.addEventListener('afterprint', after);
    return () => {
      window.removeEventListener('beforeprint', before);
      window.removeEventListener('afterprint', after);
      setImage(null);
    };
  }, [map]);
  return image;
}
