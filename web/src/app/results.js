// The records of a territory or of "autour de", listed in the side panel: a summary by theme, then
// one list per layer shown (actors, initiatives, persons, needs and offers, events, experiences)
// in the API's order (events by date), a page at a time. The lists
// and the map are in step: hovering or focusing an item rings its place on the map, a click
// opens its card.

import { coverage, coverageQuery, filterQuery, isAbort, records } from './api.js';
import { CANCELLED_LOOK, LIST_PAGE, SHAPES, recordLook } from './config.js';
import { h } from './dom.js';
import { shortWhen } from './event-dates.js';
import { COLLECTIONS, formatNumber, recordCount } from './kinds.js';

/** Kinds of territory the coverage API counts by theme (the others get no summary). */
const SUMMARY_KINDS = ['commune', 'epci', 'petr', 'bassin_vie', 'departement'];

/**
 * Fills `section` with the summary and lists of `state` (its territory or near, and filters).
 * `actions.open({kind, id})` opens a card, `actions.hover({lat, lon}|null)` rings a place,
 * `actions.toggleTheme(code)` adds or removes a theme filter. `themes` maps codes to labels.
 * Returns an AbortController that cancels the loading.
 */
export function fillResults(section, state, themes, actions) {
  const controller = new AbortController();
  const { signal } = controller;
  const summary = h('div', { class: 'summary' });
  const lists = state.filters.show.map((collection) => {
    const list = h('ul', { class: 'results', 'aria-label': COLLECTIONS[collection].label });
    const heading = h('h3', {}, COLLECTIONS[collection].label);
    const more = h('p', {});
    section.append(h('section', { class: 'result-group', 'data-collection': collection }, heading, list, more));
    return { collection, list, heading, more };
  });
  section.prepend(summary);

  if (state.territory && SUMMARY_KINDS.includes(state.territory.kind) && !state.near) {
    showSummary(summary, state, themes, actions, signal);
  }
  for (const target of lists) loadPage(target, state, actions, signal, null);
  return controller;
}

async function showSummary(el, state, themes, actions, signal) {
  const query = coverageQuery(state);
  try {
    const answer = await coverage(state.territory.kind, query, { geometry: false }, signal);
    const row = answer.territories.find((t) => t.code === state.territory.code);
    if (!row || signal.aborted) return;
    const rate = row.population ? ` (${formatRate(row.actorsPer10k)} pour 10 000 habitants)` : '';
    el.replaceChildren(
      h('h3', {}, 'En bref'),
      h('p', {}, row.zoneBlanche
        ? 'Aucun acteur ni aucune initiative connus ici pour cette sélection : une zone blanche.'
        : `${recordCount('actors', row.actors)}${rate}, ${recordCount('initiatives', row.initiatives)}.`),
      // replaceChildren is not h(): a false child would be written as the text "false".
      row.themes.length > 0 ? h('details', { class: 'themes-summary' },
        h('summary', {}, 'Par thème'),
        h('ul', { class: 'theme-counts' }, row.themes.map((t) => h('li', {},
          h('button', {
            type: 'button',
            class: 'link',
            'aria-pressed': String(state.filters.theme.includes(t.code)),
            title: state.filters.theme.includes(t.code) ? 'Retirer ce thème des filtres' : 'Filtrer sur ce thème',
            onclick: () => actions.toggleTheme(t.code),
          }, themes[t.code] ?? t.code),
          ` : ${recordCount('actors', t.actors)}, ${recordCount('initiatives', t.initiatives)}`)))) : '');
  } catch (error) {
    if (!isAbort(error)) el.replaceChildren(h('p', { class: 'error' }, `Résumé indisponible : ${error.message}`));
  }
}

async function loadPage(target, state, actions, signal, cursor) {
  const { collection, list, heading, more } = target;
  more.replaceChildren(h('span', { class: 'muted' }, 'Chargement…'));
  try {
    const page = await records(collection, filterQuery(collection, state), { limit: LIST_PAGE, cursor }, signal);
    if (signal.aborted) return;
    const total = page.numberMatched ?? `plus de ${formatNumber(page.numberMatchedMoreThan)}`;
    heading.textContent = `${COLLECTIONS[collection].label} (${typeof total === 'number' ? formatNumber(total) : total})`;
    list.append(...page.features.map((feature) => item(collection, feature, actions)));
    if (page.features.length === 0 && !cursor) {
      more.replaceChildren(h('span', { class: 'muted' }, 'Aucun résultat pour ces filtres.'));
    } else if (page.next) {
      more.replaceChildren(h('button', { type: 'button', class: 'secondary', onclick: () => loadPage(target, state, actions, signal, page.next) },
        `Voir les ${LIST_PAGE} suivant${['actors', 'events'].includes(collection) ? 's' : 'es'}`));
    } else {
      more.replaceChildren();
    }
  } catch (error) {
    if (!isAbort(error)) more.replaceChildren(h('span', { class: 'error' }, `Liste indisponible : ${error.message}`));
  }
}

/** What a list says of a record after its name: "Association · Rodez", "sam. 12 déc., 18 h 30 · Rodez". */
function detailsOf(kind, p) {
  const where = [p.communeName, p.distance != null && formatDistance(p.distance)];
  switch (kind) {
    case 'actor': return [p.typeLabel, ...where];
    case 'person': return [p.roleLabel, ...where];
    case 'need_offer': return [[p.natureLabel, p.resourceLabel?.toLowerCase()].filter(Boolean).join(' : '), ...where];
    case 'event': return [p.status === 'cancelled' && 'Annulé', shortWhen(p), p.onlineUrl && !p.placeName && !p.address ? 'En ligne' : null,
      ...where];
    case 'experience': return [p.outcomeLabel, ...where];
    default: return [p.statusLabel, ...where];
  }
}

function item(collection, feature, actions) {
  const p = feature.properties;
  const { kind } = COLLECTIONS[collection];
  const look = kind === 'event' && p.status === 'cancelled' ? CANCELLED_LOOK : recordLook(kind, p);
  const [lon, lat] = feature.geometry?.coordinates ?? [];
  const place = feature.geometry ? { lat, lon } : null;
  const details = detailsOf(kind, p).filter(Boolean).join(' · ');
  return h('li', {
    'data-id': String(feature.id),
    onmouseenter: () => actions.hover(place),
    onmouseleave: () => actions.hover(null),
  },
  h('button', {
    type: 'button',
    class: 'result',
    onclick: () => actions.open({ kind, id: feature.id }),
    onfocus: () => actions.hover(place),
    onblur: () => actions.hover(null),
  },
  h('span', { class: ['legend-swatch', SHAPES[kind], p.nature && `nature-${p.nature}`].filter(Boolean).join(' '),
    style: `background:${look.color}`, 'aria-hidden': 'true' }),
  h('span', { class: 'result-name' }, p.name),
  h('span', { class: 'result-details' }, details)));
}

function formatRate(rate) {
  return rate.toLocaleString('fr-FR', { maximumFractionDigits: 1 });
}

/** "350 m", "2,4 km". */
export function formatDistance(metres) {
  return metres < 1000 ? `${Math.round(metres / 10) * 10} m` : `${(metres / 1000).toLocaleString('fr-FR', { maximumFractionDigits: 1 })} km`;
}
