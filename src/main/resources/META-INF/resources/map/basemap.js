// The offline basemap: Natural Earth's 1:50m land and country borders (the world-atlas package, served by the
// service under map/lib), drawn from the sources "land" and "borders" of a style.

/** Fills the style's "land" and "borders" sources from the TopoJSON at {@code url}. */
export async function loadBasemap(map, url) {
  const response = await fetch(url);
  if (!response.ok) {
    throw new Error(`${url} answered ${response.status}`);
  }
  const world = await response.json();
  map.getSource('land').setData(topojson.feature(world, world.objects.land));
  map.getSource('borders').setData(topojson.mesh(world, world.objects.countries, (a, b) => a !== b));
}

export const BASEMAP_LAYERS = [
  {id: 'sea', type: 'background', paint: {'background-color': '#d8e6ef'}},
  {id: 'land', type: 'fill', source: 'land', paint: {'fill-color': '#f4f1ea'}},
  {id: 'borders', type: 'line', source: 'borders', paint: {'line-color': '#9a948a', 'line-width': 0.7}},
];
