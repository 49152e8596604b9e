/** The PNG export action: compose the image in the map chunk, then hand it to the browser as a download. */
import { useCallback, useRef, useState, type RefObject } from 'react';
import type { ExportSpec } from './map/exportPng';
import type { MapHandle } from './map/MapView';

interface UseExportInput {
  mapHandle: RefObject<MapHandle | null>;
  spec: ExportSpec;
  fileName: string;
}

export function useExport({ mapHandle, spec, fileName }: UseExportInput) {
  const [exporting, setExporting] = useState(false);
  const [exportError, setExportError] = useState(false);
  const latest = useRef({ spec, fileName });
  latest.current = { spec, fileName };

  const exportPng = useCallback(async () => {
    const handle = mapHandle.current;
    if (!handle) return;
    setExporting(true);
    setExportError(false);
    try {
      const blob = await handle.exportImage(latest.current.spec);
      const url = URL.createObjectURL(blob);
      const link = document.createElement('a');
      link.href = url;
      link.download = latest.current.fileName;
      document.body.append(link);
      link.click();
      link.remove();
      // Give the browser a moment to start the download before the URL goes away.
      window.setTimeout(() => URL.revokeObjectURL(url), 10_000);
    } catch {
      setExportError(true);
    } finally {
      setExporting(false);
    }
  }, [mapHandle]);

  return { exporting, exportError, exportPng };
}
