/**
 * Colours of the offline basemap, as CSS colours for the MapLibre style. Everything but the
 * rivers is a low-chroma grey, so every saturated colour on the map is data (or water). The
 * province is the lightest land, so it reads as the subject; its neighbours are a muted paper
 * tone and what lies beyond the region a pale water grey.
 */
export const BASEMAP_COLORS = {
  /** Beyond the neighbouring provinces (the frame in app.css uses the same). */
  outside: '#cddbe6',
  neighbourLand: '#e7e5de',
  neighbourLine: '#a29e94',
  neighbourLabel: '#6f6b62',
  river: '#5f93c2',
  riverLabel: '#2f5f8a',
  town: '#3f3f3f',
  townLabel: '#333333',
  land: '#fbfbf8',
  communeLine: '#a3a3a3',
  communeLabel: '#1a1a1a',
  districtLine: '#5b5b5b',
  provinceLine: '#1f1f1f',
  districtLabel: '#2b2b2b',
  labelHalo: 'rgba(255, 255, 255, 0.9)',
  /** Halo of names written on the neighbours' land. */
  neighbourHalo: 'rgba(231, 229, 222, 0.9)',
} as const;
