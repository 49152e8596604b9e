/**
 * What each role may see, mirroring the roles the API declares on its routes: viewers get the
 * briefing aggregates, analysts also get hotspots, emerging hot spots, model locations and the planner. The server
 * enforces it; the app only avoids offering what would answer 403.
 */
import { ROLES, type Role } from '#contract';
import { enclosingYears, isWholeYears } from './period';
import { DEFAULT_STATE, VIEWS, type AtlasState, type MapLayerId, type View } from './atlasState';

const LAYER_MIN_ROLE: Record<MapLayerId, Role> = {
  choropleth: 'viewer',
  heatmap: 'viewer',
  tipHex: 'viewer',
  labels: 'viewer',
  hotspots: 'analyst',
  emerging: 'analyst',
  models: 'analyst',
};

/** The planner answers analysts and administrators only (server/routes/planner.ts). */
const VIEW_MIN_ROLE: Record<View, Role> = {
  briefing: 'viewer',
  explore: 'viewer',
  planner: 'analyst',
};

export function roleAtLeast(role: Role, minimum: Role): boolean {
  return ROLES.indexOf(role) >= ROLES.indexOf(minimum);
}

export function canSeeLayer(role: Role, layer: MapLayerId): boolean {
  return roleAtLeast(role, LAYER_MIN_ROLE[layer]);
}

export function canSeeView(role: Role, view: View): boolean {
  return roleAtLeast(role, VIEW_MIN_ROLE[view]);
}

export function allowedViews(role: Role): View[] {
  return VIEWS.filter((view) => canSeeView(role, view));
}

/**
 * Below admin, tip and outcome figures are published for whole calendar years only (the server's
 * reporting calendar); admins see exact figures for any days.
 */
export function canChooseDays(role: Role): boolean {
  return role === 'admin';
}

/** The state with everything the role may not see removed, so a shared link degrades safely. */
export function restrictToRole(state: AtlasState, role: Role): AtlasState {
  const layers = state.layers.filter((layer) => canSeeLayer(role, layer));
  const view = canSeeView(role, state.view) ? state.view : DEFAULT_STATE.view;
  // An admin's link with days opens on the whole years that hold them, which the server answers.
  const period = canChooseDays(role) || isWholeYears(state.period) ? state.period : enclosingYears(state.period);
  const same = layers.length === state.layers.length && view === state.view && period === state.period;
  return same ? state : { ...state, layers, view, period };
}
