// The card of an event, from /api/events/{id}: its type, title, status ("Annulé" in words, the
// dates struck through), dates and hours in Paris time (all-day events without hours), the place
// or "En ligne" with its link, the organisers (their actors' cards), themes, description, "Ajouter
// à mon agenda" (the event's own .ics) and "S’abonner à cet agenda" (the iCalendar feed of the
// events the map's filters select, which a calendar application keeps up to date).

import { eventsFeedUrl } from './api.js';
import { httpUrl, outsideLink, recordRefs, tags, territoryRefs, updatedNode } from './card-parts.js';
import { h } from './dom.js';
import { longWhen } from './event-dates.js';

/** The card's nodes; `actions` as for cardNodes (territory, open, state: the map's state for the feed). */
export function eventCardNodes(feature, actions) {
  const p = feature.properties;
  const id = feature.id ?? p.id;
  const cancelled = p.status === 'cancelled';
  const online = httpUrl(p.onlineUrl);
  const commune = p.communeName ?? p.territories?.find((t) => t.kind === 'commune')?.name;
  // An online-only event is placed at its organiser: no place to name then.
  const place = p.placeName || p.address
    ? [p.placeName, [p.address, p.postcode].filter(Boolean).join(', '), commune].filter(Boolean) : [];
  return h('div', { class: cancelled ? 'event-card event-cancelled' : 'event-card' },
    h('p', { class: 'kind' }, `Événement · ${p.eventTypeLabel ?? ''}`),
    h('h2', { id: 'panel-title', tabindex: '-1' }, p.name),
    cancelled && h('p', {}, h('span', { class: 'cancelled-label' }, 'Annulé'),
      ' Cet événement n’aura pas lieu aux dates prévues.'),
    h('p', { class: 'event-when' }, longWhen(p)),
    h('dl', {},
      place.length > 0 && [h('dt', {}, 'Lieu'), h('dd', {}, place.join(' — '))],
      p.onlineUrl && [h('dt', {}, 'En ligne'), h('dd', {}, online ? outsideLink(online, 'Rejoindre en ligne') : p.onlineUrl)],
      p.website && [h('dt', {}, 'Site web'), h('dd', {}, outsideLink(p.website))]),
    tags(p.themes),
    p.description && h('p', { class: 'description' }, p.description),
    recordRefs(p.organisers?.length > 1 ? 'Organisateurs' : 'Organisé par', p.organisers, 'actor', actions, (r) => r.typeLabel),
    id != null && h('ul', { class: 'contribute-links calendar-links' },
      !cancelled && h('li', {}, h('a', { class: 'button', href: `api/events/${encodeURIComponent(id)}.ics`, 'data-calendar': 'event' },
        'Ajouter à mon agenda')),
      h('li', {}, h('a', { class: 'button', href: eventsFeedUrl(actions.state), 'data-calendar': 'feed' },
        'S’abonner à cet agenda', h('span', { class: 'visually-hidden' }, ' (les événements de la sélection de la carte)')))),
    territoryRefs('Où', p.territories, actions),
    updatedNode(p));
}
