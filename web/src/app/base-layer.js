// The vector base: the région outline and its départements, drawn from the service over the
// raster tiles and under the selection. It keeps the map readable when the tiles cannot load.

import { listTerritories, territory } from './api.js';
import { REGION, SIMPLIFY_METRES } from './config.js';
import { L } from './map.js';

const PANE = 'base';
const OUTLINE_PANE = 'base-outline';
const DEPARTEMENT_STYLE = { className: 'atlas-departement', color: '#5c5c5c', weight: 1, fillColor: '#fbf8f1', fillOpacity: 0.2 };
const REGION_STYLE = { className: 'atlas-region', color: '#1d3f66', weight: 2.5, fill: false };

/**
 * Draws the base and resolves when it is complete. Progress is mirrored on the map container as
 * `data-departements` (how many are drawn) and `data-base` (`loading`, `ready` or `failed`), for
 * tests and for whoever debugs a blank map. A failure leaves what could be drawn in place.
 */
export async function drawBase(map) {
  const container = map.getContainer();
  // Own panes, above the tiles (200) and below selections (overlayPane, 400); the région outline
  // over the départements whatever order the answers come in. The paths take no clicks: those go
  // through to the map.
  map.createPane(PANE).style.zIndex = 350;
  map.createPane(OUTLINE_PANE).style.zIndex = 360;
  const departements = L.featureGroup().addTo(map);
  const labels = L.layerGroup().addTo(map);
  container.dataset.base = 'loading';
  container.dataset.departements = '0';

  const drawDepartement = async ({ code }) => {
    const feature = await territory('departement', code, { simplify: SIMPLIFY_METRES.base });
    geoJson(feature, PANE, DEPARTEMENT_STYLE).addTo(departements);
    addLabel(labels, feature);
    container.dataset.departements = String(departements.getLayers().length);
  };
  const drawRegion = async () => {
    const feature = await territory(REGION.kind, REGION.code, { simplify: SIMPLIFY_METRES.base });
    geoJson(feature, OUTLINE_PANE, REGION_STYLE).addTo(map);
  };

  const list = await listTerritories('departement', 20).catch(() => ({ results: [] }));
  const outcomes = await Promise.allSettled([drawRegion(), ...list.results.map(drawDepartement)]);
  const failed = outcomes.filter((o) => o.status === 'rejected');
  container.dataset.base = failed.length === 0 && list.results.length > 0 ? 'ready' : 'failed';
  if (failed.length > 0) {
    // A warning, not an error: the page still works, with fewer outlines.
    console.warn(`Fond vectoriel incomplet : ${failed.length} contour(s) non chargé(s)`, failed[0].reason);
  }
}

function geoJson(feature, pane, style) {
  return L.geoJSON(feature, { pane, interactive: false, style });
}

/**
 * The département's name at the centre of its largest polygon (Leaflet's own getCenter() takes
 * the first polygon, which for the Hérault is a sliver of coast).
 */
function addLabel(labels, feature) {
  const center = largestPolygonCentroid(feature.geometry);
  if (!center) return;
  const text = document.createElement('span');
  text.textContent = feature.properties.name; // a string given to setContent would be parsed as HTML
  L.tooltip({ permanent: true, direction: 'center', className: 'atlas-label', interactive: false })
    .setLatLng(center)
    .setContent(text)
    .addTo(labels);
}

/** The centre of a territory's largest polygon (L.LatLng), or null without geometry. */
export function largestPolygonCentroid(geometry) {
  if (!geometry) return null;
  const polygons = geometry.type === 'MultiPolygon' ? geometry.coordinates : [geometry.coordinates];
  let best = null;
  for (const [outer] of polygons) {
    const c = ringCentroid(outer);
    if (c && (!best || c.area > best.area)) best = c;
  }
  return best && L.latLng(best.lat, best.lon);
}

/** Area-weighted centroid of a ring in plain lon/lat: close enough to place a label. */
function ringCentroid(ring) {
  let area = 0;
  let x = 0;
  let y = 0;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const [x0, y0] = ring[j];
    const [x1, y1] = ring[i];
    const cross = x0 * y1 - x1 * y0;
    area += cross;
    x += (x0 + x1) * cross;
    y += (y0 + y1) * cross;
  }
  if (area === 0) return null;
  return { area: Math.abs(area / 2), lon: x / (3 * area), lat: y / (3 * area) };
}
