// The radius tool: the incidents nearest a clicked point within a distance, from the items endpoint's near/radius
// query (true metres on the ellipsoid, nearest first), listed with their distances and drawn on the map.

const EARTH_RADIUS_M = 6371008.8;

/** Metres of a radius such as 25km or 500m. */
export function metres(radius) {
  const value = parseFloat(radius);
  return radius.endsWith('km') ? value * 1000 : value;
}

/** A polygon approximating the circle of {@code radiusM} metres around [lon, lat] (for drawing only). */
export function circle([lon, lat], radiusM, steps = 96) {
  const d = radiusM / EARTH_RADIUS_M;
  const phi1 = lat * Math.PI / 180;
  const lambda1 = lon * Math.PI / 180;
  const ring = [];
  for (let i = 0; i <= steps; i++) {
    const bearing = 2 * Math.PI * i / steps;
    const phi2 = Math.asin(Math.sin(phi1) * Math.cos(d) + Math.cos(phi1) * Math.sin(d) * Math.cos(bearing));
    const lambda2 = lambda1 + Math.atan2(Math.sin(bearing) * Math.sin(d) * Math.cos(phi1),
      Math.cos(d) - Math.sin(phi1) * Math.sin(phi2));
    ring.push([lambda2 * 180 / Math.PI, phi2 * 180 / Math.PI]);
  }
  return {type: 'Feature', properties: {}, geometry: {type: 'Polygon', coordinates: [ring]}};
}

/** Up to {@code limit} incidents within {@code radius} of [lon, lat] that pass the filters, nearest first. */
export async function nearest(api, center, radius, filters, limit = 50) {
  const params = new URLSearchParams(filters);
  params.set('near', center.join(','));
  params.set('radius', radius);
  params.set('limit', String(limit));
  const response = await fetch(`${api}collections/incidents/items?${params}`, {headers: {Accept: 'application/geo+json'}});
  if (!response.ok) {
    const problem = await response.json().catch(() => ({}));
    throw new Error(problem.detail || `the search answered ${response.status}`);
  }
  return response.json();
}

export function distanceText(m) {
  return m >= 1000 ? `${(m / 1000).toFixed(m >= 10000 ? 0 : 1)} km` : `${Math.round(m)} m`;
}
