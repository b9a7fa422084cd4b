// The card's "Contacter" (contact relay): a button to contacter.html when the record takes
// messages (actors: `contactable`; resource persons: `relayEnabled` or `contactable`), and a
// need's or offer's "Répondre" (`relayEnabled`), which writes to its author. The
// address itself never reaches the page. Initiatives have no address: their carriers are listed
// on the card, each with its own "Contacter".

import { h } from './dom.js';

/** The "Contacter" node of a card, or null. */
export function contactNodes(kind, id, p) {
  if (id == null) return null;
  if (kind === 'initiative') {
    return p.actors?.length > 0
      ? h('p', { class: 'muted' }, 'Pour écrire aux porteurs de cette initiative, ouvrez leur fiche ci-dessous.')
      : null;
  }
  if (kind === 'need_offer') {
    return p.relayEnabled === true
      ? h('p', {}, h('a', { class: 'button primary', href: `contacter.html?need_offer=${encodeURIComponent(id)}` },
        'Répondre', h('span', { class: 'visually-hidden' }, ` à l’annonce « ${p.name ?? ''} » par l’atlas`)))
      : null;
  }
  if (!(p.contactable === true || (kind === 'person' && p.relayEnabled === true))) return null;
  return h('p', {}, h('a', { class: 'button primary', href: `contacter.html?${kind}=${encodeURIComponent(id)}` },
    'Contacter', h('span', { class: 'visually-hidden' }, ` ${p.name ?? ''} par l’atlas`)));
}
