// What a record's card offers to contribute (modify, report, claim) and its public history
// ("modifiée le ... par un contributeur"), which never names a person.

import { history } from './contribute-api.js';
import { FIELD_LABELS } from './contribute-labels.js';
import { h } from './dom.js';

const dates = new Intl.DateTimeFormat('fr-FR', { dateStyle: 'long' });

/** The card's contribution links and its history (filled when the service answers). */
export function contributeNodes(kind, id) {
  const query = `?${kind}=${encodeURIComponent(id)}`;
  const list = h('ul', { class: 'history', 'aria-busy': 'true' }, h('li', { class: 'muted' }, 'Chargement de l’historique…'));
  fillHistory(list, kind, id);
  return h('section', { class: 'contribute', 'aria-labelledby': 'contribute-title' },
    h('h3', { id: 'contribute-title' }, 'Contribuer à cette fiche'),
    h('ul', { class: 'contribute-links' },
      h('li', {}, h('a', { class: 'button', href: `proposer.html${query}` }, 'Modifier cette fiche')),
      h('li', {}, h('a', { class: 'button', href: `signaler.html${query}` }, 'Signaler')),
      h('li', {}, h('a', { class: 'button', href: `ma-structure.html${query}` }, 'C’est ma structure'))),
    h('h3', {}, 'Historique'),
    list);
}

async function fillHistory(list, kind, id) {
  try {
    const answer = await history(kind, id);
    list.replaceChildren(...(answer.entries.length
      ? [...answer.entries].reverse().map((e) => h('li', {}, historyLine(e)))
      : [h('li', { class: 'muted' }, 'Aucune contribution depuis son import.')]));
  } catch {
    list.replaceChildren(h('li', { class: 'muted' }, 'Historique indisponible pour le moment.'));
  }
  list.removeAttribute('aria-busy');
}

/** "modifiée (nom, site web) le 3 décembre 2026 par un contributeur". */
export function historyLine(entry) {
  const fields = [...new Set((entry.fields ?? []).map((f) => FIELD_LABELS[f] ?? f))];
  const when = entry.at ? ` le ${dates.format(new Date(entry.at))}` : '';
  return `${capitalise(entry.action)}${fields.length ? ` (${fields.join(', ')})` : ''}${when} par ${entry.by}`;
}

function capitalise(text) {
  return text ? text[0].toUpperCase() + text.slice(1) : '';
}
