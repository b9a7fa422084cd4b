// The card of a resource person, from /api/persons/{id}: role, name, themes, description, structure
// (a link to its actor when it is one of the atlas), permanence, the perimeter they cover
// (clickable territories), and, for a signed-in visitor, the values the person shows to members
// only (`properties.members`). No email nor phone is ever served: contact goes through the relay.

import { h } from './dom.js';
import { kindLabel } from './kinds.js';

const PRECISION = {
  address: 'Adresse de la permanence',
  commune: 'Placée au centre de sa commune (pas d’adresse publique)',
};

const dates = new Intl.DateTimeFormat('fr-FR', { dateStyle: 'long' });

/** The card's nodes; `actions` as for cardNodes (territory, open). */
export function personCardNodes(feature, actions) {
  const p = feature.properties;
  const m = p.members ?? {};
  const member = (value) => value && h('span', { class: 'muted' }, ' (visible des membres connectés)');
  const site = (url) => (/^https?:\/\//i.test(url ?? '') ? url : null); // never a javascript: link
  const website = p.website ?? m.website;
  const structure = p.structure?.[0];
  const description = p.description ?? m.description;
  return [
    h('p', { class: 'kind' }, `Personne ressource · ${p.roleLabel}`),
    h('h2', { id: 'panel-title', tabindex: '-1' }, m.name ?? p.name, member(m.name)),
    p.themes.length > 0 && h('ul', { class: 'tags', 'aria-label': 'Thèmes' }, p.themes.map((t) => h('li', {}, t.label))),
    description && h('p', { class: 'description' }, description, member(!p.description && m.description)),
    p.relayEnabled === false && h('p', { class: 'muted' }, 'Cette personne ne reçoit pas de messages par l’atlas pour le moment.'),
    h('dl', {},
      (structure || p.structureName || m.structureName) && [h('dt', {}, 'Structure'), h('dd', {},
        structure
          ? h('button', { type: 'button', class: 'link', onclick: () => actions.open({ kind: 'actor', id: structure.id }) }, structure.name)
          : (p.structureName ?? m.structureName), member(!p.structureName && m.structureName))],
      website && [h('dt', {}, 'Site web'), h('dd', {}, site(website)
        ? h('a', { href: site(website), target: '_blank', rel: 'noopener noreferrer' }, website.replace(/^https?:\/\/(www\.)?/i, ''))
        : website, member(!p.website && m.website))],
      (p.address || m.address || p.postcode) && [h('dt', {}, 'Permanence'),
        h('dd', {}, [p.address ?? m.address, p.postcode].filter(Boolean).join(', '), member(!p.address && m.address))],
      p.precision && [h('dt', {}, 'Position'), h('dd', {}, PRECISION[p.precision] ?? p.precision)]),
    p.perimeter?.length > 0 && [h('h3', {}, 'Périmètre couvert'),
      h('ul', { class: 'refs' }, p.perimeter.map((t) => h('li', {},
        h('button', { type: 'button', class: 'link', onclick: () => actions.territory(t) }, t.name),
        ' ', h('span', { class: 'kind' }, kindLabel(t.kind)))))],
    p.updatedAt && h('p', { class: 'muted' }, `Mis à jour le ${dates.format(new Date(p.updatedAt))}.`),
    h('p', { class: 'muted' }, 'Listée avec son consentement. ',
      h('a', { href: 'personne-ressource.html' }, 'Devenir personne ressource')),
  ];
}
