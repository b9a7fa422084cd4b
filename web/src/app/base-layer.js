// The vector base: the région outline, its départements and, zoomed in, its EPCI, drawn from the
// service over the raster tiles and under the selection. It keeps the map readable when the tiles
// cannot load.

import { outlines } from './api.js';
import { EPCI_OUTLINES_MIN_ZOOM } from './config.js';
import { L } from './map.js';

const PANE = 'base';
const OUTLINE_PANE = 'base-outline';
const DEPARTEMENT_STYLE = { className: 'atlas-departement', color: '#5c5c5c', weight: 1, fillColor: '#fbf8f1', fillOpacity: 0.2 };
const EPCI_STYLE = { className: 'atlas-epci', color: '#7a7a7a', weight: 0.7, dashArray: '3 3', fill: false };
const REGION_STYLE = { className: 'atlas-region', color: '#1d3f66', weight: 2.5, fill: false };

/**
 * Draws the base and resolves when the région and départements are drawn; the EPCI come when the
 * map is first zoomed in enough to tell them apart (they are not part of the first view). Progress
 * is mirrored on the map container as `data-departements` (how many are drawn) and `data-base`
 * (`loading`, `ready` or `failed`), for tests and for whoever debugs a blank map. A failure
 * leaves what could be drawn in place.
 */
export async function drawBase(map) {
  const container = map.getContainer();
  // Own panes, above the tiles (200) and below selections (overlayPane, 400); the région outline
  // over the départements whatever order the answers come in. The paths take no clicks: those go
  // through to the map.
  map.createPane(PANE).style.zIndex = 350;
  map.createPane(OUTLINE_PANE).style.zIndex = 360;
  const labels = L.layerGroup().addTo(map);
  container.dataset.base = 'loading';
  container.dataset.departements = '0';

  const drawDepartements = async () => {
    const collection = await outlines('departement');
    geoJson(collection, PANE, DEPARTEMENT_STYLE).addTo(map);
    collection.features.forEach((feature) => addLabel(labels, feature));
    container.dataset.departements = String(collection.features.length);
  };
  const drawRegion = async () => geoJson(await outlines('region'), OUTLINE_PANE, REGION_STYLE).addTo(map);
  drawEpciWhenZoomed(map);

  const outcomes = await Promise.allSettled([drawRegion(), drawDepartements()]);
  const failed = outcomes.filter((o) => o.status === 'rejected');
  container.dataset.base = failed.length === 0 ? 'ready' : 'failed';
  if (failed.length > 0) {
    // A warning, not an error: the page still works, with fewer outlines.
    console.warn('Fond vectoriel incomplet', failed[0].reason);
  }
}

/** The EPCI outlines, asked for once, the first time the map reaches EPCI_OUTLINES_MIN_ZOOM. */
function drawEpciWhenZoomed(map) {
  const check = () => {
    if (map.getZoom() < EPCI_OUTLINES_MIN_ZOOM) return;
    map.off('zoomend', check);
    outlines('epci')
      .then((collection) => geoJson(collection, PANE, EPCI_STYLE).addTo(map))
      .catch((error) => console.warn('Contours des EPCI non chargés', error));
  };
  map.on('zoomend', check);
  map.whenReady(check);
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
