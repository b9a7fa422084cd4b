// "Suivre un territoire" (suivre.html): pick a territory (search, or ?territory=KIND:CODE), themes
// and a frequency, give an address or use the signed-in account, tick the consent, and subscribe;
// the Atom feed of the chosen territory is linked for those who want no mail. The same module runs
// the mailed links: #jeton=TOKEN on suivre.html confirms an anonymous subscription, on
// desabonner.html (data-mode="unsubscribe") ends one. Every text is set with textContent (h()).

import { personApi, WriteError } from './contribute-api.js';
import { h } from './dom.js';
import { kindLabel } from './kinds.js';
import { account, fillNav, PAGES } from './site-nav.js';

const root = document.getElementById('follow');
const KINDS = ['commune', 'epci', 'petr', 'bassin_vie', 'departement', 'region'];
const FREQUENCIES = [['weekly', 'Chaque semaine (le lundi)'], ['monthly', 'Chaque mois (le 1er)']];
const openedAt = Date.now();
let themeLabels = new Map();
const failed = (error) => (error instanceof WriteError ? error.message : 'Le service ne répond pas : réessayez dans un moment.');

const nav = document.getElementById('site-nav');
if (nav) fillNav(nav, 'suivre.html');
start().catch((error) => root.replaceChildren(h('p', { class: 'error' }, error.message)));

async function start() {
  const token = new URLSearchParams(location.hash.slice(1)).get('jeton');
  if (document.body.dataset.mode === 'unsubscribe') {
    tokenButton(token, 'Me désabonner', 'api/subscriptions/unsubscribe',
      (s) => `C’est fait : vous ne recevrez plus les nouveautés de « ${s.territoryName ?? s.territory} ».`);
    return;
  }
  if (token) {
    tokenButton(token, 'Confirmer mon abonnement', 'api/subscriptions/confirm',
      (s) => `Merci : votre abonnement à « ${s.territoryName ?? s.territory} » est confirmé.`);
    return;
  }
  const [me, consent, vocab] = await Promise.all([
    account(),
    personApi('GET', 'api/subscriptions/consent'),
    personApi('GET', 'api/vocabularies'),
  ]);
  const preset = await presetTerritory(new URLSearchParams(location.search).get('territory'));
  themeLabels = new Map(vocab.themes.map((t) => [t.code, t.label]));
  root.replaceChildren(form(me, consent, vocab, preset));
  if (me) mine(root);
}

/** The page of a mailed link: one button posts the token once. */
function tokenButton(token, label, path, done) {
  const status = h('p', { role: 'status', id: 'token-status' });
  const button = h('button', { type: 'button', id: 'token-button', onclick: async () => {
    button.disabled = true;
    status.textContent = 'Un instant…';
    try {
      status.textContent = done(await personApi('POST', path, { token }));
      history.replaceState(null, '', location.pathname);
    } catch (error) {
      status.textContent = failed(error);
      button.disabled = error instanceof WriteError && error.status === 400;
    }
  } }, label);
  if (!token) {
    button.disabled = true;
    status.textContent = 'Ce lien est incomplet : ouvrez-le à nouveau depuis le message reçu.';
  }
  root.replaceChildren(button, status);
}

/** {key, name} of ?territory=KIND:CODE when it names a real territory of a followable kind. */
async function presetTerritory(value) {
  const match = /^([a-z_]+):([A-Za-z0-9_-]{1,40})$/.exec(value ?? '');
  if (!match || !KINDS.includes(match[1])) return null;
  try {
    const t = await personApi('GET', `api/territories/${match[1]}/${encodeURIComponent(match[2])}?geometry=false`);
    const code = t.properties?.code ?? match[2];
    return { key: `${match[1]}:${code}`, name: `${t.properties?.name ?? code} (${kindLabel(match[1])})` };
  } catch {
    return null;
  }
}

function feedUrl(key) {
  const [kind, code] = key.split(':');
  return new URL(`api/territories/${kind}/${encodeURIComponent(code)}/feed.atom`, document.baseURI).href;
}

function form(me, consent, vocab, preset) {
  let chosen = preset;
  const status = h('p', { role: 'status', id: 'follow-status' });
  const shown = h('p', { id: 'follow-territory' });
  const feed = h('p', { id: 'follow-feed' });
  const results = h('ul', { class: 'refs' });
  const search = h('input', { id: 'follow-search', type: 'search', autocomplete: 'off', placeholder: 'Nom, code ou code postal' });
  const render = () => {
    shown.textContent = chosen ? `Territoire choisi : ${chosen.name}` : 'Aucun territoire choisi.';
    feed.replaceChildren(...(chosen ? ['Sans e-mail : ', h('a', { href: feedUrl(chosen.key), type: 'application/atom+xml', id: 'follow-feed-link' },
      'le flux Atom de ce territoire'), ' (à ajouter à votre lecteur de flux).'] : []));
  };
  let timer = 0;
  search.addEventListener('input', () => {
    clearTimeout(timer);
    timer = setTimeout(async () => {
      const q = search.value.trim();
      if (q.length < 2) return results.replaceChildren();
      const answer = await personApi('GET', `api/territories?${new URLSearchParams({ q, limit: 8 })}`).catch(() => ({ results: [] }));
      results.replaceChildren(...answer.results.filter((t) => KINDS.includes(t.kind)).map((t) => h('li', {},
        h('button', { type: 'button', class: 'link', onclick: () => {
          chosen = { key: `${t.kind}:${t.code}`, name: `${t.name} (${kindLabel(t.kind)})` };
          results.replaceChildren();
          search.value = '';
          render();
        } }, `${t.name} (${kindLabel(t.kind)}${t.departement ? `, ${t.departement}` : ''})`))));
    }, 250);
  });
  render();
  const themes = h('ul', { class: 'choices' }, vocab.themes.map((t) => h('li', {},
    h('label', {}, h('input', { type: 'checkbox', name: 'theme', value: t.code }), ' ', t.label))));
  const frequency = h('select', { id: 'follow-frequency' }, FREQUENCIES.map(([code, label]) => h('option', { value: code }, label)));
  const email = me ? null : h('input', { id: 'follow-email', type: 'email', autocomplete: 'email', required: true });
  const honeypot = h('input', { id: 'follow-url', name: 'url', type: 'text', tabindex: '-1', autocomplete: 'off' });
  const agree = h('input', { id: 'follow-consent', type: 'checkbox', required: true });
  const button = h('button', { type: 'submit', id: 'follow-submit' }, 'Suivre ce territoire');
  const el = h('form', { id: 'follow-form', onsubmit: async (event) => {
    event.preventDefault();
    if (!chosen) {
      status.textContent = 'Choisissez d’abord un territoire.';
      return;
    }
    button.disabled = true;
    status.textContent = 'Un instant…';
    try {
      const answer = await personApi('POST', 'api/subscriptions', {
        territory: chosen.key,
        themes: [...themes.querySelectorAll('input:checked')].map((i) => i.value),
        frequency: frequency.value,
        email: email ? email.value : null,
        consent: agree.checked,
        consentVersion: consent.version,
        url: honeypot.value || null,
        openedAt,
      });
      status.textContent = answer.status === 'active'
        ? `C’est fait : vous suivez ${chosen.name}.`
        : 'Presque fini : un lien de confirmation vient d’être envoyé à cette adresse (valable 48 heures). Rien ne sera envoyé sans cette confirmation.';
      if (me) mine(root);
    } catch (error) {
      status.textContent = failed(error);
    } finally {
      button.disabled = false;
    }
  } },
  h('div', { class: 'field' }, h('label', { for: 'follow-search' }, 'Territoire (commune, intercommunalité, PETR, bassin de vie, département, région)'),
    search, results, shown, feed),
  h('fieldset', {}, h('legend', {}, 'Thèmes (aucun coché : tous les thèmes)'), themes),
  h('p', { class: 'field' }, h('label', { for: 'follow-frequency' }, 'Fréquence'), frequency),
  me ? h('p', {}, 'Les envois iront à l’adresse de votre compte.')
    : h('p', { class: 'field' }, h('label', { for: 'follow-email' }, 'Votre adresse e-mail'), email,
      h('span', { class: 'hint' }, 'Elle ne sert qu’à ces envois ; un lien de confirmation y sera d’abord envoyé. ',
        h('a', { href: PAGES.signIn }, 'Ou connectez-vous'), '.')),
  h('div', { class: 'honeypot', 'aria-hidden': 'true' },
    h('label', { for: 'follow-url' }, 'Ne pas remplir'), honeypot),
  h('p', { class: 'field' }, h('label', {}, agree, ' ', consent.wording)),
  h('p', {}, button), status);
  return el;
}

/** "Mes abonnements" of a signed-in account, each with its button to end it. */
async function mine(container) {
  const list = await personApi('GET', 'api/subscriptions/mine').catch(() => []);
  const frequencyLabel = (code) => (code === 'weekly' ? 'chaque semaine' : 'chaque mois');
  const section = h('section', { id: 'follow-mine' }, h('h2', {}, 'Mes abonnements'),
    list.length === 0 ? h('p', {}, 'Aucun pour le moment.')
      : h('ul', {}, list.map((s) => h('li', {}, `${s.territoryName ?? s.territory} — ${frequencyLabel(s.frequency)}`,
        s.themes.length ? ` — thèmes : ${s.themes.map((code) => themeLabels.get(code) ?? code).join(', ')}` : '', ' ',
        h('button', { type: 'button', class: 'link', onclick: async () => {
          try {
            await personApi('DELETE', `api/subscriptions/${s.id}`);
            mine(container);
          } catch (error) {
            section.append(h('p', { class: 'error' }, failed(error)));
          }
        } }, 'arrêter')))));
  container.querySelector('#follow-mine')?.remove();
  container.append(section);
}
