/**
 * The PNG export action: the static map of the view composed in its own chunk (loaded on the first
 * export), then handed to the browser as a download.
 */
import { useCallback, useRef, useState } from 'react';
import type { ExportSpec } from './staticMap/exportImage';
import type { StaticMapView } from './staticMap/fromAtlas';

interface UseExportInput {
  view: StaticMapView;
  spec: ExportSpec;
  fileName: string;
}

export function useExport({ view, spec, fileName }: UseExportInput) {
  const [exporting, setExporting] = useState(false);
  const [exportError, setExportError] = useState(false);
  const latest = useRef({ view, spec, fileName });
  latest.current = { view, spec, fileName };

  const exportPng = useCallback(async () => {
    setExporting(true);
    setExportError(false);
    try {
      const { exportView } = await import('./staticMap/exportView');
      const blob = await exportView(latest.current.view, latest.current.spec);
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
  }, []);

  return { exporting, exportError, exportPng };
}
