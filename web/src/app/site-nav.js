// The links of the write side's pages: propose, my contributions, moderation (coordinators and
// admins), sign in or my account. Which ones show depends on GET /api/account, asked once per
// page (a 401 when nobody is signed in, which the browser's console reports as a failed load).
// The map has its own, fixed links (map-nav.js).

import { h } from './dom.js';
import { currentAccount } from './contribute-api.js';

/** Pages the accounts side serves. */
export const PAGES = {
  signIn: 'connexion.html',
  account: 'compte.html',
};

let accountPromise = null;

/** The signed-in account, or null; asked once per page, whoever asks. */
export function account() {
  accountPromise ??= currentAccount().catch(() => null);
  return accountPromise;
}

/** The signed-in account asked again (after a change of roles). */
export function refreshAccount() {
  accountPromise = null;
  return account();
}

/** Whether an account moderates something: admin, or coordinator of a territory. */
export function moderates(a) {
  return Boolean(a && (a.admin || a.coordinatorOf?.length > 0));
}

/**
 * Fills `nav` (a <nav> with an aria-label) with the links; `current` is the file name of the page
 * showing it, whose link gets aria-current.
 */
export async function fillNav(nav, current) {
  const link = (href, text) => h('li', {}, h('a', { href, 'aria-current': href === current ? 'page' : null }, text));
  const render = (a) => nav.replaceChildren(h('ul', {},
    current && link('./', 'La carte'),
    link('proposer.html', 'Proposer un acteur / une initiative'),
    link('personne-ressource.html', 'Personne ressource'),
    link('retour-experience.html', 'Retour d’expérience'),
    a && link('mes-contributions.html', 'Mes contributions'),
    moderates(a) && link('moderation.html', 'Modération'),
    a ? link(PAGES.account, 'Mon compte') : link(PAGES.signIn, 'Se connecter')));
  render(null);
  const a = await account();
  render(a);
  nav.dataset.account = a ? 'signed-in' : 'anonymous';
  return a;
}
