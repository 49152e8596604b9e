/**
 * What each role may see, mirroring the roles the API declares on its routes: viewers get the
 * briefing aggregates, analysts also get hotspots and model locations. The server enforces it;
 * the app only avoids offering what would answer 403.
 */
import { ROLES, type Role } from '../api/pendingContract';
import type { AtlasState, MapLayerId } from './atlasState';

const LAYER_MIN_ROLE: Record<MapLayerId, Role> = {
  choropleth: 'viewer',
  heatmap: 'viewer',
  tipHex: 'viewer',
  labels: 'viewer',
  hotspots: 'analyst',
  models: 'analyst',
};

export function roleAtLeast(role: Role, minimum: Role): boolean {
  return ROLES.indexOf(role) >= ROLES.indexOf(minimum);
}

export function canSeeLayer(role: Role, layer: MapLayerId): boolean {
  return roleAtLeast(role, LAYER_MIN_ROLE[layer]);
}

/** The state with everything the role may not see removed, so a shared link degrades safely. */
export function restrictToRole(state: AtlasState, role: Role): AtlasState {
  const layers = state.layers.filter((layer) => canSeeLayer(role, layer));
  return layers.length === state.layers.length ? state : { ...state, layers };
}
