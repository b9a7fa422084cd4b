// Actors and initiatives on the map, as the service clusters them (/api/{actors,initiatives}/
// clusters): one marker per grid cell with its count at low zoom, single records as markers
// (actors: discs coloured by type; initiatives: squares coloured by status), and a legend. The
// service does the clustering, so the page stays light with a whole region of records.

import { clusters, filterQuery, isAbort } from './api.js';
import { ACTOR_TYPES, INITIATIVE_STATUSES, PERSON_ROLES, recordLook } from './config.js';
import { COLLECTIONS, recordCount } from './kinds.js';
import { L } from './map.js';

/** Markers sit above the territory outlines (overlay pane, 400) and below popups (700). */
const PANE = 'records';

/** Below this width the legend starts folded: with the filters and the panel open, it would hide the map. */
const LEGEND_FOLDED = '(max-width: 1100px)';

/** Zooms between the map's and the one whose cells the page asks for (cells 2^3 times larger). */
const CLUSTER_ZOOM_OFFSET = 3;

/**
 * Draws the records of the visible area under the state's filters, and redraws them after each
 * move or filter change. `open({kind, id}, {from})` opens a record's card (`from`: the marker,
 * when opened with the keyboard); `announce` tells screen-reader users how many records the view
 * holds.
 *
 * Progress is mirrored on the map container as `data-markers` (`loading`, `ready`, `failed`),
 * and each drawing adds a performance mark `atlas:markers`, for tests and `./atlas bench web`.
 */
export function createRecordsLayer(map, { open, announce }) {
  map.createPane(PANE).style.zIndex = 450;
  const layer = L.layerGroup().addTo(map);
  const container = map.getContainer();
  let state = null;
  let visible = true;
  let request = null;
  let selected = null; // {kind, id} of the open card, drawn with a ring
  let ring = null;

  async function refresh() {
    request?.abort();
    if (!state || !visible) return;
    request = new AbortController();
    const { signal } = request;
    // The service's cells are 4 px at their zoom: asked three zooms up, they are 32 px on
    // screen, about a marker and its margin, so markers do not overlap. From the service's last
    // clustered zoom (12) on, that is each record on its own.
    const zoom = Math.max(0, Math.round(map.getZoom()) - CLUSTER_ZOOM_OFFSET);
    const box = visibleBox(map);
    container.dataset.markers = 'loading';
    try {
      const answers = await Promise.all(state.filters.show.map(
        (collection) => clusters(collection, box, zoom, filterQuery(collection, state), signal)
          .then((answer) => ({ collection, answer }))));
      if (signal.aborted) return;
      draw(answers);
    } catch (error) {
      if (isAbort(error)) return;
      layer.clearLayers();
      container.dataset.markers = 'failed';
      announce(`Les acteurs et initiatives n’ont pas pu être chargés : ${error.message}`);
    }
  }

  function draw(answers) {
    // A redraw replaces the markers: the focused one (Leaflet pans the map to a marker focused
    // at its edge, which redraws) gets the focus back, or the map does, rather than the page.
    const focused = container.contains(document.activeElement) ? document.activeElement.dataset.marker : undefined;
    layer.clearLayers();
    const counts = [];
    for (const { collection, answer } of answers) {
      let total = 0;
      for (const feature of answer.features) {
        const [lon, lat] = feature.geometry.coordinates;
        const { count } = feature.properties;
        total += count;
        layer.addLayer(count > 1
          ? clusterMarker(map, collection, [lat, lon], count)
          : recordMarker(collection, [lat, lon], feature.properties, open));
      }
      counts.push(recordCount(collection, total));
    }
    announce(counts.length ? `Dans cette zone : ${counts.join(' et ')}.` : 'Aucune couche affichée.');
    if (focused !== undefined && !container.contains(document.activeElement)) {
      (container.querySelector(`[data-marker="${CSS.escape(focused)}"]`) ?? container).focus();
    }
    drawRing();
    container.dataset.markers = 'ready';
    performance.mark('atlas:markers');
  }

  /** A ring around the selected record's marker, if it is drawn as itself (not in a cluster). */
  function drawRing() {
    ring?.remove();
    ring = null;
    if (!selected) return;
    layer.eachLayer((marker) => {
      if (marker.options.record?.kind === selected.kind && marker.options.record.id === selected.id) {
        ring = L.circleMarker(marker.getLatLng(), { pane: PANE, radius: 14, className: 'record-ring', interactive: false })
          .addTo(map);
      }
    });
  }

  map.on('moveend', refresh);
  addLegend(map);

  return {
    /** Follows a new state (filters, territory, near); redraws if what it selects changed. */
    update(next) {
      state = next;
      refresh();
    },

    /** Shown in marker mode, hidden in coverage mode. */
    setVisible(show) {
      visible = show;
      if (show) {
        layer.addTo(map);
        refresh();
      } else {
        request?.abort();
        layer.remove();
        ring?.remove();
        delete container.dataset.markers;
      }
    },

    /** Rings the marker of the open record ({kind, id} or null). */
    select(recordRef) {
      selected = recordRef;
      drawRing();
    },
  };
}

/** The visible box, within what the API accepts (longitudes -180..180, latitudes -85..85). */
function visibleBox(map) {
  const b = map.getBounds();
  const clamp = (v, limit) => Math.max(-limit, Math.min(limit, v));
  return [clamp(b.getWest(), 180), clamp(b.getSouth(), 85), clamp(b.getEast(), 180), clamp(b.getNorth(), 85)];
}

/** A cell of several records: its count in a disc (actors) or square (initiatives); a click zooms in. */
function clusterMarker(map, collection, latLng, count) {
  const size = Math.round(26 + 6 * Math.log10(count));
  const words = COLLECTIONS[collection];
  const marker = L.marker(latLng, {
    pane: PANE,
    icon: L.divIcon({
      className: `${words.kind}-cluster`,
      html: `<span>${count}</span>`,
      iconSize: [size, size],
    }),
    title: `${count} ${words.many} : zoomer`,
    alt: `${count} ${words.many}`,
    riseOnHover: true,
  });
  const zoomIn = () => map.setView(latLng, Math.min(map.getZoom() + 2, map.getMaxZoom()));
  marker.on('click', zoomIn);
  onKeyboardActivation(marker, `${collection}@${latLng}`, zoomIn);
  return marker;
}

/** One record: an actor's dot in the colour of its type, an initiative's square in that of its status. */
function recordMarker(collection, latLng, properties, open) {
  const { kind } = COLLECTIONS[collection];
  const look = recordLook(kind, properties);
  const what = kind === 'actor' ? look.label : kind === 'person' ? `Personne ressource, ${look.label.toLowerCase()}`
    : `Initiative ${look.label.toLowerCase()}`;
  const marker = L.marker(latLng, {
    pane: PANE,
    icon: L.divIcon({
      className: `${kind}-dot`,
      html: `<span style="background:${look.color}"></span>`,
      iconSize: [18, 18],
    }),
    title: `${properties.name} (${what})`,
    alt: properties.name,
    riseOnHover: true,
    record: { kind, id: properties.id },
  });
  marker.on('click', () => open({ kind, id: properties.id }));
  onKeyboardActivation(marker, `${kind}:${properties.id}`, (el) => open({ kind, id: properties.id }, { from: el }));
  return marker;
}

/**
 * Leaflet gives a marker's icon a tabindex and role=button, but no key: Enter and Space act as a
 * click, as on a button (a cluster had none, so the keyboard could not open it). `key` names the
 * marker in `data-marker`, to give it the focus back after a redraw.
 */
function onKeyboardActivation(marker, key, activate) {
  marker.on('add', () => {
    const el = marker.getElement();
    el.setAttribute('role', 'button');
    el.dataset.marker = key;
    el.addEventListener('keydown', (event) => {
      if (event.key === 'Enter' || event.key === ' ') {
        event.preventDefault();
        activate(el);
      }
    });
  });
}

/** Actor types and initiative statuses, folded into a button on narrow screens. */
function addLegend(map) {
  const legend = L.control({ position: 'bottomright' });
  legend.onAdd = () => {
    const details = L.DomUtil.create('details', 'legend records-legend');
    details.open = !window.matchMedia(LEGEND_FOLDED).matches;
    L.DomUtil.create('summary', '', details).textContent = 'Légende';
    const section = (title, entries, shape) => {
      L.DomUtil.create('p', 'legend-title', details).textContent = title;
      const list = L.DomUtil.create('ul', '', details);
      for (const { label, color } of Object.values(entries)) {
        const item = L.DomUtil.create('li', '', list);
        L.DomUtil.create('span', `legend-swatch ${shape}`, item).style.background = color;
        item.append(label);
      }
    };
    section('Types d’acteurs', ACTOR_TYPES, 'disc');
    section('Initiatives', INITIATIVE_STATUSES, 'square');
    section('Personnes ressources', PERSON_ROLES, 'diamond');
    L.DomEvent.disableClickPropagation(details);
    return details;
  };
  legend.addTo(map);
}
