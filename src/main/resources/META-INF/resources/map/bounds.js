// Bounds of GeoJSON geometries, to fit a map to what it shows.

/** Extends {@code bounds} (a MapLibre LngLatBounds) by every position of {@code geometry}, collections too. */
export function extendBy(bounds, geometry) {
  if (!geometry) {
    return bounds;
  }
  if (geometry.type === 'GeometryCollection') {
    geometry.geometries.forEach(g => extendBy(bounds, g));
    return bounds;
  }
  const visit = c => (typeof c[0] === 'number' ? bounds.extend(c) : c.forEach(visit));
  visit(geometry.coordinates);
  return bounds;
}
