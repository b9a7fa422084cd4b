// mes-contributions.html: the signed-in author's contributions, newest first, where each stands
// and, when a moderator refused one, why.

import { myContributions } from './contribute-api.js';
import { KIND_LABELS, STATUS_LABELS } from './contribute-labels.js';
import { h } from './dom.js';
import { PAGES, fillNav } from './site-nav.js';

const dates = new Intl.DateTimeFormat('fr-FR', { dateStyle: 'long', timeStyle: 'short' });
const root = document.getElementById('mine');

start();

async function start() {
  const me = await fillNav(document.getElementById('site-nav'), 'mes-contributions.html');
  if (!me) {
    root.replaceChildren(h('p', {}, 'Connectez-vous pour voir vos contributions : ', h('a', { href: PAGES.signIn }, 'se connecter'), '.'));
    return;
  }
  try {
    const list = await myContributions();
    root.replaceChildren(list.length === 0
      ? h('p', {}, 'Vous n’avez encore rien proposé. ', h('a', { href: 'proposer.html' }, 'Proposer un acteur ou une initiative'), '.')
      : h('ul', { class: 'my-contributions' }, list.map(item)));
  } catch (error) {
    root.replaceChildren(h('p', { class: 'error' }, error.message));
  }
}

function item(c) {
  const what = c.recordKind === 'initiative' ? 'initiative' : 'acteur';
  const link = c.recordId && c.status !== 'rejected' ? `./#${c.recordKind}=${c.recordId}` : null;
  return h('li', { class: `my-contribution status-${c.status}` },
    h('p', { class: 'kind' }, `${KIND_LABELS[c.kind] ?? c.kind} · ${what}`),
    h('h2', {}, link ? h('a', { href: link }, c.name ?? `Fiche n° ${c.recordId}`) : (c.name ?? 'Sans nom')),
    h('p', { class: 'status-line' }, h('span', { class: `status-badge ${c.status}` }, STATUS_LABELS[c.status] ?? c.status)),
    h('p', { class: 'muted' }, `Envoyée le ${dates.format(new Date(c.createdAt))}`,
      c.decidedAt ? ` · décidée le ${dates.format(new Date(c.decidedAt))}` : ''),
    c.reason && h('p', { class: 'reason' }, h('strong', {}, 'Raison du modérateur : '), c.reason));
}
