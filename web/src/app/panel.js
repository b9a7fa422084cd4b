// The side panel (a bottom sheet on narrow screens): a territory and its records, the records
// around a point, an actor's or initiative's card, the territories under a clicked point, a
// loading line or an error. It only renders; main.js decides what to show.

import { h, nodes } from './dom.js';
import { codeLabel, countLabel, epciCategoryLabel, formatNumber, kindLabel } from './kinds.js';

/**
 * `actions.select(ref)` opens a territory ({kind, code, name}), `actions.close()` closes what the
 * panel shows (close button, or Escape in the panel).
 */
export function createPanel(el, actions) {
  const body = el.querySelector('.panel-body');
  el.querySelector('.panel-close').addEventListener('click', () => actions.close());
  el.addEventListener('keydown', (event) => {
    if (event.key === 'Escape') actions.close();
  });

  // Narrow screens: the map's bottom controls (attribution, scale) ride above the sheet; wide
  // ones: the right-hand controls (zoom, legend) move left of the panel.
  new ResizeObserver(() => {
    document.documentElement.style.setProperty('--sheet-height', `${el.hidden ? 0 : el.offsetHeight}px`);
    document.body.classList.toggle('panel-open', !el.hidden);
  }).observe(el);

  function render(...children) {
    // Keep the focus in the panel if it was there (its button is about to be replaced).
    const hadFocus = el.contains(document.activeElement);
    body.replaceChildren(...nodes(children));
    el.hidden = false;
    if (hadFocus) body.querySelector('h2')?.focus();
  }

  const refButton = (ref) => h('li', {},
    h('button', { type: 'button', class: 'link', onclick: () => actions.select(ref) }, ref.name),
    ' ', h('span', { class: 'kind' }, kindLabel(ref.kind)));

  return {
    loading(name) {
      render(h('h2', { id: 'panel-title', tabindex: '-1' }, name ?? 'Chargement…'),
        h('p', { class: 'muted' }, 'Chargement…'));
      el.setAttribute('aria-busy', 'true');
    },

    error(title, text) {
      render(h('h2', { id: 'panel-title', tabindex: '-1' }, title), h('p', { class: 'error' }, text));
      el.removeAttribute('aria-busy');
    },

    /** A territory, with `results` (a section main.js fills with its records) below it. */
    territory(feature, results) {
      const p = feature.properties;
      const kind = [p.kindLabel, p.kind === 'epci' && p.category && epciCategoryLabel(p.category)].filter(Boolean).join(' · ');
      const members = Object.entries(p.memberCounts ?? {}).filter(([, n]) => n > 0);
      render(
        h('p', { class: 'kind' }, kind),
        h('h2', { id: 'panel-title', tabindex: '-1' }, p.name),
        h('dl', {},
          p.population != null && [h('dt', {}, 'Population'), h('dd', {}, `${formatNumber(p.population)} habitants`)],
          [h('dt', {}, codeLabel(p.kind)), h('dd', {}, p.code)],
          p.postcodes?.length > 0 && [h('dt', {}, p.postcodes.length > 1 ? 'Codes postaux' : 'Code postal'), h('dd', {}, p.postcodes.join(', '))]),
        !p.hasGeometry && h('p', { class: 'muted' }, 'Contour non disponible pour ce territoire.'),
        followNodes(p),
        p.parents?.length > 0 && [h('h3', {}, 'Fait partie de'), h('ul', { class: 'refs' }, p.parents.map(refButton))],
        results,
        members.length > 0 && [h('h3', {}, 'Contient'), h('ul', { class: 'counts' }, members.map(([k, n]) => h('li', {}, countLabel(k, n))))]);
      el.removeAttribute('aria-busy');
    },

    /** Anything else: nodes holding an h2#panel-title (a card, the records around a point). */
    show(children) {
      render(children);
      el.removeAttribute('aria-busy');
    },

    point(answer) {
      const where = `${formatCoordinate(answer.lat, 'N', 'S')}, ${formatCoordinate(answer.lon, 'E', 'O')}`;
      if (answer.territories.length === 0) {
        render(h('h2', { id: 'panel-title', tabindex: '-1' }, 'Hors de la région'),
          h('p', {}, 'Aucune commune de la région ne contient ce point.'),
          h('p', { class: 'muted' }, where));
      } else {
        render(h('h2', { id: 'panel-title', tabindex: '-1' }, 'Ce point est dans :'),
          h('ul', { class: 'refs' }, answer.territories.map(refButton)),
          h('p', { class: 'muted' }, where));
      }
      el.removeAttribute('aria-busy');
    },

    close() {
      el.hidden = true;
      body.replaceChildren();
      document.documentElement.style.setProperty('--sheet-height', '0px');
    },
  };
}

/**
 * "Suivre ce territoire": a digest by e-mail of what is new there (suivre.html), or its Atom feed
 * for a feed reader, without any account.
 */
function followNodes(p) {
  const ref = `${encodeURIComponent(p.kind)}:${encodeURIComponent(p.code)}`;
  return h('p', { class: 'follow-links' },
    h('a', { class: 'button', href: `suivre.html?territory=${ref}` }, 'Suivre ce territoire'),
    ' ',
    h('a', { href: `api/territories/${encodeURIComponent(p.kind)}/${encodeURIComponent(p.code)}/feed.atom`, type: 'application/atom+xml' },
      'Fil Atom des nouveautés'));
}

function formatCoordinate(value, positive, negative) {
  const text = Math.abs(value).toLocaleString('fr-FR', { minimumFractionDigits: 4, maximumFractionDigits: 4 });
  return `${text}° ${value >= 0 ? positive : negative}`;
}
