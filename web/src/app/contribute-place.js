// The place of a proposed record: a point clicked on a small map (Enter on the focused map takes
// its centre, the keyboard's way of clicking), or a commune chosen with the territory search
// (the record is then placed at the commune's point by the service).

import { territory } from './api.js';
import { h } from './dom.js';
import { L } from './map.js';
import { createSearch } from './search.js';

/**
 * The place fieldset. `current` ({lon, lat, communeName}) is the published place of a record
 * being changed, drawn but not sent unless another place is chosen. Returns the nodes, the
 * element to make the map in, `attach(map)` once it is made, and `value()`: null (no new place),
 * {lon, lat} or {commune}.
 */
export function placeFields(current) {
  let chosen = null;
  let map = null;
  let marker = null;
  const said = h('p', { class: 'place-chosen', role: 'status' },
    current ? `Lieu publié : ${current.communeName ?? coordinates(current)}. Choisissez-en un autre pour le changer.` : 'Aucun lieu choisi.');
  const error = h('p', { class: 'field-error', id: 'f-place-error', hidden: true });
  const searchRoot = h('div', { class: 'search place-search' },
    h('label', { for: 'place-search-input' }, 'Commune'),
    h('input', { id: 'place-search-input', type: 'text', role: 'combobox', 'aria-autocomplete': 'list', 'aria-expanded': 'false',
      'aria-controls': 'place-search-results', autocomplete: 'off', spellcheck: 'false', 'aria-describedby': 'f-place-error',
      placeholder: 'Nom ou code postal de la commune…' }),
    h('ul', { id: 'place-search-results', role: 'listbox', 'aria-label': 'Communes trouvées', hidden: true }),
    h('p', { class: 'search-message', hidden: true }),
    h('p', { class: 'search-status visually-hidden', 'aria-live': 'polite' }));
  const mapElement = h('div', { id: 'place-map', class: 'mini-map', role: 'region', 'aria-label': 'Carte pour placer la fiche',
    'aria-describedby': 'place-map-help' });
  const nodes = h('fieldset', { class: 'field place', 'data-field': 'place' },
    h('legend', {}, current ? 'Lieu' : 'Lieu (obligatoire)'),
    h('p', { class: 'help', id: 'place-map-help' },
      'Cliquez sur la carte à l’adresse exacte, ou choisissez seulement la commune. '
      + 'Au clavier : flèches pour déplacer la carte, plus et moins pour zoomer, Entrée pour placer au centre.'),
    searchRoot, mapElement, said, error);

  createSearch(searchRoot, async (result) => {
    if (result.kind !== 'commune') {
      said.textContent = `${result.name} n’est pas une commune : choisissez une commune, ou cliquez sur la carte.`;
      return;
    }
    chosen = { commune: result.code };
    said.textContent = `Lieu choisi : la commune de ${result.name} (${result.code}). La fiche sera placée en son centre.`;
    try {
      const feature = await territory('commune', result.code, { geometry: false });
      if (map && feature.bbox) {
        const [w, s, e, n] = feature.bbox;
        map.fitBounds([[s, w], [n, e]], { animate: false });
        mark(map.getCenter());
      }
    } catch {
      // the commune is chosen all the same; only the map did not follow
    }
  });

  function mark(latLng) {
    if (!map) return;
    marker?.remove();
    marker = L.circleMarker(latLng, { radius: 9, color: '#0b5cad', weight: 3, fillColor: '#fff', fillOpacity: 1 }).addTo(map);
  }

  function pick(latLng) {
    const point = { lon: round(latLng.lng), lat: round(latLng.lat) };
    chosen = point;
    mark(latLng);
    said.textContent = `Lieu choisi : ${coordinates(point)} (point sur la carte).`;
  }

  return {
    nodes,
    mapElement,
    attach(m) {
      map = m;
      if (current?.lat != null) {
        map.setView([current.lat, current.lon], 13, { animate: false });
        mark([current.lat, current.lon]);
      }
      map.on('click', (event) => pick(event.latlng));
      mapElement.addEventListener('keydown', (event) => {
        if (event.key === 'Enter' && event.target === mapElement) {
          event.preventDefault();
          pick(map.getCenter());
        }
      });
    },
    value: () => chosen,
  };
}

function round(x) {
  return Math.round(x * 1e6) / 1e6;
}

function coordinates(point) {
  const f = (v) => v.toLocaleString('fr-FR', { minimumFractionDigits: 5, maximumFractionDigits: 5 });
  return `latitude ${f(point.lat)}, longitude ${f(point.lon)}`;
}
