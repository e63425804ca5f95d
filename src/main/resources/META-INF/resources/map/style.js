// The map's style: an offline basemap (Natural Earth coastlines and borders from world-atlas), the stored regions
// shaded by their incident counts, and the incidents' vector tiles: clusters with their counts below the service's
// cluster zoom, single incidents above it, coloured by category and sized by fatalities.
import {BASEMAP_LAYERS} from './basemap.js';
import {CATEGORIES} from './state.js';

/** Layers that draw single incidents (points, areas, lines), and all that draw incidents or clusters. */
export const SINGLE_LAYERS = ['incidents', 'incident-areas', 'incident-lines'];
export const INCIDENT_LAYERS = [...SINGLE_LAYERS, 'clusters', 'cluster-counts', 'incident-stacks'];

const categoryColor = ['match', ['get', 'category'], ...CATEGORIES.flatMap(c => [c.id, c.color]), '#777777'];
const abbreviatedCount = ['case', ['>=', ['get', 'count'], 10000],
  ['concat', ['to-string', ['round', ['/', ['get', 'count'], 1000]]], 'k'],
  ['>=', ['get', 'count'], 1000],
  ['concat', ['to-string', ['/', ['round', ['/', ['get', 'count'], 100]], 10]], 'k'],
  ['to-string', ['get', 'count']]];
const empty = {type: 'FeatureCollection', features: []};

export function mapStyle(tileUrl) {
  return {
    version: 8,
    sources: {
      land: {type: 'geojson', data: empty},
      borders: {type: 'geojson', data: empty},
      regions: {type: 'geojson', data: empty},
      nearest: {type: 'geojson', data: empty},
      incidents: {type: 'vector', tiles: [tileUrl], minzoom: 0, maxzoom: 16},
    },
    layers: [
      ...BASEMAP_LAYERS,
      {id: 'regions-fill', type: 'fill', source: 'regions', paint: {
        'fill-color': ['interpolate', ['linear'], ['get', 'share'], 0, '#fff5eb', 0.5, '#fd8d3c', 1, '#7f2704'],
        'fill-opacity': 0.35}},
      {id: 'regions-line', type: 'line', source: 'regions', paint: {'line-color': '#8c2d04', 'line-width': 1}},
      {id: 'nearest-area', type: 'fill', source: 'nearest', filter: ['==', ['geometry-type'], 'Polygon'],
        paint: {'fill-color': '#ffd54f', 'fill-opacity': 0.2}},
      {id: 'nearest-edge', type: 'line', source: 'nearest', filter: ['==', ['geometry-type'], 'Polygon'],
        paint: {'line-color': '#f9a825', 'line-width': 2}},
      {id: 'clusters', type: 'circle', source: 'incidents', 'source-layer': 'incidents',
        filter: ['!', ['has', 'title']], paint: {
          'circle-color': categoryColor, 'circle-opacity': 0.75, 'circle-stroke-color': '#ffffff',
          'circle-stroke-width': 1,
          'circle-radius': ['interpolate', ['linear'], ['sqrt', ['get', 'count']], 1, 5, 10, 13, 100, 28]}},
      {id: 'cluster-counts', type: 'symbol', source: 'incidents', 'source-layer': 'incidents',
        filter: ['all', ['!', ['has', 'title']], ['>', ['get', 'count'], 1]],
        layout: {'text-field': abbreviatedCount, 'text-size': 11, 'text-allow-overlap': false},
        paint: {'text-color': '#ffffff', 'text-halo-color': 'rgba(0,0,0,0.5)', 'text-halo-width': 1}},
      {id: 'incident-areas', type: 'fill', source: 'incidents', 'source-layer': 'incidents',
        filter: ['all', ['has', 'title'], ['==', ['geometry-type'], 'Polygon']],
        paint: {'fill-color': categoryColor, 'fill-opacity': 0.3}},
      {id: 'incident-lines', type: 'line', source: 'incidents', 'source-layer': 'incidents',
        filter: ['all', ['has', 'title'], ['!=', ['geometry-type'], 'Point']],
        paint: {'line-color': categoryColor, 'line-width': 2}},
      {id: 'incidents', type: 'circle', source: 'incidents', 'source-layer': 'incidents',
        filter: ['all', ['has', 'title'], ['==', ['geometry-type'], 'Point']], paint: {
          'circle-color': categoryColor, 'circle-stroke-color': '#ffffff', 'circle-stroke-width': 1.5,
          'circle-radius': ['interpolate', ['linear'], ['coalesce', ['get', 'fatalities'], 0], 0, 6, 1, 8, 10, 13,
            100, 20]}},
      {id: 'incident-stacks', type: 'symbol', source: 'incidents', 'source-layer': 'incidents',
        filter: ['all', ['has', 'title'], ['>', ['get', 'at_point'], 1]],
        layout: {'text-field': ['concat', '×', ['to-string', ['get', 'at_point']]], 'text-size': 12,
          'text-offset': [0, -1.4], 'text-allow-overlap': true},
        paint: {'text-color': '#222222', 'text-halo-color': '#ffffff', 'text-halo-width': 1.5}},
      {id: 'nearest-points', type: 'circle', source: 'nearest', filter: ['==', ['geometry-type'], 'Point'],
        paint: {'circle-radius': 10, 'circle-color': 'rgba(0,0,0,0)', 'circle-stroke-color': '#f9a825',
          'circle-stroke-width': 3}},
    ],
  };
}
