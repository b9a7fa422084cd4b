// The card of a need or an offer ("petite annonce"), from /api/needs-offers/{id}: need or offer and
// what (skills, volunteers, a place...), title, themes, skills sought or offered, description, its
// author (the actor's card when it is one of the atlas), the perimeter it covers (clickable
// territories), until when, "Qui pourrait répondre ?" (offers and actors of the same themes,
// nearest territories first, from /api/needs-offers/{id}/matches) and "Répondre" through the
// contact relay: the author's address never reaches the page.

import { needOfferMatches } from './api.js';
import { dayText, lazyList, outsideLink, tags, territoryRefs, updatedNode } from './card-parts.js';
import { contactNodes } from './contact-card.js';
import { h } from './dom.js';
import { COLLECTIONS } from './kinds.js';
import { formatDistance } from './results.js';

/** The card's nodes; `actions` as for cardNodes (territory, open). */
export function needOfferCardNodes(feature, actions) {
  const p = feature.properties;
  const id = feature.id ?? p.id;
  const need = p.nature === 'need';
  const author = p.actor?.[0];
  return [
    h('p', { class: 'kind' }, [p.natureLabel, p.resourceLabel].filter(Boolean).join(' · ')),
    h('h2', { id: 'panel-title', tabindex: '-1' }, p.name),
    tags(p.themes),
    p.skills?.length > 0 && [h('h3', {}, need ? 'Compétences recherchées' : 'Compétences proposées'),
      tags(p.skills.map(skillLabel), 'Compétences')],
    p.description && h('p', { class: 'description' }, p.description),
    p.validUntil && h('p', { class: 'valid-until' }, `Jusqu’au ${dayText(p.validUntil)}`),
    contactNodes('need_offer', id, p),
    h('dl', {},
      (author || p.authorName) && [h('dt', {}, need ? 'Demandé par' : 'Proposé par'), h('dd', {}, author
        ? h('button', { type: 'button', class: 'link', onclick: () => actions.open({ kind: 'actor', id: author.id }) }, author.name)
        : p.authorName)],
      p.website && [h('dt', {}, 'Site web'), h('dd', {}, outsideLink(p.website))],
      (p.address || p.postcode) && [h('dt', {}, 'Adresse'), h('dd', {}, [p.address, p.postcode].filter(Boolean).join(', '))]),
    territoryRefs('Périmètre couvert', p.perimeter, actions),
    id != null && lazyList({
      id: 'matches',
      className: 'matches',
      title: 'Qui pourrait répondre ?',
      empty: need ? 'Aucune offre ni aucun acteur de ces thèmes pour le moment.' : 'Aucun besoin ni aucun acteur de ces thèmes pour le moment.',
      load: () => needOfferMatches(id),
      render: (item) => matchNode(item, actions),
    }),
    updatedNode(p),
  ];
}

/** One answer of "Qui pourrait répondre ?": its card, what it is, where, how close, the themes shared. */
function matchNode(item, actions) {
  const kind = COLLECTIONS[item.kind]?.kind ?? 'actor';
  const shared = (item.sharedThemes ?? []).map((t) => t.label ?? t);
  return [
    h('button', { type: 'button', class: 'link', onclick: () => actions.open({ kind, id: item.id }) }, item.name),
    h('span', { class: 'result-details' }, [
      item.natureLabel ?? item.typeLabel,
      item.communeName,
      item.closenessLabel,
      item.distance != null && formatDistance(item.distance),
    ].filter(Boolean).join(' · ')),
    shared.length > 0 && h('span', { class: 'result-details' }, `Thèmes en commun : ${shared.join(', ')}`),
  ];
}

/** A skill's code as words when the API gives no label: "recherche_financements" -> "Recherche financements". */
function skillLabel(skill) {
  if (skill?.label) return skill;
  const text = String(skill).replace(/_/g, ' ');
  return text.charAt(0).toUpperCase() + text.slice(1);
}
