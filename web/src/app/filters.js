// The filter panel: what to show (actors, initiatives, resource persons, needs and offers, events,
// experiences), free text, themes, each layer's category (actor types, initiative statuses,
// persons' roles, need or offer, event types, experiences' outcomes and kinds of territory), the
// events' dates, the territory and "autour de", the map mode (markers or coverage), a live count
// of what the filters select, and the exports of it. It only edits the
// state through `actions`; main.js owns the state and calls `show(state)` after every change.

import { eventsFeedUrl, filterQuery, isAbort, records, exportUrl } from './api.js';
import { NARROW_SCREEN, SHAPES, TERRITORY_TYPES, TEXT_FILTER_DEBOUNCE_MS, recordLook } from './config.js';
import { h } from './dom.js';
import { CATEGORY_FILTERS, COVERAGE_LEVELS, LAYERS, NO_FILTERS, RADII, TODAY, filterCount } from './hash.js';
import { COLLECTIONS, deName, formatNumber, kindLabel, recordCount } from './kinds.js';

const LEVEL_LABELS = { epci: 'par EPCI', petr: 'par PETR', bassin_vie: 'par bassin de vie',
  persons: 'personnes ressources par commune' };

/**
 * Wires the panel in `root` (the #filters form), its toggle button and the count line.
 * `actions.change(patch)` applies a change of state ({filters}, {near}, {mode, level}...);
 * `actions.nearMe()` asks the browser for the position; `actions.share()` opens the share dialog;
 * `actions.territoryName()` gives the focused territory's name once it is known.
 */
export function createFilters({ root, toggle, count }, vocabularies, actions) {
  let state = null;
  let request = null;
  let textTimer = 0;

  const themeBoxes = checkboxes('theme', [...vocabularies.themes].sort((a, b) => a.label.localeCompare(b.label, 'fr')));
  const typeBoxes = checkboxes('type', vocabularies.actorTypes, (type) => recordLook('actor', { type }).color, 'disc');
  const statusBoxes = checkboxes('status', vocabularies.initiativeStatuses, (status) => recordLook('initiative', { status }).color, 'square');
  const roleBoxes = checkboxes('role', vocabularies.personRoles ?? [], (role) => recordLook('person', { role }).color, 'diamond');
  const natureBoxes = checkboxes('nature', vocabularies.needOfferNatures ?? [], (nature) => recordLook('need_offer', { nature }).color,
    SHAPES.need_offer, (nature) => `nature-${nature}`);
  const eventTypeBoxes = checkboxes('eventType', vocabularies.eventTypes ?? [],
    (eventType) => recordLook('event', { eventType }).color, SHAPES.event);
  const outcomeBoxes = checkboxes('outcome', vocabularies.experienceOutcomes ?? [],
    (outcome) => recordLook('experience', { outcome }).color, SHAPES.experience);
  const territoryTypeBoxes = checkboxes('territoryType', vocabularies.experienceTerritoryTypes ?? TERRITORY_TYPES);
  const categories = { type: typeBoxes, status: statusBoxes, role: roleBoxes, nature: natureBoxes, eventType: eventTypeBoxes,
    outcome: outcomeBoxes, territoryType: territoryTypeBoxes };
  // The short words keep the boxes on few lines of a phone's panel.
  const layerBoxes = checkboxes('show', LAYERS.map((code) => ({ code, label: COLLECTIONS[code].short ?? COLLECTIONS[code].label })));
  const from = h('input', { type: 'date', id: 'filter-from', name: 'from', 'aria-describedby': 'filter-dates-help' });
  const to = h('input', { type: 'date', id: 'filter-to', name: 'to', 'aria-describedby': 'filter-dates-help' });
  const text = h('input', { id: 'filter-q', type: 'search', name: 'q', autocomplete: 'off', enterkeyhint: 'search',
    placeholder: 'ex. jardin partagé, "budget participatif"' });
  const radius = h('select', { id: 'near-radius', name: 'radius' },
    [...RADII].sort((a, b) => a - b).map((r) => h('option', { value: String(r) }, `${formatNumber(r / 1000)} km`)));
  radius.value = String(RADII[0]);
  const nearMe = h('button', { type: 'button', class: 'secondary', onclick: () => actions.nearMe(Number(radius.value)) }, 'Autour de moi');
  const nearTerritory = h('button', { type: 'button', class: 'secondary', hidden: true });
  const nearStatus = h('p', { class: 'near-status', 'aria-live': 'polite' });
  const territoryChip = h('p', { class: 'chip-line' });
  const modeRadios = ['markers', 'coverage'].map((mode) => h('input', { type: 'radio', name: 'mode', value: mode, id: `mode-${mode}` }));
  // Beside the "Couverture" radio, whose label it cannot share: named for screen readers (axe: select-name).
  const level = h('select', { id: 'coverage-level', name: 'level', 'aria-label': 'Niveau de la couverture' },
    COVERAGE_LEVELS.map((l) => h('option', { value: l }, LEVEL_LABELS[l])));
  const exports = h('ul', { class: 'exports' });

  root.replaceChildren(
    h('section', { class: 'filter-group' },
      h('h2', {}, 'Où ?'),
      territoryChip,
      h('div', { class: 'near-row' }, nearMe, nearTerritory, h('label', { for: 'near-radius' }, 'Rayon'), radius),
      nearStatus),
    h('fieldset', { class: 'filter-group inline' }, h('legend', {}, 'Afficher'), layerBoxes.list),
    h('div', { class: 'filter-group' }, h('label', { for: 'filter-q', class: 'group-label' }, 'Mots-clés'), text),
    h('fieldset', { class: 'filter-group' }, h('legend', {}, 'Thèmes'), themeBoxes.list),
    h('fieldset', { class: 'filter-group' }, h('legend', {}, 'Types d’acteurs'), typeBoxes.list),
    h('fieldset', { class: 'filter-group' }, h('legend', {}, 'Statut des initiatives'), statusBoxes.list),
    h('fieldset', { class: 'filter-group' }, h('legend', {}, 'Rôle des personnes ressources'), roleBoxes.list),
    h('fieldset', { class: 'filter-group' }, h('legend', {}, 'Besoins et offres'), natureBoxes.list),
    h('fieldset', { class: 'filter-group' }, h('legend', {}, 'Agenda'),
      h('p', { class: 'filter-dates' },
        h('label', { for: 'filter-from' }, 'Du'), from, h('label', { for: 'filter-to' }, 'au'), to),
      h('p', { class: 'help', id: 'filter-dates-help' }, 'Par défaut, les événements à venir. Videz « Du » pour voir aussi les passés.'),
      eventTypeBoxes.list),
    h('fieldset', { class: 'filter-group' }, h('legend', {}, 'Retours d’expérience : issue'), outcomeBoxes.list),
    h('fieldset', { class: 'filter-group' }, h('legend', {}, 'Retours d’expérience : type de territoire'), territoryTypeBoxes.list),
    h('fieldset', { class: 'filter-group' }, h('legend', {}, 'Carte'),
      h('ul', { class: 'choices' },
        h('li', {}, modeRadios[0], h('label', { for: 'mode-markers' }, 'Les fiches, par marqueurs')),
        h('li', {}, modeRadios[1], h('label', { for: 'mode-coverage' }, 'Couverture pour 10 000 habitants'), ' ', level))),
    h('section', { class: 'filter-group' }, h('h2', {}, 'Exporter la sélection'), exports),
    h('p', { class: 'filter-actions' },
      h('button', { type: 'button', class: 'secondary', onclick: () => actions.share() }, 'Partager ou intégrer'),
      h('button', { type: 'button', class: 'link', onclick: () => actions.change({ filters: NO_FILTERS, near: null, territory: null }) },
        'Tout effacer')),
    // On a phone the panel covers the map: a way back to it at the end of the form.
    h('p', { class: 'filters-done' }, h('button', { type: 'button', class: 'secondary', onclick: () => {
      setOpen(false);
      toggle.focus();
    } }, 'Voir la carte')));

  // Any checkbox: the filters are read back from the form, so the form is the one truth while editing.
  root.addEventListener('change', (event) => {
    const { name } = event.target;
    if (['theme', 'show', 'from', 'to', ...CATEGORY_FILTERS].includes(name)) actions.change({ filters: readFilters() });
    else if (name === 'mode' || name === 'level') {
      actions.change({ mode: root.querySelector('input[name=mode]:checked').value, level: level.value });
    } else if (name === 'radius' && state.near) actions.change({ near: { ...state.near, radius: Number(radius.value) } });
  });
  text.addEventListener('input', () => {
    clearTimeout(textTimer);
    textTimer = setTimeout(() => actions.change({ filters: readFilters() }), TEXT_FILTER_DEBOUNCE_MS);
  });
  text.addEventListener('keydown', (event) => {
    if (event.key === 'Enter') {
      event.preventDefault(); // no form submission: the filter applies now
      clearTimeout(textTimer);
      actions.change({ filters: readFilters() });
    }
  });
  root.addEventListener('submit', (event) => event.preventDefault());

  // On a phone the filters fill the height left under the toolbar, whose count wraps on more or
  // fewer lines: its bottom is measured rather than guessed (atlas.css, --filters-top).
  new ResizeObserver(() => {
    const top = toggle.parentElement.getBoundingClientRect().bottom + 8;
    document.documentElement.style.setProperty('--filters-top', `${Math.round(top)}px`);
  }).observe(toggle.parentElement);

  toggle.addEventListener('click', () => setOpen(root.hidden));
  setOpen(!window.matchMedia(NARROW_SCREEN).matches);

  function setOpen(open) {
    root.hidden = !open;
    toggle.setAttribute('aria-expanded', String(open));
  }

  function readFilters() {
    const show = layerBoxes.checked();
    return {
      // Unticking every layer would show nothing: it means "all" in the URL, so the boxes say it.
      show: show.length ? show : LAYERS,
      theme: themeBoxes.checked(),
      ...Object.fromEntries(Object.entries(categories).map(([name, boxes]) => [name, boxes.checked()])),
      // An invalid or half-typed date reads as empty: the page keeps the last one it understood.
      from: from.validity.valid ? from.value : state.filters.from,
      to: to.validity.valid ? to.value : state.filters.to,
      q: text.value.trim(),
    };
  }

  async function refreshCount() {
    request?.abort();
    request = new AbortController();
    const { signal } = request;
    count.textContent = 'Comptage…';
    try {
      const answers = await Promise.all(state.filters.show.map((collection) => records(collection,
        filterQuery(collection, state), { limit: 1 }, signal).then((answer) => countLabel(collection, answer))));
      if (!signal.aborted) count.textContent = answers.join(' · ');
    } catch (error) {
      if (!isAbort(error)) count.textContent = `Comptage impossible : ${error.message}`;
    }
  }

  return {
    /** Shows a state: the form's values, the chips, the exports; recounts when the selection changed. */
    show(next) {
      const selection = (s) => JSON.stringify([s.filters, s.territory, s.near]);
      const selectionChanged = !state || selection(state) !== selection(next);
      state = next;
      const territoryName = actions.territoryName();
      const f = next.filters;
      themeBoxes.set(f.theme);
      for (const [name, boxes] of Object.entries(categories)) boxes.set(f[name] ?? []);
      layerBoxes.set(f.show);
      if (document.activeElement !== from) from.value = f.from ?? TODAY;
      if (document.activeElement !== to) to.value = f.to ?? '';
      to.min = f.from || '';
      if (document.activeElement !== text) text.value = f.q;
      for (const radio of modeRadios) radio.checked = radio.value === next.mode;
      level.value = next.level;
      level.disabled = next.mode !== 'coverage';
      if (next.near) radius.value = String(next.near.radius);

      const filters = filterCount(f) + (next.territory ? 1 : 0) + (next.near ? 1 : 0);
      toggle.querySelector('.badge').textContent = filters ? String(filters) : '';
      toggle.setAttribute('aria-label', filters ? `Filtres (${filters} actifs)` : 'Filtres');

      territoryChip.replaceChildren(...(next.territory
        ? [h('span', { class: 'chip' }, `${kindLabel(next.territory.kind)} : ${territoryName ?? next.territory.code}`,
          h('button', { type: 'button', class: 'chip-remove', 'aria-label': `Retirer le territoire ${territoryName ?? ''}`.trim(),
            onclick: () => actions.change({ territory: null }) }, '×'))]
        : [h('span', { class: 'muted' }, 'Toute la région. Cherchez un territoire ci-dessus, ou cliquez sur la carte.')]));
      const commune = next.territory?.kind === 'commune' && territoryName;
      nearTerritory.hidden = !commune;
      nearTerritory.textContent = commune ? `Autour ${deName(territoryName)}` : '';
      nearTerritory.onclick = () => actions.nearTerritory(Number(radius.value));
      nearStatus.replaceChildren(...(next.near
        ? [h('span', { class: 'chip' }, `Dans un rayon de ${formatNumber(next.near.radius / 1000)} km${next.near.label ? ` ${next.near.label}` : ''}`,
          h('button', { type: 'button', class: 'chip-remove', 'aria-label': 'Retirer le rayon', onclick: () => actions.change({ near: null }) }, '×'))]
        : []));

      exports.replaceChildren(...f.show.map((collection) => h('li', {}, `${COLLECTIONS[collection].label} : `,
        ['csv', 'geojson'].map((format, i) => [i > 0 && ' · ', h('a', {
          href: exportUrl(collection, format, filterQuery(collection, next)),
          download: '',
          'data-export': `${collection}.${format}`,
        }, format === 'csv' ? 'CSV (tableur)' : 'GeoJSON (SIG)')]),
        // A calendar application subscribes to the events' feed rather than downloading a file.
        collection === 'events' && [' · ', h('a', { href: eventsFeedUrl(next), 'data-export': 'events.ics' },
          'S’abonner (iCalendar)')])));

      if (selectionChanged) refreshCount();
    },

    /** A message under "Autour de" (geolocation refused, unavailable...). */
    nearMessage(message) {
      nearStatus.replaceChildren(h('span', { class: 'error' }, message));
    },
  };
}

/** "518 acteurs", "plus de 10 000 initiatives". */
function countLabel(collection, answer) {
  if (answer.numberMatchedMoreThan != null) {
    return `plus de ${formatNumber(answer.numberMatchedMoreThan)} ${COLLECTIONS[collection].many}`;
  }
  return recordCount(collection, answer.numberMatched);
}

/**
 * A list of checkboxes named `name`, one per {code, label}, with an optional colour swatch of a
 * shape (and a modifier class of a code's swatch). `checked()` reads the ticked codes, `set(codes)`
 * ticks them.
 */
function checkboxes(name, entries, color, shape, modifier) {
  const boxes = entries.map(({ code }) => h('input', { type: 'checkbox', name, value: code, id: `filter-${name}-${code}` }));
  const list = h('ul', { class: 'choices' }, entries.map(({ code, label }, i) => h('li', {}, boxes[i],
    h('label', { for: `filter-${name}-${code}` },
      color && h('span', { class: ['legend-swatch', shape, modifier?.(code)].filter(Boolean).join(' '),
        style: `background:${color(code)}`, 'aria-hidden': 'true' }),
      label))));
  return {
    list,
    checked: () => boxes.filter((b) => b.checked).map((b) => b.value),
    set: (codes) => boxes.forEach((b) => { b.checked = codes.includes(b.value); }),
  };
}
