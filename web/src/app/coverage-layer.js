// Coverage mode: a choropleth of actors per 10,000 inhabitants by EPCI, PETR or bassin de vie
// (/api/coverage, under the same filters as the markers), with a legend, and the zones blanches
// (no actor, no initiative) outlined in red. A click on a territory focuses it.

import { coverage, coverageQuery, isAbort, personsCoverage, queryString } from './api.js';
import { h } from './dom.js';
import { formatNumber, recordCount } from './kinds.js';
import { L } from './map.js';

/** Five classes, light to dark (ColorBrewer YlGnBu, readable by colour-blind people). */
const COLORS = ['#ffffcc', '#a1dab4', '#41b6c4', '#2c7fb8', '#253494'];
const ZONE_BLANCHE = { color: '#c62828', weight: 2.5, dashArray: '5 4', fillColor: '#ffffff', fillOpacity: 0.75 };
const LEVEL_WORDS = { epci: 'EPCI', petr: 'PETR', bassin_vie: 'bassins de vie' };
const PANE = 'coverage';

/**
 * `actions.territory({kind, code, name})` focuses a territory; `announce` reads the outcome.
 * Progress is mirrored on the map container as `data-coverage` (`loading`, `ready`, `failed`).
 */
export function createCoverageLayer(map, { territory, announce }) {
  map.createPane(PANE).style.zIndex = 380; // over the base (350-360), under the selection (400)
  const container = map.getContainer();
  let layer = null;
  let request = null;
  const legend = L.control({ position: 'bottomright' });
  const legendBody = h('div', { class: 'legend coverage-legend', role: 'region', 'aria-label': 'Légende de la couverture' });
  legend.onAdd = () => {
    L.DomEvent.disableClickPropagation(legendBody);
    return legendBody;
  };

  function clear() {
    request?.abort();
    layer?.remove();
    layer = null;
    legend.remove();
    delete container.dataset.coverage;
  }

  async function show(state) {
    request?.abort();
    request = new AbortController();
    const { signal } = request;
    if (state.level === 'persons') {
      showPersons(state, signal);
      return;
    }
    const query = coverageQuery(state);
    container.dataset.coverage = 'loading';
    legend.addTo(map);
    legendBody.replaceChildren(h('p', { class: 'legend-title' }, 'Couverture'), h('p', {}, 'Chargement…'));
    try {
      const answer = await coverage(state.level, query, { geometry: true }, signal);
      if (signal.aborted) return;
      const breaks = classBreaks(answer.features.map((f) => f.properties)
        .filter((p) => !p.zoneBlanche && p.actorsPer10k > 0).map((p) => p.actorsPer10k));
      layer?.remove();
      layer = L.geoJSON(answer, {
        pane: PANE,
        style: (feature) => style(feature.properties, breaks),
        onEachFeature: (feature, path) => {
          const p = feature.properties;
          path.bindTooltip(tooltip(p), { sticky: true, className: 'coverage-tooltip' });
          path.on('click', (event) => {
            // Paths pass their clicks on to the map, whose own click would then open the point
            // under it over this territory.
            L.DomEvent.stopPropagation(event);
            territory({ kind: p.kind, code: p.code, name: p.name });
          });
        },
      }).addTo(map);
      drawLegend(state, answer.summary, breaks, query);
      container.dataset.coverage = 'ready';
      const s = answer.summary;
      announce(`Couverture par ${LEVEL_WORDS[state.level]} : ${s.territories} territoires, dont ${s.zonesBlanches} zones blanches.`);
    } catch (error) {
      if (isAbort(error)) return;
      container.dataset.coverage = 'failed';
      legendBody.replaceChildren(h('p', { class: 'error' }, `Couverture indisponible : ${error.message}`));
    }
  }

  /** The resource persons' layer: communes by how many persons cover them, zones blanches outlined. */
  async function showPersons(state, signal) {
    container.dataset.coverage = 'loading';
    legend.addTo(map);
    legendBody.replaceChildren(h('p', { class: 'legend-title' }, 'Personnes ressources'), h('p', {}, 'Chargement…'));
    try {
      const answer = await personsCoverage(state, signal);
      if (signal.aborted) return;
      layer?.remove();
      layer = L.geoJSON(answer, {
        pane: PANE,
        style: (feature) => (feature.properties.zoneBlanche ? { ...ZONE_BLANCHE, className: 'zone-blanche' }
          : { color: '#4d4d4d', weight: 0.5, fillColor: COLORS[personClass(feature.properties.persons)], fillOpacity: 0.75 }),
        onEachFeature: (feature, path) => {
          const p = feature.properties;
          path.bindTooltip(h('div', {}, h('strong', {}, p.name), h('br'), p.zoneBlanche
            ? 'Zone blanche : aucune personne ressource' : `${p.persons} ${p.persons > 1 ? 'personnes ressources' : 'personne ressource'}`),
          { sticky: true, className: 'coverage-tooltip' });
          path.on('click', (event) => {
            L.DomEvent.stopPropagation(event);
            territory({ kind: 'commune', code: p.code, name: p.name });
          });
        },
      }).addTo(map);
      const s = answer.summary;
      legendBody.replaceChildren(
        h('p', { class: 'legend-title' }, 'Personnes ressources couvrant chaque commune'),
        h('ul', {}, PERSON_CLASSES.map((label, i) => h('li', {},
          h('span', { class: 'legend-swatch square', style: `background:${COLORS[i + 1]}` }), label)),
        h('li', {}, h('span', { class: 'legend-swatch square zone-blanche' }),
          `Zone blanche : aucune (${formatNumber(s.zonesBlanches)} communes sur ${formatNumber(s.communes)})`)));
      container.dataset.coverage = 'ready';
      announce(`Personnes ressources par commune : ${s.zonesBlanches} communes sans personne ressource sur ${s.communes}.`);
    } catch (error) {
      if (isAbort(error)) return;
      container.dataset.coverage = 'failed';
      legendBody.replaceChildren(h('p', { class: 'error' }, `Couverture indisponible : ${error.message}`));
    }
  }

  function drawLegend(state, summary, breaks, query) {
    const rows = breaks.length
      ? COLORS.slice(0, breaks.length + 1).map((color, i) => h('li', {},
        h('span', { class: 'legend-swatch square', style: `background:${color}` }), classLabel(breaks, i)))
      : [];
    legendBody.replaceChildren(
      h('p', { class: 'legend-title' }, `Acteurs pour 10 000 habitants, par ${LEVEL_WORDS[state.level]}`),
      h('ul', {}, rows,
        h('li', {}, h('span', { class: 'legend-swatch square zone-blanche' }),
          `Zone blanche : ni acteur ni initiative (${formatNumber(summary.zonesBlanches)} sur ${formatNumber(summary.territories)})`)),
      h('p', {}, h('a', { href: `api/coverage${queryString({ ...query, level: state.level, format: 'csv' })}`, download: '' },
        'Télécharger le tableau (CSV)')));
  }

  return {
    /** Draws the coverage of a state (its level and filters), or removes it in marker mode. */
    update(state) {
      if (state.mode === 'coverage') show(state);
      else clear();
    },
  };
}

/**
 * Up to four breaks splitting the positive rates into five classes of about as many territories
 * each (quantiles), rounded and without duplicates.
 */
export function classBreaks(rates) {
  if (rates.length === 0) return [];
  const sorted = [...rates].sort((a, b) => a - b);
  const breaks = [];
  for (let i = 1; i < COLORS.length; i++) {
    const value = Math.round(sorted[Math.floor((i * sorted.length) / COLORS.length)] * 10) / 10;
    if (value > (breaks.at(-1) ?? 0) && value < sorted.at(-1)) breaks.push(value);
  }
  return breaks;
}

/** Fixed classes of the persons covering a commune (counts are small): 1, 2, 3 to 4, 5 and more. */
const PERSON_CLASSES = ['1 personne', '2 personnes', '3 ou 4 personnes', '5 personnes et plus'];

function personClass(n) {
  return n >= 5 ? 4 : n >= 3 ? 3 : n;
}

function classOf(rate, breaks) {
  const index = breaks.findIndex((b) => rate < b);
  return index < 0 ? breaks.length : index;
}

function style(p, breaks) {
  if (p.zoneBlanche) return { ...ZONE_BLANCHE, className: 'zone-blanche' };
  return { color: '#4d4d4d', weight: 0.8, fillColor: COLORS[classOf(p.actorsPer10k, breaks)], fillOpacity: 0.75 };
}

function classLabel(breaks, i) {
  const f = (v) => v.toLocaleString('fr-FR', { maximumFractionDigits: 1 });
  if (i === 0) return `moins de ${f(breaks[0])}`;
  if (i === breaks.length) return `${f(breaks[i - 1])} et plus`;
  return `de ${f(breaks[i - 1])} à ${f(breaks[i])}`;
}

function tooltip(p) {
  return h('div', {}, h('strong', {}, p.name), h('br'),
    p.zoneBlanche ? 'Zone blanche : ni acteur ni initiative' : `${recordCount('actors', p.actors)}, ${recordCount('initiatives', p.initiatives)}`,
    p.population ? [h('br'), `${p.actorsPer10k.toLocaleString('fr-FR', { maximumFractionDigits: 1 })} acteurs pour 10 000 hab.`] : []);
}
