// The incident map: the service's vector tiles over an offline basemap, with category, time and region filters,
// a regions choropleth, popups and a nearest-incidents tool; view and filters live in the URL fragment.
// window.incidentMap exposes the map (MapLibre's API) and a few hooks for scripts and the browser tests.
import * as maplibregl from './lib/maplibre-gl.mjs';
import {CATEGORIES, filterParams, readState, writeState} from './state.js';
import {INCIDENT_LAYERS, SINGLE_LAYERS, mapStyle} from './style.js';
import {loadBasemap} from './basemap.js';
import {extendBy} from './bounds.js';
import {popupContent} from './popup.js';
import {circle, distanceText, metres, nearest} from './radius.js';

// The service's API, relative to this page (/map/), so that the map works behind a proxy that adds a path.
const API = new URL('../', location.href).href;
const TILES = `${API}collections/incidents/tiles/WebMercatorQuad/{z}/{y}/{x}`;
const CLICKABLE_LAYERS = [...SINGLE_LAYERS, 'clusters'];
const MOST_IN_A_POPUP = 20;

const state = readState(location.hash, {zoom: 2, lat: 20, lon: 20});
const $ = id => document.getElementById(id);
let picking = false;
let popup = null;
/** Settles when the tiles asked for by the latest filters have been drawn. */
let tilesDrawn = Promise.resolve();
/** Changes the live feed has told of since the page opened. */
let changes = 0;

function status(text) {
  $('status').textContent = text;
}

function query(params) {
  const text = params ? params.toString() : '';
  return text ? `?${text}` : '';
}

async function getJson(url, accept = 'application/json') {
  const response = await fetch(url, {headers: {Accept: accept}});
  if (!response.ok) {
    const problem = await response.json().catch(() => ({}));
    throw new Error(problem.detail || `${url} answered ${response.status}`);
  }
  return response.json();
}

const map = new maplibregl.Map({
  container: 'map',
  style: mapStyle(TILES + query(filterParams(state))),
  center: [state.lon, state.lat],
  zoom: state.zoom,
  maxZoom: 19,
  attributionControl: {compact: true, customAttribution: 'Natural Earth · incidents: this service'},
});
map.addControl(new maplibregl.NavigationControl(), 'top-right');
map.addControl(new maplibregl.ScaleControl({unit: 'metric'}), 'bottom-right');

function saveState() {
  const c = map.getCenter();
  Object.assign(state, {zoom: map.getZoom(), lat: c.lat, lon: c.lng});
  history.replaceState(null, '', writeState(state));
}

/** Regions shaded by their share of the largest count, for every filter but the region itself. */
async function loadChoropleth() {
  const params = filterParams(state, {withRegion: false}) || new URLSearchParams({category: '__none__'});
  if (params.get('category') === '__none__') {
    map.getSource('regions').setData({type: 'FeatureCollection', features: []});
    return;
  }
  params.set('by', 'region');
  params.set('f', 'geojson');
  const regions = await getJson(`${API}collections/incidents/aggregate?${params}`, 'application/geo+json');
  const most = Math.max(1, ...regions.features.map(f => f.properties.incidents));
  regions.features.forEach(f => { f.properties.share = f.properties.incidents / most; });
  map.getSource('regions').setData(regions);
  map.setLayoutProperty('regions-fill', 'visibility', state.shade ? 'visible' : 'none');
  $('legend').replaceChildren();
  if (state.shade) {
    const ends = document.createElement('div');
    ends.className = 'ends';
    ends.append(Object.assign(document.createElement('span'), {textContent: '0'}),
      Object.assign(document.createElement('span'), {textContent: `${most} incidents`}));
    $('legend').append(Object.assign(document.createElement('div'), {className: 'ramp'}), ends);
  }
}

async function countMatches() {
  const params = filterParams(state);
  if (!params) {
    status('No category chosen: nothing to show.');
    return;
  }
  params.set('by', 'category');
  const counts = await getJson(`${API}collections/incidents/aggregate?${params}`);
  status(`${counts.total.incidents.toLocaleString('en')} incidents match, `
    + `${counts.total.fatalities.toLocaleString('en')} fatalities reported.`);
}

function showIncidents() {
  const params = filterParams(state);
  const visibility = params ? 'visible' : 'none';
  for (const layer of INCIDENT_LAYERS) {
    if (map.getLayoutProperty(layer, 'visibility') !== visibility) {
      map.setLayoutProperty(layer, 'visibility', visibility);
    }
  }
  if (params) {
    // setTiles reloads the tiles asynchronously ("content" data event): the map may be idle once more before.
    tilesDrawn = new Promise(resolve => {
      const reloading = e => {
        if (e.sourceId === 'incidents' && e.sourceDataType === 'content') {
          map.off('sourcedata', reloading);
          map.once('idle', () => resolve());
        }
      };
      map.on('sourcedata', reloading);
    });
    map.getSource('incidents').setTiles([TILES + query(params)]);
  }
}

async function refresh() {
  saveState();
  showIncidents();
  const work = [loadChoropleth(), countMatches()];
  if (state.near) {
    work.push(searchNearest(state.near));
  }
  try {
    await Promise.all(work);
  } catch (e) {
    status(`Could not load: ${e.message}`);
  }
}

/** The radius tool's search: the list beside the map, the circle and rings on it. */
async function searchNearest(center) {
  state.near = center;
  state.radius = $('radius').value;
  saveState();
  const filters = filterParams(state);
  const found = filters ? await nearest(API, center, state.radius, filters)
    : {features: [], numberMatched: 0};
  const list = $('nearest');
  list.replaceChildren();
  for (const f of found.features) {
    const item = document.createElement('li');
    item.dataset.id = f.id;
    item.append(`${f.properties.title} `, Object.assign(document.createElement('span'),
      {className: 'distance', textContent: `(${distanceText(f.properties.distance_m)})`}));
    item.addEventListener('click', () => {
      map.flyTo({center: f.geometry.type === 'Point' ? f.geometry.coordinates : center, zoom: Math.max(map.getZoom(), 12)});
      openPopup([f], f.geometry.type === 'Point' ? f.geometry.coordinates : center);
    });
    list.append(item);
  }
  if (!found.features.length) {
    list.append(Object.assign(document.createElement('li'), {textContent: `Nothing within ${state.radius}.`}));
  }
  const points = found.features.filter(f => f.geometry.type === 'Point')
    .map(f => ({type: 'Feature', properties: {}, geometry: f.geometry}));
  map.getSource('nearest').setData({type: 'FeatureCollection',
    features: [circle(center, metres(state.radius)), ...points]});
  return found;
}

function clearNearest() {
  state.near = null;
  $('nearest').replaceChildren();
  map.getSource('nearest').setData({type: 'FeatureCollection', features: []});
  saveState();
}

function setPicking(on) {
  picking = on;
  $('radius-tool').setAttribute('aria-pressed', String(on));
  map.getCanvasContainer().classList.toggle('picking', on);
}

function openPopup(features, lngLat) {
  popup?.remove();
  popup = new maplibregl.Popup({maxWidth: '340px'}).setLngLat(lngLat).setDOMContent(popupContent(features))
    .addTo(map);
  return popup;
}

/** Every incident drawn under the click (several when they share a point), read in full from the service. */
async function popupAt(point, lngLat) {
  const box = [[point.x - 6, point.y - 6], [point.x + 6, point.y + 6]];
  const hits = map.queryRenderedFeatures(box, {layers: CLICKABLE_LAYERS});
  const ids = [...new Set(hits.filter(f => SINGLE_LAYERS.includes(f.layer.id)).map(f => f.id))];
  if (!ids.length) {
    if (hits.length) {
      map.easeTo({center: lngLat, zoom: Math.min(map.getZoom() + 2, 12)});
    }
    return null;
  }
  const features = await Promise.all(ids.slice(0, MOST_IN_A_POPUP).map(id =>
    getJson(`${API}collections/incidents/items/${encodeURIComponent(id)}`, 'application/geo+json')));
  return openPopup(features, lngLat);
}

function buildControls(regions) {
  for (const c of CATEGORIES) {
    const box = Object.assign(document.createElement('input'), {type: 'checkbox', value: c.id,
      checked: !state.categories || state.categories.has(c.id)});
    box.addEventListener('change', () => {
      const chosen = [...document.querySelectorAll('#categories input:checked')].map(i => i.value);
      state.categories = chosen.length === CATEGORIES.length ? null : new Set(chosen);
      refresh();
    });
    const label = document.createElement('label');
    label.append(box, Object.assign(document.createElement('span'), {className: 'swatch'}), c.label);
    label.querySelector('.swatch').style.background = c.color;
    $('categories').append(label);
  }
  $('from').value = state.from || '';
  $('to').value = state.to || '';
  for (const id of ['from', 'to']) {
    $(id).addEventListener('change', () => {
      state[id] = $(id).value || null;
      refresh();
    });
  }
  $('clear-time').addEventListener('click', () => {
    $('from').value = $('to').value = '';
    state.from = state.to = null;
    refresh();
  });
  for (const r of regions.features) {
    $('region').append(new Option(`${r.properties.name} (${r.properties.kind})`, r.id));
  }
  $('region').value = state.region || '';
  $('region').addEventListener('change', () => {
    state.region = $('region').value || null;
    const region = regions.features.find(r => r.id === state.region);
    if (region) {
      map.fitBounds(extendBy(new maplibregl.LngLatBounds(), region.geometry), {padding: 30});
    }
    refresh();
  });
  $('choropleth').checked = state.shade;
  $('choropleth').addEventListener('change', () => {
    state.shade = $('choropleth').checked;
    refresh();
  });
  $('radius').value = state.radius;
  $('radius').addEventListener('change', () => state.near && searchNearest(state.near));
  $('radius-tool').addEventListener('click', () => setPicking(!picking));
  $('radius-clear').addEventListener('click', clearNearest);
}

map.on('click', e => {
  if (picking) {
    setPicking(false);
    searchNearest([e.lngLat.lng, e.lngLat.lat]).catch(err => status(`Could not search: ${err.message}`));
    return;
  }
  popupAt(e.point, e.lngLat).catch(err => status(`Could not open the incident: ${err.message}`));
});
for (const layer of CLICKABLE_LAYERS) {
  map.on('mouseenter', layer, () => { map.getCanvas().style.cursor = 'pointer'; });
  map.on('mouseleave', layer, () => { map.getCanvas().style.cursor = ''; });
}
map.on('moveend', saveState);
map.on('error', e => status(`Map: ${e.error?.message || e.error || 'error'}`));

const ready = new Promise(resolve => map.once('load', resolve)).then(async () => {
  const [regions, collection] = await Promise.all([
    getJson(API + 'collections/regions/items?limit=1000', 'application/geo+json'),
    getJson(API + 'collections/incidents'),
    loadBasemap(map, 'lib/countries-50m.json'),
  ]);
  buildControls(regions);
  const extent = collection.extent?.spatial?.bbox?.[0];
  if (!/(^|[#&])map=/.test(location.hash) && extent) {
    map.fitBounds([[extent[0], extent[1]], [extent[2], extent[3]]], {padding: 40, maxZoom: 10, duration: 0});
  }
  await refresh();
  followChanges();
}).catch(e => status(`Could not load the map: ${e.message}`));

/**
 * Redraws when incidents are added, changed or removed, as the service's change feed (server-sent events) tells:
 * once a second at most, however many changes arrive. EventSource reconnects by itself, missing none.
 * The feed is open only while the page is shown: a browser gives a host six HTTP/1.1 connections, and feeds held
 * by hidden tabs (or by pages kept in the back-forward cache) would leave none for the tiles. A page shown again
 * redraws once, for what changed meanwhile.
 */
function followChanges() {
  if (!window.EventSource) {
    return;
  }
  let feed = null;
  let pending = null;
  const changed = () => {
    changes += 1;
    clearTimeout(pending);
    pending = setTimeout(() => refresh(), 1000);
  };
  const open = () => {
    if (!feed) {
      feed = new EventSource(`${API}collections/incidents/changes`);
      for (const op of ['create', 'update', 'delete']) {
        feed.addEventListener(op, changed);
      }
    }
  };
  const close = () => {
    feed?.close();
    feed = null;
  };
  const shownAgain = () => {
    if (!feed) {
      open();
      refresh();
    }
  };
  document.addEventListener('visibilitychange', () => (document.hidden ? close() : shownAgain()));
  window.addEventListener('pagehide', close);
  window.addEventListener('pageshow', shownAgain);
  if (!document.hidden) {
    open();
  }
}

window.incidentMap = {
  map,
  state,
  ready,
  /** Resolves once the map has drawn everything it was asked to (tiles of the latest filters, no move running). */
  idle: () => tilesDrawn.then(() => new Promise(resolve =>
    (map.loaded() && !map.isMoving() ? resolve() : map.once('idle', resolve)))),
  /** Single incidents and clusters drawn now, as MapLibre reports them. */
  rendered: () => map.queryRenderedFeatures({layers: CLICKABLE_LAYERS}),
  popupAt: (lon, lat) => popupAt(map.project([lon, lat]), {lng: lon, lat}),
  /** How many changes the live feed has told of. */
  changes: () => changes,
};
