// The page of a resource person (personne-ressource.html): sign up with consent, edit one's
// listing, turn the relay off, withdraw; and, from the yearly mail (#confirmer=TOKEN), re-confirm.
// Every text the person types is sent as JSON and shown back with textContent (h()), never as HTML.

import { personApi, WriteError } from './contribute-api.js';
import { h } from './dom.js';
import { kindLabel } from './kinds.js';
import { account, fillNav, PAGES } from './site-nav.js';

const root = document.getElementById('person');
const LEVELS = [['public', 'Public'], ['members', 'Membres connectés'], ['private', 'Privé (jamais affiché)']];
const PERIMETER_KINDS = ['commune', 'epci', 'petr', 'bassin_vie', 'departement', 'region'];

fillNav(document.getElementById('site-nav'), 'personne-ressource.html');
start().catch((error) => root.replaceChildren(h('p', { class: 'error' }, error.message)));

async function start() {
  const token = new URLSearchParams(location.hash.slice(1)).get('confirmer');
  if (token) {
    reconfirm(token);
    return;
  }
  const me = await account();
  if (!me) {
    root.replaceChildren(h('p', {}, 'Connectez-vous pour proposer votre fiche : elle est liée à votre compte, ',
      'que vous seul·e pouvez modifier ou retirer. ', h('a', { href: PAGES.signIn }, 'Se connecter')));
    return;
  }
  const [consent, vocab, mine] = await Promise.all([
    personApi('GET', 'api/persons/consent'),
    personApi('GET', 'api/vocabularies'),
    personApi('GET', 'api/persons/me'),
  ]);
  root.replaceChildren(mine.pending && !mine.listing
    ? h('p', {}, 'Votre proposition attend la validation d’un coordinateur de votre territoire.')
    : form(consent, vocab, mine.listing));
}

function reconfirm(token) {
  const status = h('p', { role: 'status' });
  const button = h('button', { type: 'button', onclick: async () => {
    button.disabled = true;
    try {
      await personApi('POST', 'api/persons/reconfirm', { token });
      status.textContent = 'Merci : votre fiche reste publiée pour un an.';
      history.replaceState(null, '', location.pathname);
    } catch (error) {
      status.textContent = error instanceof WriteError ? error.message : 'Le service ne répond pas : réessayez plus tard.';
      button.disabled = false;
    }
  } }, 'Je confirme');
  root.replaceChildren(h('p', {}, 'Souhaitez-vous rester personne ressource sur Atlas Citoyen ?'), button, status);
}

function form(consent, vocab, mine) {
  const field = (id, label, input, hint) => h('p', { class: 'field' }, h('label', { for: id }, label), hint && h('span', { class: 'hint' }, hint), input);
  const text = (id, value, attrs = {}) => h('input', { id, name: id, type: 'text', value: value ?? '', ...attrs });
  const level = (name) => {
    const select = h('select', { id: `visibility-${name}`, 'aria-label': 'Visibilité' },
      LEVELS.map(([code, label]) => h('option', { value: code }, label)));
    select.value = mine?.visibility?.[name] ?? 'public';
    return select;
  };
  const levels = Object.fromEntries(['name', 'description', 'structureName', 'website', 'address'].map((n) => [n, level(n)]));
  const name = text('name', mine?.name, { required: true, maxlength: 200, autocomplete: 'name' });
  const role = h('select', { id: 'role', required: true }, vocab.personRoles.map((r) => h('option', { value: r.code }, r.label)));
  if (mine) role.value = mine.role;
  const structureName = text('structureName', mine?.structureName, { maxlength: 200 });
  const description = h('textarea', { id: 'description', rows: 4, maxlength: 2000 });
  description.value = mine?.description ?? '';
  const website = text('website', mine?.website, { type: 'url', maxlength: 300, placeholder: 'https://' });
  const address = text('address', mine?.address, { maxlength: 300 });
  const postcode = text('postcode', mine?.postcode, { maxlength: 5, inputmode: 'numeric', autocomplete: 'postal-code' });
  const themes = h('ul', { class: 'choices' }, vocab.themes.map((t) => h('li', {},
    h('input', { type: 'checkbox', id: `theme-${t.code}`, value: t.code, checked: mine?.themes.includes(t.code) ?? false }),
    h('label', { for: `theme-${t.code}` }, t.label))));
  const commune = territoryPicker('commune', 'Commune de la permanence', ['commune'], mine?.commune ? [`commune:${mine.commune}`] : [], true);
  const perimeter = territoryPicker('perimeter', 'Périmètre couvert', PERIMETER_KINDS, mine?.perimeter ?? [], false);
  const relay = h('input', { type: 'checkbox', id: 'relay', checked: mine ? mine.relayEnabled : true });
  const agree = h('input', { type: 'checkbox', id: 'consent', required: true });
  const status = h('p', { role: 'status' });
  const submit = h('button', { type: 'submit' }, mine ? 'Enregistrer ma fiche' : 'Proposer ma fiche');
  const body = () => ({
    name: name.value.trim(),
    role: role.value,
    themes: [...themes.querySelectorAll('input:checked')].map((i) => i.value),
    description: description.value.trim() || undefined,
    structureName: structureName.value.trim() || undefined,
    website: website.value.trim() || undefined,
    address: address.value.trim() || undefined,
    postcode: postcode.value.trim() || undefined,
    commune: commune.keys()[0]?.split(':')[1],
    perimeter: perimeter.keys(),
    visibility: Object.fromEntries(Object.entries(levels).map(([n, s]) => [n, s.value])),
    relayEnabled: relay.checked,
    consent: agree.checked,
    consentVersion: consent.version,
  });
  const el = h('form', { class: 'contribute-form', novalidate: true, onsubmit: async (event) => {
    event.preventDefault();
    submit.disabled = true;
    status.textContent = 'Envoi…';
    try {
      const answer = await personApi('POST', 'api/persons/me', body());
      status.textContent = answer.status === 'pending'
        ? 'Merci ! Votre fiche attend la validation d’un coordinateur de votre territoire.'
        : 'Votre fiche est à jour.';
    } catch (error) {
      status.textContent = error instanceof WriteError ? error.message : 'Le service ne répond pas : réessayez plus tard.';
    } finally {
      submit.disabled = false;
    }
  } },
    h('fieldset', {}, h('legend', {}, 'Qui êtes-vous ?'),
      field('name', 'Nom', [name, levels.name]),
      field('role', 'Rôle', role),
      field('structureName', 'Structure', [structureName, levels.structureName]),
      h('fieldset', {}, h('legend', {}, 'Thèmes'), themes),
      field('description', 'Ce que vous proposez', [description, levels.description]),
      field('website', 'Site web', [website, levels.website])),
    h('fieldset', {}, h('legend', {}, 'Où ?'),
      h('p', { class: 'hint' }, 'Votre permanence (un lieu public, jamais votre domicile). Sur la carte, vous êtes placé·e au centre de la commune.'),
      field('address', 'Adresse de la permanence', [address, levels.address]),
      field('postcode', 'Code postal', postcode),
      commune.node,
      perimeter.node),
    h('p', {}, relay, h('label', { for: 'relay' }, ' Recevoir des messages par le relais de l’atlas (votre adresse reste cachée)')),
    h('fieldset', {}, h('legend', {}, 'Consentement'),
      h('blockquote', { class: 'consent-wording' }, consent.wording),
      h('p', {}, agree, h('label', { for: 'consent' }, ` J’ai lu et j’accepte ce texte (version ${consent.version})`))),
    h('p', {}, submit), status);
  if (mine) {
    const withdraw = h('button', { type: 'button', class: 'secondary', onclick: async () => {
      if (!confirm('Retirer votre fiche de l’atlas ?')) return;
      try {
        await personApi('DELETE', 'api/persons/me');
        root.replaceChildren(h('p', { role: 'status' }, 'Votre fiche est retirée. Votre consentement est noté comme retiré.'));
      } catch (error) {
        status.textContent = error instanceof WriteError ? error.message : 'Le service ne répond pas.';
      }
    } }, 'Retirer ma fiche');
    return h('div', {}, h('p', {}, h('a', { href: `./#person=${mine.id}` }, 'Voir ma fiche sur la carte')), el, h('p', {}, withdraw));
  }
  return el;
}

/** A list of real territories chosen by searching /api/territories; `single` keeps one. */
function territoryPicker(id, label, kinds, initial, single) {
  const chosen = new Map(initial.map((key) => [key, key]));
  const list = h('ul', { class: 'refs', 'aria-label': label });
  const results = h('ul', { class: 'refs' });
  const search = h('input', { id: `${id}-search`, type: 'search', autocomplete: 'off', placeholder: 'Nom, code ou code postal' });
  const render = () => list.replaceChildren(...[...chosen].map(([key, name]) => h('li', {}, name, ' ',
    h('button', { type: 'button', class: 'link', onclick: () => { chosen.delete(key); render(); } }, 'retirer'))));
  let timer = 0;
  search.addEventListener('input', () => {
    clearTimeout(timer);
    timer = setTimeout(async () => {
      const q = search.value.trim();
      if (q.length < 2) return results.replaceChildren();
      const answer = await personApi('GET', `api/territories?${new URLSearchParams({ q, limit: 8 })}`).catch(() => ({ results: [] }));
      results.replaceChildren(...answer.results.filter((t) => kinds.includes(t.kind)).map((t) => h('li', {},
        h('button', { type: 'button', class: 'link', onclick: () => {
          if (single) chosen.clear();
          chosen.set(`${t.kind}:${t.code}`, `${t.name} (${kindLabel(t.kind)})`);
          results.replaceChildren();
          search.value = '';
          render();
        } }, `${t.name} (${kindLabel(t.kind)}${t.departement ? `, ${t.departement}` : ''})`))));
    }, 250);
  });
  render();
  return {
    node: h('div', { class: 'field' }, h('label', { for: `${id}-search` }, label), search, results, list),
    keys: () => [...chosen.keys()],
  };
}
