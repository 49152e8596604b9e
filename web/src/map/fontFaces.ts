/**
 * The font MapLibre draws labels with: Noto Sans from @fontsource, served by our own server,
 * declared through the style's `font-faces` so no glyph server is needed and Vietnamese
 * letters (ạ ế ữ đ …) render whole. Ranges copied from the @fontsource subset CSS.
 */
import type { FontFacesSpecification } from 'maplibre-gl';
import latinUrl from '@fontsource/noto-sans/files/noto-sans-latin-400-normal.woff2?url';
import latinExtUrl from '@fontsource/noto-sans/files/noto-sans-latin-ext-400-normal.woff2?url';
import vietnameseUrl from '@fontsource/noto-sans/files/noto-sans-vietnamese-400-normal.woff2?url';

export const LABEL_FONT = 'Noto Sans Regular';
/** The CSS family @fontsource registers for the page; the PNG export writes with it. */
export const LABEL_CSS_FAMILY = 'Noto Sans';

const LATIN = ['U+0000-00FF', 'U+0131', 'U+0152-0153', 'U+02BB-02BC', 'U+02C6', 'U+02DA', 'U+02DC', 'U+2000-206F', 'U+20AC', 'U+2122', 'U+2212', 'U+FEFF', 'U+FFFD'];
const VIETNAMESE = ['U+0102-0103', 'U+0110-0111', 'U+0128-0129', 'U+0168-0169', 'U+01A0-01A1', 'U+01AF-01B0', 'U+0300-0301', 'U+0303-0304', 'U+0308-0309', 'U+0323', 'U+0329', 'U+1EA0-1EF9', 'U+20AB'];
const LATIN_EXT = ['U+0100-02BA', 'U+02BD-02C5', 'U+02C7-02CC', 'U+02CE-02D7', 'U+02DD-02FF', 'U+1D00-1DBF', 'U+1E00-1E9F', 'U+1EF2-1EFF', 'U+2020', 'U+20A0-20AB', 'U+20AD-20C0', 'U+2113', 'U+2C60-2C7F', 'U+A720-A7FF'];

function absolute(url: string): string {
  return new URL(url, window.location.href).href;
}

export function labelFontFaces(): FontFacesSpecification {
  return {
    [LABEL_FONT]: [
      { url: absolute(latinUrl), 'unicode-range': LATIN },
      { url: absolute(vietnameseUrl), 'unicode-range': VIETNAMESE },
      { url: absolute(latinExtUrl), 'unicode-range': LATIN_EXT },
    ],
  };
}
