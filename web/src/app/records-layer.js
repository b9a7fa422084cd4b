// The actors on the map, as the service clusters them (/api/actors/clusters): one marker per
// grid cell with its count at low zoom, single actors coloured by type, and a legend. The
// service does the clustering, so the page stays light with a whole region of actors.

import { actorClusters, isAbort } from './api.js';
import { ACTOR_TYPES, NARROW_SCREEN } from './config.js';
import { L } from './map.js';

/** Markers sit above the territory outlines (overlay pane, 400) and below popups (700). */
const PANE = 'actors';

/**
 * Draws the actors of the visible area and redraws them after each move. `announce` tells
 * screen-reader users how many actors the view holds.
 */
export function createActorLayer(map, { announce }) {
  map.createPane(PANE).style.zIndex = 450;
  const layer = L.layerGroup().addTo(map);
  let request = null;

  async function refresh() {
    request?.abort();
    request = new AbortController();
    const zoom = Math.round(map.getZoom());
    map.getContainer().dataset.markers = 'loading';
    try {
      const clusters = await actorClusters(visibleBox(map), zoom, request.signal);
      draw(clusters);
    } catch (error) {
      if (isAbort(error)) return;
      layer.clearLayers();
      map.getContainer().dataset.markers = 'failed';
      announce(`Les acteurs n’ont pas pu être chargés : ${error.message}`);
    }
  }

  function draw(clusters) {
    layer.clearLayers();
    let total = 0;
    for (const feature of clusters.features) {
      const [lon, lat] = feature.geometry.coordinates;
      const { count } = feature.properties;
      total += count;
      layer.addLayer(count > 1 ? clusterMarker(map, [lat, lon], count) : actorMarker([lat, lon], feature.properties));
    }
    announce(total === 0 ? 'Aucun acteur dans cette zone.' : `${total} acteur${total > 1 ? 's' : ''} dans cette zone.`);
    // For tests and `./atlas bench web`: the markers of the current view and filters are drawn.
    map.getContainer().dataset.markers = 'ready';
    performance.mark('atlas:markers');
  }

  map.on('moveend', refresh);
  map.whenReady(refresh);
  addLegend(map);
  return { refresh };
}

/** The visible box, within what the API accepts (longitudes -180..180, latitudes -85..85). */
function visibleBox(map) {
  const b = map.getBounds();
  const clamp = (v, limit) => Math.max(-limit, Math.min(limit, v));
  return [clamp(b.getWest(), 180), clamp(b.getSouth(), 85), clamp(b.getEast(), 180), clamp(b.getNorth(), 85)];
}

/** A cell of several actors: its count in a disc sized by it; a click zooms in on it. */
function clusterMarker(map, latLng, count) {
  const size = Math.round(26 + 6 * Math.log10(count));
  const marker = L.marker(latLng, {
    pane: PANE,
    icon: L.divIcon({
      className: 'actor-cluster',
      html: `<span>${count}</span>`,
      iconSize: [size, size],
    }),
    title: `${count} acteurs : zoomer`,
    alt: `${count} acteurs`,
    riseOnHover: true,
  });
  marker.on('click', () => map.setView(latLng, Math.min(map.getZoom() + 2, map.getMaxZoom())));
  return marker;
}

/** One actor: a dot in the colour of its type; a click shows its name and type. */
function actorMarker(latLng, { name, type }) {
  const kind = ACTOR_TYPES[type] ?? ACTOR_TYPES.autre;
  const marker = L.marker(latLng, {
    pane: PANE,
    icon: L.divIcon({
      className: 'actor-dot',
      html: `<span style="background:${kind.color}"></span>`,
      iconSize: [18, 18],
    }),
    title: `${name} (${kind.label})`,
    alt: name,
    riseOnHover: true,
  });
  const content = L.DomUtil.create('div', 'actor-popup');
  L.DomUtil.create('strong', '', content).textContent = name; // text, never HTML: names come from imports
  L.DomUtil.create('div', '', content).textContent = kind.label;
  marker.bindPopup(content);
  return marker;
}

/** The colours of the actor types, folded into a button on narrow screens by the stylesheet. */
function addLegend(map) {
  const legend = L.control({ position: 'bottomright' });
  legend.onAdd = () => {
    const details = L.DomUtil.create('details', 'legend');
    details.open = !window.matchMedia(NARROW_SCREEN).matches;
    L.DomUtil.create('summary', '', details).textContent = 'Types d’acteurs';
    const list = L.DomUtil.create('ul', '', details);
    for (const { label, color } of Object.values(ACTOR_TYPES)) {
      const item = L.DomUtil.create('li', '', list);
      L.DomUtil.create('span', 'legend-swatch', item).style.background = color;
      item.append(label);
    }
    L.DomEvent.disableClickPropagation(details);
    return details;
  };
  legend.addTo(map);
}
