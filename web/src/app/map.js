// The Leaflet map: raster tiles, controls in French, and a class on the container saying whether
// the tiles load, so the vector base (base-layer.js) can turn opaque when they do not.

import { mapSettings, sources } from './api.js';
import { licenceNode } from './card.js';
import { h } from './dom.js';
import { LABELS_MIN_ZOOM, REGION_BOUNDS, TILES } from './config.js';

// Leaflet is loaded by a classic <script>, because the webjar's only ES module build is the
// unminified one (three times the size); this is the only module that reads the global.
export const L = window.L;

/** The user asked for less motion: the map jumps instead of gliding. */
export const REDUCED_MOTION = window.matchMedia('(prefers-reduced-motion: reduce)').matches;

/** Creates the map in `container`, showing the région until the URL or the user says otherwise. */
export function createMap(container) {
  const map = L.map(container, {
    zoomControl: false, // added below, with French titles
    zoomAnimation: !REDUCED_MOTION,
    fadeAnimation: !REDUCED_MOTION,
    minZoom: 5,
    maxZoom: TILES.maxZoom,
  });
  L.control.zoom({ position: 'bottomright', zoomInTitle: 'Zoomer', zoomOutTitle: 'Dézoomer' }).addTo(map);
  L.control.scale({ imperial: false, position: 'bottomleft' }).addTo(map);
  map.attributionControl.setPrefix('<a href="https://leafletjs.com" title="Bibliothèque de cartes Leaflet">Leaflet</a>');

  addTiles(map, container);
  addDataAttribution(map);
  trackLabelZoom(map, container);
  map.fitBounds(REGION_BOUNDS);
  return map;
}

/**
 * Raster tiles as the deployment sets them (/api/map-settings, ATLAS_BASEMAP_*), with
 * `tiles-unavailable` on the container while none has loaded and some failed (offline, blocked
 * by a firewall, tile server down), or when the deployment has none. Leaflet already hides a
 * failed tile; the class lets the stylesheet make the vector base opaque and show a notice.
 */
async function addTiles(map, container) {
  const notice = L.control({ position: 'bottomleft' });
  notice.onAdd = () => {
    const el = L.DomUtil.create('div', 'tiles-notice');
    el.textContent = 'Fond de carte indisponible : seuls les contours sont affichés.';
    return el;
  };
  notice.addTo(map);

  let basemap = TILES;
  try {
    basemap = (await mapSettings()).basemap;
  } catch {
    // An older or unreachable service: the page's own defaults.
  }
  if (!basemap.url) {
    container.classList.add('tiles-unavailable', 'tiles-off'); // on purpose: no notice
    return;
  }
  const tiles = L.tileLayer(basemap.url, {
    attribution: basemap.attribution,
    maxZoom: basemap.maxZoom,
  });
  let loaded = false;
  tiles.on('tileload', () => {
    loaded = true;
    container.classList.remove('tiles-unavailable');
  });
  tiles.on('tileerror', () => {
    if (!loaded) container.classList.add('tiles-unavailable');
  });
  tiles.addTo(map);
}

/**
 * Names the licences of the data on the map in its attribution, « Annuaires : CC0 1.0, ODbL 1.0 ·
 * Territoires : Licence Ouverte 2.0 », each linked to its text and titled with its sources or
 * producers (/api/sources). Leaflet's attribution control only takes HTML strings, so the line is
 * a control of its own, styled as an attribution, whose nodes carry the names as text.
 */
async function addDataAttribution(map) {
  let answer;
  try {
    answer = await sources();
  } catch {
    return; // the map works without it; the cards still name each record's licence
  }
  const groups = [
    ['Annuaires', answer.sources ?? [], (s) => s.name],
    ['Territoires', answer.territories ?? [], (t) => t.producer],
  ].filter(([, list]) => list.length > 0);
  if (groups.length === 0) return;
  const span = h('span', { class: 'data-licences' }, groups.map(([label, list, name], i) => [
    i > 0 ? ' · ' : '', `${label} : `, licences(list, name)]));
  const control = L.control({ position: 'bottomright' });
  control.onAdd = () => {
    const el = L.DomUtil.create('div', 'leaflet-control-attribution leaflet-control');
    L.DomEvent.disableClickPropagation(el);
    el.append(span);
    return el;
  };
  control.addTo(map);
}

/** One node per licence of the list (« licence inconnue » for those without), titled with what is under it. */
function licences(list, name) {
  const byLicence = new Map();
  for (const item of list) {
    const key = item.licence ?? '';
    if (!byLicence.has(key)) byLicence.set(key, { item, names: [] });
    const names = byLicence.get(key).names;
    if (!names.includes(name(item))) names.push(name(item));
  }
  return [...byLicence.values()].flatMap(({ item, names }, i) => {
    const node = licenceNode(item);
    const titled = node instanceof Node ? node : h('span', {}, node);
    titled.setAttribute('title', names.join(', '));
    return i > 0 ? [', ', titled] : [titled];
  });
}

/** Toggles `labels-hidden` on the container: département names overlap when zoomed out. */
function trackLabelZoom(map, container) {
  const update = () => container.classList.toggle('labels-hidden', map.getZoom() < LABELS_MIN_ZOOM);
  map.on('zoomend', update);
  map.whenReady(update);
}
