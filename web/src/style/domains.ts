/**
 * Fixed colour domains: the same colour means the same number in every view, year and filter,
 * so a map from one briefing can be compared with the next.
 */

/**
 * Group density (groups per km²) at which the heatmap reaches its top colour. Town centres
 * of Vĩnh Yên and Phúc Yên reach this; rural communes sit at a few per km².
 */
export const GROUP_DENSITY_MAX_PER_KM2 = 40;
/** Below this density the surface fades out, so empty forest does not read as "low coverage". */
export const GROUP_DENSITY_FADE_PER_KM2 = 0.5;
/** Legend ticks of the density ramp. */
export const GROUP_DENSITY_TICKS = [0, 10, 20, 30, 40] as const;

/**
 * Tip counts per hexagon: fixed class starts, the last class open-ended. Below admin, counts
 * under k (5 by default) arrive suppressed and are drawn as such, so the "1–4" class only ever
 * shows for administrators; the classes stay the same for every role.
 */
export const TIP_HEX_BREAKS = [1, 5, 10, 20, 40] as const;

/** H3 resolution of the heatmap and hexagon layers: ~0.74 km² cells, village scale. */
export const GRID_RESOLUTION = 8;
