// The map page's links to the write side: propose, my contributions, moderation (each page says
// what it needs when its visitor lacks it). The map asks nothing of the account API, so its
// public reads cost what they did; a partner's /embed shows none of them: its visitors
// contribute on the full map.

import { h } from './dom.js';

const nav = document.getElementById('site-nav');
if (/\/embed$/.test(location.pathname)) {
  nav.remove();
} else {
  nav.replaceChildren(h('ul', {},
    h('li', {}, h('a', { href: 'proposer.html' }, 'Proposer un acteur / une initiative')),
    h('li', {}, h('a', { href: 'annonce.html' }, 'Publier un besoin ou une offre')),
    h('li', {}, h('a', { href: 'evenement.html' }, 'Annoncer un événement')),
    h('li', {}, h('a', { href: 'retour-experience.html' }, 'Partager un retour d’expérience')),
    h('li', {}, h('a', { href: 'suivre.html' }, 'Suivre un territoire')),
    h('li', {}, h('a', { href: 'mes-contributions.html' }, 'Mes contributions')),
    h('li', {}, h('a', { href: 'moderation.html' }, 'Modération')),
    h('li', {}, h('a', { href: 'donnees-personnelles.html' }, 'Données personnelles'))));
}
