// The card's link to the rights of the people listed: anyone a record concerns can ask to correct
// or remove it (mes-droits.html), for actors, initiatives and resource persons alike.

import { h } from './dom.js';

/** "Cette fiche vous concerne ? Corriger ou retirer", for a record of `kind` ('actor', 'initiative', 'person'). */
export function rightsNode(kind, id) {
  return h('p', { class: 'rights-link' },
    h('a', { href: `mes-droits.html?${encodeURIComponent(kind)}=${encodeURIComponent(id)}` },
      'Cette fiche vous concerne ? Corriger ou retirer'));
}
