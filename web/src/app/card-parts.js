// Pieces the cards of needs and offers, events and experiences share: themes as tags, clickable
// territories, safe links (http(s) only, never a javascript: URL), a lazily loaded list, the
// sources and the last update. Every value goes in as text (dom.js).

import { h } from './dom.js';
import { kindLabel } from './kinds.js';

const dates = new Intl.DateTimeFormat('fr-FR', { dateStyle: 'long' });

/** The URL if it is http(s), else null. */
export function httpUrl(url) {
  return /^https?:\/\/[^\s]+$/i.test(url ?? '') ? url : null;
}

/** "example.org/page" for a link's text. */
export function displayUrl(url) {
  return url.replace(/^https?:\/\/(www\.)?/i, '').replace(/\/$/, '');
}

/** An outside link opening in a new tab, or the text alone when it is not http(s). */
export function outsideLink(url, text = displayUrl(url ?? '')) {
  const safe = httpUrl(url);
  return safe ? h('a', { href: safe, target: '_blank', rel: 'noopener noreferrer' }, text) : url;
}

/** Theme labels as tags (a theme may come as {code, label} or as a code). */
export function tags(themes, label = 'Thèmes') {
  return themes?.length > 0
    && h('ul', { class: 'tags', 'aria-label': label }, themes.map((t) => h('li', {}, t.label ?? t)));
}

/** Territories ({kind, code, name}) as buttons focusing them, under a heading. */
export function territoryRefs(title, territories, actions) {
  return territories?.length > 0 && [h('h3', {}, title),
    h('ul', { class: 'refs' }, territories.map((t) => h('li', {},
      h('button', { type: 'button', class: 'link', onclick: () => actions.territory(t) }, t.name),
      ' ', h('span', { class: 'kind' }, kindLabel(t.kind)))))];
}

/** Linked records ({id, name}) of `kind` as buttons opening their card, with a detail beside each. */
export function recordRefs(title, refs, kind, actions, detail = () => null) {
  return refs?.length > 0 && [h('h3', {}, title),
    h('ul', { class: 'refs' }, refs.map((r) => h('li', {},
      h('button', { type: 'button', class: 'link', onclick: () => actions.open({ kind, id: r.id }) }, r.name),
      detail(r) && [' ', h('span', { class: 'kind' }, detail(r))])))];
}

/** "Mis à jour le 3 décembre 2026." */
export function updatedNode(p) {
  return p.updatedAt && h('p', { class: 'muted' }, `Mis à jour le ${dates.format(new Date(p.updatedAt))}.`);
}

/** "12 décembre 2026" of a YYYY-MM-DD date (a calendar day: no time zone shift). */
export function dayText(day) {
  return dates.format(new Date(`${day}T12:00:00`));
}

/**
 * A section whose list loads when its button is pressed (the button says what it loads and
 * becomes a heading-like toggle): `load(signal)` gives the items, `render(item)` a node each.
 */
export function lazyList({ id, title, empty, load, render, className }) {
  const status = h('p', { class: 'muted card-section-loading', 'aria-live': 'polite' });
  const list = h('ul', { class: `refs ${className}`, id: `${id}-list`, hidden: true });
  let loaded = false;
  const button = h('button', { type: 'button', class: 'secondary', 'aria-expanded': 'false', 'aria-controls': `${id}-list`,
    id, onclick: async () => {
      const open = button.getAttribute('aria-expanded') !== 'true';
      button.setAttribute('aria-expanded', String(open));
      list.hidden = !open || !loaded;
      if (!open || loaded) {
        status.textContent = '';
        return;
      }
      status.textContent = 'Chargement…';
      try {
        const answer = await load();
        const items = answer.items ?? [];
        loaded = true;
        list.replaceChildren(...items.map((item) => h('li', {}, render(item))));
        list.hidden = items.length === 0;
        status.textContent = items.length ? `${items.length} résultat${items.length > 1 ? 's' : ''}.` : empty;
      } catch (error) {
        status.textContent = `Indisponible pour le moment : ${error.message}`;
      }
    } }, title);
  return h('section', { class: `card-section ${className}` }, h('h3', {}, button), status, list);
}
