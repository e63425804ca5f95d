// The map's view and filters, kept in the URL's fragment so that a map can be shared, bookmarked and reloaded as
// it was: #map=ZOOM/LAT/LON&category=a,b&from=YYYY-MM-DD&to=YYYY-MM-DD&region=ID&near=LON,LAT&radius=25km&shade=0
// (the fragment never reaches the server, whose endpoints refuse parameters they do not know).

export const CATEGORIES = [
  {id: 'battles', label: 'Battles', color: '#d62728'},
  {id: 'explosions_remote_violence', label: 'Explosions/Remote violence', color: '#ff7f0e'},
  {id: 'violence_against_civilians', label: 'Violence against civilians', color: '#9467bd'},
  {id: 'protests', label: 'Protests', color: '#2ca02c'},
  {id: 'riots', label: 'Riots', color: '#8c564b'},
  {id: 'strategic_developments', label: 'Strategic developments', color: '#1f77b4'},
];

const DAY = /^\d{4}-\d{2}-\d{2}$/;
const RADIUS = /^\d+(\.\d+)?(m|km)$/;

/** The state a fragment describes; what is missing or malformed falls back to the default. */
export function readState(hash, defaults) {
  const p = new URLSearchParams(hash.replace(/^#/, ''));
  const state = {...defaults, categories: null, from: null, to: null, region: null, near: null, radius: '25km',
    shade: p.get('shade') !== '0'};
  const view = (p.get('map') || '').split('/').map(Number);
  if (view.length === 3 && view.every(Number.isFinite)) {
    [state.zoom, state.lat, state.lon] = view;
  }
  const known = new Set(CATEGORIES.map(c => c.id));
  if (p.has('category')) {
    state.categories = new Set(p.get('category').split(',').filter(c => known.has(c)));
  }
  state.from = DAY.test(p.get('from')) ? p.get('from') : null;
  state.to = DAY.test(p.get('to')) ? p.get('to') : null;
  state.region = p.get('region') || null;
  const near = (p.get('near') || '').split(',').map(Number);
  if (near.length === 2 && near.every(Number.isFinite)) {
    state.near = near;
  }
  if (RADIUS.test(p.get('radius'))) {
    state.radius = p.get('radius');
  }
  return state;
}

/** The fragment of {@code state}; commas and slashes are kept readable. */
export function writeState(state) {
  const parts = [`map=${state.zoom.toFixed(2)}/${state.lat.toFixed(5)}/${state.lon.toFixed(5)}`];
  if (state.categories) {
    parts.push(`category=${[...state.categories].join(',')}`);
  }
  for (const key of ['from', 'to', 'region']) {
    if (state[key]) {
      parts.push(`${key}=${encodeURIComponent(state[key])}`);
    }
  }
  if (state.near) {
    parts.push(`near=${state.near.map(v => v.toFixed(5)).join(',')}`, `radius=${state.radius}`);
  }
  if (!state.shade) {
    parts.push('shade=0');
  }
  return '#' + parts.join('&');
}

/**
 * The service's query parameters for the filters (category, datetime, region unless left out), as items, tiles
 * and counts take them; null when the categories chosen leave nothing to show.
 */
export function filterParams(state, {withRegion = true} = {}) {
  const params = new URLSearchParams();
  if (state.categories) {
    if (state.categories.size === 0) {
      return null;
    }
    if (state.categories.size < CATEGORIES.length) {
      params.set('category', [...state.categories].join(','));
    }
  }
  if (state.from || state.to) {
    params.set('datetime', `${state.from || '..'}/${state.to || '..'}`);
  }
  if (withRegion && state.region) {
    params.set('region', state.region);
  }
  return params;
}
