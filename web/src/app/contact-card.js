// The card's "Contacter" (contact relay): a button to contacter.html when the record takes
// messages (actors: `contactable`; resource persons: `relayEnabled` or `contactable`). The
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
  if (!(p.contactable === true || (kind === 'person' && p.relayEnabled === true))) return null;
  return h('p', {}, h('a', { class: 'button primary', href: `contacter.html?${kind}=${encodeURIComponent(id)}` },
    'Contacter', h('span', { class: 'visually-hidden' }, ` ${p.name ?? ''} par l’atlas`)));
}
