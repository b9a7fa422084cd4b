// Entry point: builds the map, the search box and the panel, and keeps one piece of state, the
// selection (a territory and/or a clicked point), in step with the URL hash.

import { createActorLayer } from './actors-layer.js';
import { isAbort, territoriesAt, territory } from './api.js';
import { drawBase } from './base-layer.js';
import { NARROW_SCREEN, SIMPLIFY_METRES } from './config.js';
import { readHash, samePoint, sameTerritory, writeHash } from './hash.js';
import { createHighlight } from './highlight.js';
import { L, REDUCED_MOTION, createMap } from './map.js';
import { createPanel } from './panel.js';
import { createSearch } from './search.js';

const mapElement = document.getElementById('map');
const searchInput = document.getElementById('search-input');
const map = createMap(mapElement);
const highlight = createHighlight(map);
const panel = createPanel(document.getElementById('panel'), {
  select: (ref) => select({ territory: ref, point: selection.point }, { fit: true }),
  back: () => select({ territory: null, point: selection.point }),
  close: () => {
    select({ territory: null, point: null });
    searchInput.focus(); // the focus was in the panel, which disappears
  },
});
const announce = (text) => { document.getElementById('announcer').textContent = text; };

/** What the screen shows besides the view: {territory: {kind, code}|null, point: {lat, lon}|null}. */
let selection = { territory: null, point: null };
let request = null; // the panel's pending request, cancelled when the selection changes again

createSearch(document.getElementById('search'), (result) => select({ territory: result, point: null }, { fit: true }));
map.on('click', (event) => select({ territory: null, point: roundPoint(event.latlng) }));
// Leaflet pans with the arrows and zooms with +/-; Enter asks about the centre, the keyboard's
// way of clicking the map.
mapElement.addEventListener('keydown', (event) => {
  if (event.key === 'Enter' && event.target === mapElement) select({ territory: null, point: roundPoint(map.getCenter()) });
});

map.on('moveend', () => history.replaceState(null, '', writeHash({ view: currentView(), ...selection })));
window.addEventListener('popstate', () => restore(readHash(location.hash)));
restore(readHash(location.hash));
history.replaceState(null, '', writeHash({ view: currentView(), ...selection })); // a link from the start
drawBase(map);
createActorLayer(map, { announce });

/**
 * Shows a new selection. `fit` zooms to the territory; `push` adds a history entry (so Back
 * returns to the previous selection), which restoring from the URL must not do.
 */
function select(next, { fit = false, push = true } = {}) {
  if (push) history.pushState(null, '', writeHash({ view: currentView(), ...next }));
  selection = { territory: next.territory && { kind: next.territory.kind, code: next.territory.code }, point: next.point };
  request?.abort();
  request = new AbortController();
  highlight.point(next.point);
  if (next.territory) {
    showTerritory(next.territory, fit, request.signal);
  } else {
    highlight.boundary(null);
    if (next.point) showPoint(next.point, request.signal);
    else panel.close();
  }
}

async function showTerritory(ref, fit, signal) {
  panel.loading(ref.name);
  try {
    const feature = await territory(ref.kind, ref.code, { simplify: SIMPLIFY_METRES[ref.kind] ?? 0 }, signal);
    if (signal.aborted) return;
    highlight.boundary(feature);
    panel.territory(feature, { fromPoint: selection.point != null });
    announce(`${feature.properties.name}, ${feature.properties.kindLabel}, affiché dans le panneau.`);
    if (fit && feature.bbox) fitTo(feature.bbox);
  } catch (error) {
    if (!isAbort(error)) {
      highlight.boundary(null);
      if (error.status === 404) {
        panel.error('Territoire introuvable', 'Ce territoire n’existe pas, ou plus : les codes changent quand des communes fusionnent.');
      } else {
        panel.error('Erreur', `Impossible d’afficher ce territoire : ${error.message}`);
      }
    }
  }
}

async function showPoint(point, signal) {
  panel.loading('Ce point est dans :');
  try {
    const answer = await territoriesAt(point.lat, point.lon, signal);
    if (signal.aborted) return;
    panel.point(answer);
    announce(answer.territories.length ? `Ce point est dans ${answer.territories.length} territoires.` : 'Ce point est hors de la région.');
  } catch (error) {
    if (!isAbort(error)) panel.error('Erreur', `Impossible de savoir dans quels territoires est ce point : ${error.message}`);
  }
}

/** Applies a state read from the URL: its view as is (a shared link shows what its author saw). */
function restore(state) {
  // Selection first: setView fires moveend, which writes the hash from the current selection.
  if (!sameTerritory(state.territory, selection.territory) || !samePoint(state.point, selection.point)) {
    select({ territory: state.territory, point: state.point }, { push: false });
  }
  if (state.view) map.setView([state.view.lat, state.view.lon], state.view.zoom, { animate: false });
}

/** Fits a bbox [west, south, east, north] in what the search box, panel and controls leave free. */
function fitTo([west, south, east, north]) {
  const panelBox = document.getElementById('panel').getBoundingClientRect();
  const searchBox = document.getElementById('search').getBoundingClientRect();
  // On a narrow screen the attribution and scale sit on top of the bottom sheet.
  const bottomControls = Math.max(...[...mapElement.querySelectorAll('.leaflet-bottom')].map((c) => c.offsetHeight));
  const narrow = window.matchMedia(NARROW_SCREEN).matches;
  map.fitBounds(L.latLngBounds([south, west], [north, east]), {
    paddingTopLeft: [16, searchBox.bottom + 8],
    paddingBottomRight: narrow
      ? [16, window.innerHeight - panelBox.top + bottomControls + 8]
      : [window.innerWidth - panelBox.left + 16, bottomControls + 8],
    maxZoom: 16,
    animate: !REDUCED_MOTION,
  });
}

function currentView() {
  const c = map.getCenter();
  return { zoom: map.getZoom(), lat: c.lat, lon: c.lng };
}

function roundPoint(latLng) {
  const round = (x) => Math.round(x * 1e5) / 1e5; // as written in the URL, so a reload compares equal
  return { lat: round(latLng.lat), lon: round(latLng.lng) };
}
