// The records on the map, as the service clusters them (/api/<collection>/clusters): one marker
// per grid cell with its count at low zoom, single records as markers (actors: discs coloured by
// type; initiatives: squares by status; persons: diamonds by role; needs and offers: triangles,
// down for a need and up for an offer; events: stars by type, greyed and struck when cancelled;
// experiences: hexagons by outcome), and a legend of the layers shown. The service does the
// clustering, so the page stays light with a whole region of records.

import { clusters, filterQuery, isAbort, records } from './api.js';
import {
  ACTOR_TYPES, CANCELLED_LOOK, EVENT_TYPES, EXPERIENCE_OUTCOMES, INITIATIVE_STATUSES, NEED_OFFER_NATURES, PERSON_ROLES, SHAPES,
  recordLook, recordWhat,
} from './config.js';
import { COLLECTIONS, recordCount } from './kinds.js';
import { L } from './map.js';

/** Markers sit above the territory outlines (overlay pane, 400) and below popups (700). */
const PANE = 'records';

/** Below this width the legend starts folded: with the filters and the panel open, it would hide the map. */
const LEGEND_FOLDED = '(max-width: 1100px)';

/** Zooms between the map's and the one whose cells the page asks for (cells 2^3 times larger). */
const CLUSTER_ZOOM_OFFSET = 3;

/**
 * The clusters name a single record's category, not an event's status: the events of the view
 * are asked for (up to this many) to grey and strike the cancelled ones.
 */
const EVENT_STATUS_LIMIT = 1000;

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
  const legend = addLegend(map);
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
      const cancelled = await cancelledEvents(answers, box, signal);
      if (signal.aborted) return;
      draw(answers, cancelled);
    } catch (error) {
      if (isAbort(error)) return;
      layer.clearLayers();
      container.dataset.markers = 'failed';
      announce(`Les fiches de la carte n’ont pas pu être chargées : ${error.message}`);
    }
  }

  /** Ids of the cancelled events among the single events drawn (none asked when there is none). */
  async function cancelledEvents(answers, box, signal) {
    const events = answers.find((a) => a.collection === 'events');
    if (!events?.answer.features.some((f) => f.properties.count === 1)) return new Set();
    const page = await records('events', { ...filterQuery('events', state), bbox: box.map((v) => v.toFixed(5)).join(',') },
      { limit: EVENT_STATUS_LIMIT }, signal);
    return new Set(page.features.filter((f) => f.properties.status === 'cancelled').map((f) => f.id));
  }

  function draw(answers, cancelled) {
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
        const properties = cancelled.has(feature.properties.id) ? { ...feature.properties, status: 'cancelled' } : feature.properties;
        layer.addLayer(count > 1
          ? clusterMarker(map, collection, [lat, lon], count)
          : recordMarker(collection, [lat, lon], properties, open));
      }
      counts.push(recordCount(collection, total));
    }
    announce(counts.length ? `Dans cette zone : ${listText(counts)}.` : 'Aucune couche affichée.');
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

  return {
    /** Follows a new state (filters, territory, near); redraws if what it selects changed. */
    update(next) {
      state = next;
      legend.show(next.filters.show);
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

/** "a", "a et b", "a, b et c". */
function listText(items) {
  return items.length > 1 ? `${items.slice(0, -1).join(', ')} et ${items.at(-1)}` : items[0];
}

/** The visible box, within what the API accepts (longitudes -180..180, latitudes -85..85). */
function visibleBox(map) {
  const b = map.getBounds();
  const clamp = (v, limit) => Math.max(-limit, Math.min(limit, v));
  return [clamp(b.getWest(), 180), clamp(b.getSouth(), 85), clamp(b.getEast(), 180), clamp(b.getNorth(), 85)];
}

/** A cell of several records: its count in its kind's shape; a click zooms in. */
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

/**
 * One record in its kind's shape and the colour of its category: an actor's dot, an initiative's
 * square, a person's diamond, a need's or offer's triangle, an event's star (grey and struck
 * through when cancelled), an experience's hexagon.
 */
function recordMarker(collection, latLng, properties, open) {
  const { kind } = COLLECTIONS[collection];
  const cancelled = kind === 'event' && properties.status === 'cancelled';
  const look = cancelled ? CANCELLED_LOOK : recordLook(kind, properties);
  const classes = [`${kind}-dot`, properties.nature && `nature-${properties.nature}`, cancelled && 'cancelled'];
  const marker = L.marker(latLng, {
    pane: PANE,
    icon: L.divIcon({
      className: classes.filter(Boolean).join(' '),
      html: `<span style="background:${look.color}"></span>`,
      iconSize: [18, 18],
    }),
    title: `${properties.name} (${recordWhat(kind, properties)})`,
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

/** The legend's sections: one per layer, its entries ({label, color}) and their swatch's shape (and modifier). */
const LEGEND = {
  actors: { title: 'Types d’acteurs', entries: ACTOR_TYPES },
  initiatives: { title: 'Initiatives', entries: INITIATIVE_STATUSES },
  persons: { title: 'Personnes ressources', entries: PERSON_ROLES },
  'needs-offers': { title: 'Besoins et offres', entries: NEED_OFFER_NATURES, modifier: (code) => `nature-${code}` },
  events: { title: 'Agenda', entries: { ...EVENT_TYPES, cancelled: CANCELLED_LOOK }, modifier: (code) => code === 'cancelled' && 'cancelled' },
  experiences: { title: 'Retours d’expérience', entries: EXPERIENCE_OUTCOMES },
};

/**
 * The legend of the layers shown, folded into a button on narrow screens, and on wide ones while
 * the side panel is open (a card, a territory): unfolded, it covered the middle of what the panel
 * leaves of the map. Once the reader opens or folds it, it stays as they chose.
 * `show(collections)` keeps its sections to the layers shown.
 */
function addLegend(map) {
  const legend = L.control({ position: 'bottomright' });
  const details = L.DomUtil.create('details', 'legend records-legend');
  const summary = L.DomUtil.create('summary', '', details);
  summary.textContent = 'Légende';
  const narrow = window.matchMedia(LEGEND_FOLDED);
  let chosen = false;
  summary.addEventListener('click', () => { chosen = true; });
  const fit = () => {
    if (!chosen) details.open = !narrow.matches && !document.body.classList.contains('panel-open');
  };
  fit();
  narrow.addEventListener('change', fit);
  new MutationObserver(fit).observe(document.body, { attributes: true, attributeFilter: ['class'] });
  const sections = {};
  for (const [collection, { title, entries, modifier }] of Object.entries(LEGEND)) {
    const section = L.DomUtil.create('div', 'legend-section', details);
    section.dataset.collection = collection;
    L.DomUtil.create('p', 'legend-title', section).textContent = title;
    const list = L.DomUtil.create('ul', '', section);
    for (const [code, { label, color }] of Object.entries(entries)) {
      const item = L.DomUtil.create('li', '', list);
      const classes = ['legend-swatch', SHAPES[COLLECTIONS[collection].kind], modifier?.(code)].filter(Boolean).join(' ');
      L.DomUtil.create('span', classes, item).style.background = color;
      item.append(label);
    }
    sections[collection] = section;
  }
  L.DomEvent.disableClickPropagation(details);
  legend.onAdd = () => details;
  legend.addTo(map);
  return {
    show(collections) {
      for (const [collection, section] of Object.entries(sections)) section.hidden = !collections.includes(collection);
    },
  };
}
