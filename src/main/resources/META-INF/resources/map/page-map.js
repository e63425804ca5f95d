// The small map of an HTML page of features (a page of items, or one item): the page's GeoJSON, read from the
// URL in data-features (the page's JSON representation), over the offline basemap.
import * as maplibregl from './lib/maplibre-gl.mjs';
import {BASEMAP_LAYERS, loadBasemap} from './basemap.js';
import {extendBy} from './bounds.js';

const container = document.getElementById('page-map');
const lib = new URL('lib/', import.meta.url).href;
const empty = {type: 'FeatureCollection', features: []};

const map = new maplibregl.Map({
  container,
  style: {
    version: 8,
    sources: {land: {type: 'geojson', data: empty}, borders: {type: 'geojson', data: empty},
      page: {type: 'geojson', data: empty}},
    layers: [...BASEMAP_LAYERS,
      {id: 'areas', type: 'fill', source: 'page', filter: ['==', ['geometry-type'], 'Polygon'],
        paint: {'fill-color': '#d62728', 'fill-opacity': 0.25}},
      {id: 'lines', type: 'line', source: 'page', filter: ['!=', ['geometry-type'], 'Point'],
        paint: {'line-color': '#d62728', 'line-width': 2}},
      {id: 'points', type: 'circle', source: 'page', filter: ['==', ['geometry-type'], 'Point'],
        paint: {'circle-color': '#d62728', 'circle-radius': 6, 'circle-stroke-color': '#fff', 'circle-stroke-width': 1.5}}],
  },
  center: [0, 20],
  zoom: 1,
  attributionControl: {compact: true, customAttribution: 'Natural Earth'},
});

map.once('load', async () => {
  const response = await fetch(container.dataset.features, {headers: {Accept: 'application/geo+json'}});
  const geojson = await response.json();
  await loadBasemap(map, `${lib}countries-50m.json`);
  map.getSource('page').setData(geojson);
  const features = geojson.type === 'FeatureCollection' ? geojson.features : [geojson];
  const b = features.reduce((all, f) => extendBy(all, f.geometry), new maplibregl.LngLatBounds());
  if (!b.isEmpty()) {
    map.fitBounds(b, {padding: 30, maxZoom: 13, duration: 0});
  }
  map.once('idle', () => { container.dataset.ready = 'true'; }); // drawn: for scripts and tests
});
