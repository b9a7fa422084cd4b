// The card of an actor or an initiative, from its detail (/api/actors/{id}, /api/initiatives/{id}):
// what it is, its themes and description, where it acts (territories, clickable), what it is
// linked to (clickable), how to reach it, and where the information comes from. Emails and phone
// numbers are private and never served: "Contacter" goes through the relay (contact-card.js) or the
// record's own website.

import { contactNodes } from './contact-card.js';
import { contributeNodes } from './contribute-card.js';
import { h } from './dom.js';
import { kindLabel } from './kinds.js';
import { rightsNode } from './rights-card.js';
import { personCardNodes } from './person-card.js';
import { needOfferCardNodes } from './need-offer-card.js';
import { eventCardNodes } from './event-card.js';
import { experienceCardNodes } from './experience-card.js';

const PRECISION = {
  address: 'Adresse précise',
  commune: 'Placé au centre de sa commune',
  territory: 'Placé au centre du territoire où il agit',
};

const dates = new Intl.DateTimeFormat('fr-FR', { dateStyle: 'long' });

/**
 * The card's nodes. `kind` is 'actor', 'initiative', 'person', 'need_offer', 'event' or
 * 'experience'; `actions.territory(ref)` focuses a territory, `actions.open({kind, id})` opens a
 * linked record, `actions.state` is the map's state (an event's card subscribes to its selection).
 */
export function cardNodes(kind, feature, actions) {
  // Needs and offers, events and experiences have cards of their own (issue 15).
  if (kind === 'need_offer') return needOfferCardNodes(feature, actions);
  if (kind === 'event') return eventCardNodes(feature, actions);
  if (kind === 'experience') return experienceCardNodes(feature, actions);
  if (kind === 'person') {
    const id = feature.id ?? feature.properties.id;
    // The relay and the rights of the people listed concern persons first of all.
    return [...personCardNodes(feature, actions), contactNodes(kind, id, feature.properties),
      id != null && rightsNode(kind, id)];
  }
  const p = feature.properties;
  const actor = kind === 'actor';
  const linked = actor ? p.initiatives : p.actors;
  const site = /^https?:\/\//i.test(p.website ?? '') ? p.website : null; // never a javascript: link
  const contact = site && { href: site, label: `Contacter (site ${displayUrl(site)})` };
  return [
    h('p', { class: 'kind' }, actor ? p.typeLabel : `Initiative · ${p.statusLabel}`),
    h('h2', { id: 'panel-title', tabindex: '-1' }, p.name),
    p.themes.length > 0 && h('ul', { class: 'tags', 'aria-label': 'Thèmes' }, p.themes.map((t) => h('li', {}, t.label))),
    p.description && h('p', { class: 'description' }, p.description),
    !actor && (p.startDate || p.endDate) && h('p', { class: 'muted' }, period(p.startDate, p.endDate)),
    !actor && p.lessonsLearned && [h('h3', {}, 'Retour d’expérience'), h('p', { class: 'description' }, p.lessonsLearned)],
    contact && h('p', {}, h('a', { class: 'button', href: contact.href, target: '_blank', rel: 'noopener noreferrer' }, contact.label)),
    contactNodes(kind, feature.id ?? p.id, p),
    h('dl', {},
      p.website && [h('dt', {}, 'Site web'), h('dd', {}, site ? h('a', { href: site, target: '_blank', rel: 'noopener noreferrer' }, displayUrl(site)) : p.website)],
      (p.address || p.postcode) && [h('dt', {}, 'Adresse'), h('dd', {}, [p.address, p.postcode].filter(Boolean).join(', '))],
      p.precision && [h('dt', {}, 'Position'), h('dd', {}, PRECISION[p.precision] ?? p.precision)],
      p.siren && [h('dt', {}, 'SIREN'), h('dd', {}, p.siren)],
      p.rna && [h('dt', {}, 'RNA'), h('dd', {}, p.rna)]),
    p.territories?.length > 0 && [h('h3', {}, actor ? 'Territoires' : 'Où'),
      h('ul', { class: 'refs' }, p.territories.map((t) => h('li', {},
        h('button', { type: 'button', class: 'link', onclick: () => actions.territory(t) }, t.name),
        ' ', h('span', { class: 'kind' }, kindLabel(t.kind)))))],
    linked?.length > 0 && [h('h3', {}, actor ? 'Ses initiatives' : 'Portée par'),
      h('ul', { class: 'refs' }, linked.map((r) => h('li', {},
        h('button', { type: 'button', class: 'link', onclick: () => actions.open({ kind: actor ? 'initiative' : 'actor', id: r.id }) }, r.name),
        ' ', h('span', { class: 'kind' }, actor ? r.statusLabel : r.typeLabel))))],
    p.sources?.length > 0 && [h('h3', {}, 'Sources'),
      h('ul', { class: 'sources' }, p.sources.map((s) => h('li', {},
        s.source, ' (', licenceNode(s), ')',
        s.attribution && h('span', { class: 'attribution' }, ` · ${s.attribution}`),
        h('span', { class: 'muted' }, `${s.externalId ? ` · fiche ${s.externalId}` : ''}`
          + `${s.lastSeenAt ? ` · vue le ${dates.format(new Date(s.lastSeenAt))}` : ''}`))))],
    p.updatedAt && h('p', { class: 'muted' }, `Mis à jour le ${dates.format(new Date(p.updatedAt))}.`),
    (feature.id ?? p.id) != null && contributeNodes(kind, feature.id ?? p.id),
    (feature.id ?? p.id) != null && rightsNode(kind, feature.id ?? p.id),
  ];
}

/**
 * A source's licence: a link to its text when the URL is http(s) (never a javascript: link), its
 * name otherwise, « licence inconnue » when the import gave none.
 */
export function licenceNode(source) {
  if (!source.licence) return 'licence inconnue';
  return /^https?:\/\//i.test(source.licenceUrl ?? '')
    ? h('a', { href: source.licenceUrl, target: '_blank', rel: 'noopener noreferrer license' }, source.licence)
    : source.licence;
}

function displayUrl(url) {
  return url.replace(/^https?:\/\/(www\.)?/i, '').replace(/\/$/, '');
}

function period(start, end) {
  const format = (d) => dates.format(new Date(`${d}T00:00:00`));
  if (start && end) return `Du ${format(start)} au ${format(end)}`;
  return start ? `Depuis le ${format(start)}` : `Jusqu’au ${format(end)}`;
}
