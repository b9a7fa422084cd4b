// Entry point: builds the map, the search box, the filter panel and the side panel, and keeps
// one state in step with the URL hash: the view, the territory and "autour de" (which select
// records, as the filters do), the filters, the map mode, and what the side panel shows (a
// clicked point, a record's card). See hash.js for the URL form.
//
// On /embed (partner sites) the same page runs without search, filters or sharing, takes its
// preset state from the query string, and never adds history entries to the host page.

import { isAbort, record, territoriesAt, territory, vocabularies } from './api.js';
import { drawBase, largestPolygonCentroid } from './base-layer.js';
import { cardNodes } from './card.js';
import { NARROW_SCREEN, REGION_BOUNDS, SIMPLIFY_METRES, TERRITORY_TYPES } from './config.js';
import { createCoverageLayer } from './coverage-layer.js';
import { h } from './dom.js';
import { deName } from './kinds.js';
import { createFilters } from './filters.js';
import { TODAY, readHash, readParams, sameFilters, sameNear, samePoint, sameRecord, sameTerritory, writeHash } from './hash.js';
import { createHighlight } from './highlight.js';
import { L, REDUCED_MOTION, createMap } from './map.js';
import { createPanel } from './panel.js';
import { fillResults, formatDistance } from './results.js';
import { createSearch } from './search.js';
import { createShare } from './share.js';
import { createRecordsLayer } from './records-layer.js';

const EMBED = /\/embed$/.test(location.pathname);
const mapElement = document.getElementById('map');
const searchInput = document.getElementById('search-input');
const announce = (text) => { document.getElementById('announcer').textContent = text; };
if (EMBED) document.body.classList.add('embed');

const map = createMap(mapElement);
const highlight = createHighlight(map);
const panel = createPanel(document.getElementById('panel'), {
  select: (ref) => chooseTerritory(ref),
  close: () => closePanel(),
});
const recordsLayer = createRecordsLayer(map, { open: (ref, options) => openRecord(ref, options), announce });
const coverageLayer = createCoverageLayer(map, { territory: (ref) => chooseTerritory(ref, { fit: false }), announce });
let filters = null; // the filter panel, once the vocabularies are known
let themeLabels = {};

/** The state (see hash.js); `view` is read from the map when needed, not kept here. */
let state = initialState();
let panelRequest = null; // what the panel is loading, cancelled when it must show something else
let results = null; // the lists in the panel, cancelled with it
let territoryLoad = null; // {ref, promise, feature} of the last territory asked for
let refreshCaption = () => {}; // on /embed, rewrites the caption of the preset selection
let updateFullMapLink = () => {}; // on /embed, refreshes the link to the full map
let cardOpener = null; // data-marker key of the marker whose card was opened with the keyboard: the focus goes back to it

/** What the lists in the panel do: open a card, ring a place, toggle a theme filter. */
const resultActions = {
  open: (ref) => openRecord(ref),
  hover: (place) => highlight.hover(place),
  toggleTheme: (code) => {
    const theme = state.filters.theme.includes(code) ? state.filters.theme.filter((c) => c !== code) : [...state.filters.theme, code];
    setState({ filters: { ...state.filters, theme } });
  },
};

if (!EMBED) {
  createSearch(document.getElementById('search'), (result) => chooseTerritory(result));
  createFilterPanel();
} else {
  addFullMapLink();
  addEmbedCaption();
}
document.querySelector('.skip-link').addEventListener('click', (event) => {
  event.preventDefault(); // the hash holds the state: "#map" alone would wipe it
  mapElement.focus();
});
map.on('click', (event) => setState({ point: roundPoint(event.latlng), record: null }));
// Leaflet pans with the arrows and zooms with +/-; Enter asks about the centre, the keyboard's
// way of clicking the map.
mapElement.addEventListener('keydown', (event) => {
  if (event.key === 'Enter' && event.target === mapElement) setState({ point: roundPoint(map.getCenter()), record: null });
});
map.on('moveend', () => history.replaceState(null, '', urlOf(state)));
window.addEventListener('popstate', () => restore(readHash(location.hash)));

const initial = state;
state = blankState();
restore(initial);
history.replaceState(null, '', urlOf(state)); // a link from the start
drawBase(map);

/** The state the page opens with: the URL's hash, or on /embed its query string then its hash. */
function initialState() {
  if (!EMBED || location.hash.length > 1) return readHash(location.hash);
  return readParams(new URLSearchParams(location.search));
}

/** What the page shows before the first state: nothing, so that everything is drawn. */
function blankState() {
  return { ...readHash(''), mode: null };
}

/**
 * Applies a change of state. `push` adds a history entry (Back undoes the change), which
 * restoring from the URL must not do; `fit` moves the map to the new territory or radius.
 */
function setState(patch, { push = true, fit = false } = {}) {
  const next = { ...state, ...patch };
  // A territory and a radius do not combine: choosing one drops the other.
  if (patch.territory) next.near = null;
  if (patch.near) next.territory = null;
  const previous = state;
  state = next;
  if (push && !EMBED) history.pushState(null, '', urlOf(state));
  else history.replaceState(null, '', urlOf(state));
  updateFullMapLink(); // a card opened without moving the map is part of what the link shows
  render(previous, next, { fit });
}

/** Brings the page in line with `next`, doing only what changed since `previous`. */
function render(previous, next, { fit }) {
  const selectionChanged = !sameFilters(previous.filters, next.filters)
    || !sameTerritory(previous.territory, next.territory) || !sameNear(previous.near, next.near);
  const modeChanged = previous.mode !== next.mode || previous.level !== next.level;

  if (!sameTerritory(previous.territory, next.territory)) showTerritoryOutline(next.territory, fit);
  if (!sameNear(previous.near, next.near)) {
    highlight.near(next.near);
    if (fit && next.near) fitTo(highlight.nearBounds());
  }
  highlight.point(next.point);

  if (modeChanged || selectionChanged) {
    recordsLayer.setVisible(next.mode === 'markers');
    if (next.mode === 'markers') recordsLayer.update(next);
    coverageLayer.update(coverageState(next));
    mapElement.classList.toggle('coverage-mode', next.mode === 'coverage');
  }
  recordsLayer.select(next.record);
  filters?.show(next);
  refreshCaption();

  const panelChanged = !sameRecord(previous.record, next.record) || !samePoint(previous.point, next.point)
    || !sameTerritory(previous.territory, next.territory) || !sameNear(previous.near, next.near)
    || (selectionChanged && !next.record && !next.point);
  if (panelChanged) showPanel(next);
}

/**
 * Coverage takes the filters, and the territory only when it holds several territories of the
 * level (a département's EPCI): a focused EPCI stays outlined on the whole map of EPCI.
 */
function coverageState(next) {
  const holds = next.territory && (['departement', 'region'].includes(next.territory.kind)
    || (next.territory.kind === 'petr' && next.level === 'epci'));
  return holds ? next : { ...next, territory: null };
}

/**
 * What the side panel shows: a card, else a clicked point, else a territory or radius (not on
 * /embed), else nothing.
 */
function showPanel(next) {
  panelRequest?.abort();
  results?.abort();
  panelRequest = new AbortController();
  const { signal } = panelRequest;
  if (next.record) showRecord(next, signal);
  else if (next.point) showPoint(next.point, signal);
  // A partner's small frame is the map: its preset territory or radius is drawn, not listed.
  else if (next.territory && !EMBED) showTerritoryPanel(next, signal);
  else if (next.near && !EMBED) showNearPanel(next);
  else panel.close();
}

async function showRecord(next, signal) {
  panel.loading(null);
  const { kind, id } = next.record;
  try {
    const feature = await record(kind, id, signal);
    if (signal.aborted) return;
    const behind = (next.territory || next.near) && !EMBED;
    panel.show([
      behind && h('p', {}, h('button', { type: 'button', class: 'link back', onclick: () => setState({ record: null }) },
        '← Retour à la liste')),
      cardNodes(kind, feature, { territory: (ref) => chooseTerritory(ref), open: (ref) => openRecord(ref), state: next }),
    ]);
    announce(`${feature.properties.name}, fiche affichée dans le panneau.`);
    // Opened from a marker with the keyboard: the card comes before the map in the Tab order, so
    // the focus goes to it (Escape brings it back to the marker).
    if (cardOpener && mapElement.contains(document.activeElement)) document.getElementById('panel-title').focus();
  } catch (error) {
    if (isAbort(error)) return;
    panel.error(error.status === 404 ? 'Fiche introuvable' : 'Erreur', error.status === 404
      ? 'Cette fiche n’existe pas, ou plus : elle a pu être fusionnée avec une autre ou retirée de sa source.'
      : `Impossible d’afficher cette fiche : ${error.message}`);
  }
}

async function showTerritoryPanel(next, signal) {
  panel.loading(territoryFeature()?.properties.name);
  try {
    const feature = await loadTerritory(next.territory);
    if (signal.aborted) return;
    const section = h('div', { class: 'territory-results' });
    panel.territory(feature, section);
    results = fillResults(section, next, themeLabels, resultActions);
    announce(`${feature.properties.name}, ${feature.properties.kindLabel}, affiché dans le panneau.`);
  } catch (error) {
    if (isAbort(error)) return;
    if (error.status === 404) {
      panel.error('Territoire introuvable', 'Ce territoire n’existe pas, ou plus : les codes changent quand des communes fusionnent.');
    } else {
      panel.error('Erreur', `Impossible d’afficher ce territoire : ${error.message}`);
    }
  }
}

function showNearPanel(next) {
  const section = h('div', { class: 'territory-results' });
  panel.show([
    h('p', { class: 'kind' }, 'Autour d’un point, du plus proche au plus loin'),
    h('h2', { id: 'panel-title', tabindex: '-1' }, `Dans un rayon de ${formatDistance(next.near.radius)}${next.near.label ? ` ${next.near.label}` : ''}`),
    section,
  ]);
  results = fillResults(section, next, themeLabels, resultActions);
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

/** Loads the territory (once per territory), outlines it, and fits the map to it if asked. */
async function showTerritoryOutline(ref, fit) {
  highlight.boundary(null);
  if (!ref) return;
  try {
    const feature = await loadTerritory(ref);
    if (!sameTerritory(ref, state.territory)) return;
    highlight.boundary(feature);
    filters?.show(state);
    refreshCaption();
    if (fit && feature.bbox) fitTo(bboxBounds(feature.bbox));
  } catch (error) {
    if (!isAbort(error)) highlight.boundary(null); // the panel says what went wrong
  }
}

function loadTerritory(ref) {
  if (!territoryLoad || !sameTerritory(territoryLoad.ref, ref)) {
    const load = { ref, promise: null, feature: null };
    load.promise = territory(ref.kind, ref.code, { simplify: SIMPLIFY_METRES[ref.kind] ?? 0 })
      .then((feature) => {
        load.feature = feature;
        return feature;
      });
    load.promise.catch(() => { if (territoryLoad === load) territoryLoad = null; }); // the next try asks again
    territoryLoad = load;
  }
  return territoryLoad.promise;
}

/** The focused territory's Feature once loaded, else null. */
function territoryFeature() {
  return territoryLoad && sameTerritory(territoryLoad.ref, state.territory) ? territoryLoad.feature : null;
}

function chooseTerritory(ref, { fit = true } = {}) {
  setState({ territory: { kind: ref.kind, code: ref.code }, point: null, record: null }, { fit });
}

function openRecord(ref, { from = null } = {}) {
  cardOpener = from?.dataset.marker ?? null; // a key, not the element: a redraw replaces the markers
  setState({ record: ref, point: null });
}

/** The panel's close button and Escape: closes the card, else the point, else the territory or radius. */
function closePanel() {
  const opener = state.record && cardOpener
    ? mapElement.querySelector(`[data-marker="${CSS.escape(cardOpener)}"]`) : null;
  cardOpener = null;
  if (state.record) setState({ record: null });
  else if (state.point) setState({ point: null });
  else setState({ territory: null, near: null });
  if (opener) opener.focus(); // back to the marker the card was opened from
  else if (document.getElementById('panel').hidden) searchInput.focus(); // the focus was in the panel
  else document.querySelector('#panel h2')?.focus();
}

async function createFilterPanel() {
  try {
    const vocab = await vocabularies();
    themeLabels = labelsOf(vocab).themes;
    const share = createShare(document.getElementById('share'), () => ({ ...state, view: currentView() }));
    filters = createFilters({
      root: document.getElementById('filters'),
      toggle: document.getElementById('filters-toggle'),
      count: document.getElementById('count'),
    }, vocab, {
      change: (patch) => setState(patch, { fit: Boolean(patch.near) }),
      nearMe: (radius) => nearMe(radius),
      nearTerritory: (radius) => nearTerritory(radius),
      share: () => share.open(),
      territoryName: () => territoryFeature()?.properties.name ?? null,
    });
    filters.show(state);
    if (state.territory || state.near) showPanel(state); // the summary needs the theme labels
  } catch (error) {
    document.getElementById('count').textContent = `Filtres indisponibles : ${error.message}`;
  }
}

function nearMe(radius) {
  if (!navigator.geolocation) {
    filters.nearMessage('Ce navigateur ne sait pas donner votre position.');
    return;
  }
  filters.nearMessage('Recherche de votre position…');
  navigator.geolocation.getCurrentPosition(
    (position) => setState({
      near: { lat: round(position.coords.latitude), lon: round(position.coords.longitude), radius, label: 'autour de vous' },
      point: null,
      record: null,
    }, { fit: true }),
    (error) => filters.nearMessage(error.code === error.PERMISSION_DENIED
      ? 'Position refusée : autorisez-la dans le navigateur, ou choisissez une commune puis « Autour de ».'
      : 'Position indisponible pour le moment : choisissez une commune puis « Autour de ».'),
    { timeout: 10000, maximumAge: 60000 });
}

function nearTerritory(radius) {
  const feature = territoryFeature();
  const center = feature && largestPolygonCentroid(feature.geometry);
  if (!center) return;
  setState({
    near: { lat: round(center.lat), lon: round(center.lng), radius, label: `autour ${deName(feature.properties.name)}` },
    point: null,
    record: null,
  }, { fit: true });
}

/** Applies a state read from the URL: its view as is (a shared link shows what its author saw). */
function restore(next) {
  const previous = state;
  state = { ...next, near: next.near && sameNear(next.near, previous.near) ? previous.near : next.near }; // keeps its label
  // The view first, so that the markers are asked for once, for the right box.
  if (next.view) map.setView([next.view.lat, next.view.lon], next.view.zoom, { animate: false });
  else if (!next.territory && !next.near) fitTo(L.latLngBounds(REGION_BOUNDS));
  render(previous, state, { fit: !next.view });
}

/** Fits bounds in what the search box, filters, panel and controls leave free. */
function fitTo(bounds) {
  const panelBox = document.getElementById('panel').getBoundingClientRect();
  const sideBox = EMBED ? { right: 0, bottom: 0 } : document.getElementById('sidebar').getBoundingClientRect();
  // The scale and attribution (bottom left); the legend may cover a corner. On a narrow screen
  // they sit on top of the bottom sheet.
  const bottomControls = mapElement.querySelector('.leaflet-bottom.leaflet-left').offsetHeight;
  const narrow = window.matchMedia(NARROW_SCREEN).matches;
  const panelOpen = !document.getElementById('panel').hidden;
  map.fitBounds(bounds, {
    paddingTopLeft: narrow ? [16, sideBox.bottom + 8] : [sideBox.right + 16, 16],
    paddingBottomRight: narrow
      ? [16, (panelOpen ? window.innerHeight - panelBox.top : 0) + bottomControls + 8]
      : [(panelOpen ? window.innerWidth - panelBox.left : 0) + 16, bottomControls + 8],
    maxZoom: 16,
    animate: !REDUCED_MOTION,
  });
}

function bboxBounds([west, south, east, north]) {
  return L.latLngBounds([south, west], [north, east]);
}

/** On /embed: a link to the full map showing the same thing (kept in step by setState and moves). */
function addFullMapLink() {
  const control = L.control({ position: 'topright' });
  control.onAdd = () => {
    const link = L.DomUtil.create('a', 'full-map-link');
    link.target = '_blank';
    link.rel = 'noopener';
    link.textContent = 'Ouvrir dans Atlas Citoyen ↗';
    updateFullMapLink = () => { link.href = `./${urlOf(state)}`; };
    map.on('moveend', updateFullMapLink);
    updateFullMapLink();
    return link;
  };
  control.addTo(map);
}

/**
 * On /embed: what the host page preset, in words ("Climat · Toulouse Métropole"), since the
 * filter panel is not there to say it.
 */
function addEmbedCaption() {
  const control = L.control({ position: 'topleft' });
  const caption = L.DomUtil.create('p', 'embed-caption');
  caption.setAttribute('aria-live', 'polite');
  control.onAdd = () => caption;
  control.addTo(map);
  let labels = {};
  const update = () => {
    const f = state.filters;
    const words = [
      ...f.theme.map((code) => labels.themes?.[code] ?? code),
      ...f.type.map((code) => labels.actorTypes?.[code] ?? code),
      ...f.status.map((code) => labels.initiativeStatuses?.[code] ?? code),
      ...(f.role ?? []).map((code) => labels.personRoles?.[code] ?? code),
      ...(f.nature ?? []).map((code) => labels.needOfferNatures?.[code] ?? code),
      ...(f.eventType ?? []).map((code) => labels.eventTypes?.[code] ?? code),
      ...(f.outcome ?? []).map((code) => labels.experienceOutcomes?.[code] ?? code),
      ...(f.territoryType ?? []).map((code) => labels.experienceTerritoryTypes?.[code]
        ?? TERRITORY_TYPES.find((t) => t.code === code)?.label ?? code),
      f.show.includes('events') && f.from !== TODAY && (f.from ? `événements dès le ${dayText(f.from)}` : 'événements passés compris'),
      f.show.includes('events') && f.to && `événements jusqu’au ${dayText(f.to)}`,
      f.q && `« ${f.q} »`,
      state.territory && (territoryFeature()?.properties.name ?? state.territory.code),
      state.near && `${formatDistance(state.near.radius)} autour d’un point`,
    ].filter(Boolean);
    caption.textContent = words.length ? `Sélection : ${words.join(' · ')}` : 'Toutes les fiches de l’atlas';
  };
  vocabularies().then((vocab) => {
    labels = labelsOf(vocab);
    update();
  }).catch(() => {}); // codes instead of labels: still a caption
  refreshCaption = update;
  update();
}

/** The vocabularies as code-to-label maps: {themes: {climat: 'Climat'...}, actorTypes, initiativeStatuses}. */
function labelsOf(vocab) {
  return Object.fromEntries(Object.entries(vocab).map(([name, list]) => [name, Object.fromEntries(list.map((e) => [e.code, e.label]))]));
}

function urlOf(s) {
  return `${EMBED ? location.search : ''}${writeHash({ ...s, view: currentView() })}`;
}

function currentView() {
  const c = map.getCenter();
  return { zoom: map.getZoom(), lat: c.lat, lon: c.lng };
}

/** "12 décembre 2026" of a YYYY-MM-DD day. */
function dayText(day) {
  return new Intl.DateTimeFormat('fr-FR', { dateStyle: 'long', timeZone: 'UTC' }).format(new Date(`${day}T00:00:00Z`));
}

function round(x) {
  return Math.round(x * 1e5) / 1e5; // as written in the URL, so a reload compares equal
}

function roundPoint(latLng) {
  return { lat: round(latLng.lat), lon: round(latLng.lng) };
}
