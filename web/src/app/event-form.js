// The page to propose an event (evenement.html), signed in: title, type, themes, dates (heure de
// Paris), place (a commune searched among the territories) or an online link, organisers (actors
// searched by name). Sent as JSON to POST /api/events; every text typed is shown back with
// textContent (h()), never as HTML.

import { personApi, WriteError } from './contribute-api.js';
import { h } from './dom.js';
import { account, fillNav, PAGES } from './site-nav.js';

const root = document.getElementById('event');

fillNav(document.getElementById('site-nav'), 'evenement.html');
start().catch((error) => root.replaceChildren(h('p', { class: 'error' }, error.message)));

async function start() {
  const me = await account();
  if (!me) {
    root.replaceChildren(h('p', {}, 'Connectez-vous pour proposer un événement : il est lié à votre compte. ',
      h('a', { href: PAGES.signIn }, 'Se connecter')));
    return;
  }
  const vocab = await personApi('GET', 'api/vocabularies');
  root.replaceChildren(form(vocab));
}

function form(vocab) {
  const field = (id, label, input, hint) => h('p', { class: 'field' }, h('label', { for: id }, label),
    hint && h('span', { class: 'hint' }, hint), input);
  const text = (id, attrs = {}) => h('input', { id, name: id, type: 'text', ...attrs });
  const name = text('name', { required: true, maxlength: 300 });
  const type = h('select', { id: 'eventType', required: true },
    vocab.eventTypes.map((t) => h('option', { value: t.code }, t.label)));
  const themes = h('ul', { class: 'choices' }, vocab.themes.map((t) => h('li', {},
    h('input', { type: 'checkbox', id: `theme-${t.code}`, value: t.code }),
    h('label', { for: `theme-${t.code}` }, t.label))));
  const description = h('textarea', { id: 'description', rows: 4, maxlength: 5000 });
  const allDay = h('input', { type: 'checkbox', id: 'allDay' });
  const startsAt = h('input', { id: 'startsAt', type: 'datetime-local', required: true });
  const endsAt = h('input', { id: 'endsAt', type: 'datetime-local' });
  allDay.addEventListener('change', () => {
    for (const input of [startsAt, endsAt]) {
      const value = input.value;
      input.type = allDay.checked ? 'date' : 'datetime-local';
      input.value = allDay.checked ? value.slice(0, 10) : value && `${value}T09:00`;
    }
  });
  const placeName = text('placeName', { maxlength: 300, placeholder: 'Salle des fêtes' });
  const address = text('address', { maxlength: 300 });
  const commune = picker('commune', 'Commune', (q) => personApi('GET', `api/territories?${new URLSearchParams({ q, limit: 8 })}`)
    .then((a) => a.results.filter((t) => t.kind === 'commune').map((t) => [t.code, `${t.name}${t.departement ? ` (${t.departement})` : ''}`])), true);
  const onlineUrl = text('onlineUrl', { type: 'url', maxlength: 500, placeholder: 'https://' });
  const website = text('website', { type: 'url', maxlength: 500, placeholder: 'https://' });
  const organisers = picker('organisers', 'Structures organisatrices', (q) => personApi('GET', `api/actors?${new URLSearchParams({ q, limit: 8, format: 'json' })}`)
    .then((a) => a.items.map((actor) => [String(actor.id), actor.name])), false);
  const status = h('p', { role: 'status', id: 'event-status' });
  const submit = h('button', { type: 'submit' }, 'Proposer l’événement');
  const body = () => ({
    name: name.value.trim(),
    eventType: type.value,
    themes: [...themes.querySelectorAll('input:checked')].map((i) => i.value),
    description: description.value.trim() || undefined,
    startsAt: startsAt.value || undefined,
    endsAt: endsAt.value || undefined,
    allDay: allDay.checked,
    commune: commune.keys()[0],
    placeName: placeName.value.trim() || undefined,
    address: address.value.trim() || undefined,
    onlineUrl: onlineUrl.value.trim() || undefined,
    website: website.value.trim() || undefined,
    organisers: organisers.keys().map(Number),
  });
  return h('form', { class: 'contribute-form', novalidate: true, onsubmit: async (event) => {
    event.preventDefault();
    submit.disabled = true;
    status.textContent = 'Envoi…';
    try {
      await personApi('POST', 'api/events', body());
      status.textContent = 'Merci ! Votre événement attend la validation d’un coordinateur de votre territoire.';
    } catch (error) {
      status.textContent = error instanceof WriteError ? error.message : 'Le service ne répond pas : réessayez plus tard.';
    } finally {
      submit.disabled = false;
    }
  } },
    h('fieldset', {}, h('legend', {}, 'L’événement'),
      field('name', 'Titre', name),
      field('eventType', 'Type', type),
      h('fieldset', {}, h('legend', {}, 'Thèmes'), themes),
      field('description', 'Description', description)),
    h('fieldset', {}, h('legend', {}, 'Quand ?'),
      h('p', {}, allDay, h('label', { for: 'allDay' }, ' Toute la journée')),
      field('startsAt', 'Début', startsAt, 'Heure de Paris'),
      field('endsAt', 'Fin', endsAt, 'Facultatif : deux heures après le début, ou la fin de la journée')),
    h('fieldset', {}, h('legend', {}, 'Où ?'),
      field('placeName', 'Nom du lieu', placeName),
      field('address', 'Adresse', address),
      commune.node,
      field('onlineUrl', 'Lien de visio ou de diffusion', onlineUrl, 'Un événement seulement en ligne se place à la commune de sa première structure organisatrice')),
    h('fieldset', {}, h('legend', {}, 'Qui organise ?'),
      organisers.node,
      field('website', 'Site web de l’événement', website)),
    h('p', {}, submit), status);
}

/** A list of choices found by searching (`find(q)` gives [key, label] pairs); `single` keeps one. */
function picker(id, label, find, single) {
  const chosen = new Map();
  const list = h('ul', { class: 'refs', 'aria-label': label, id: `${id}-chosen` });
  const results = h('ul', { class: 'refs', id: `${id}-results` });
  const search = h('input', { id: `${id}-search`, type: 'search', autocomplete: 'off', placeholder: 'Nom' });
  const render = () => list.replaceChildren(...[...chosen].map(([key, name]) => h('li', {}, name, ' ',
    h('button', { type: 'button', class: 'link', onclick: () => { chosen.delete(key); render(); } }, 'retirer'))));
  let timer = 0;
  search.addEventListener('input', () => {
    clearTimeout(timer);
    timer = setTimeout(async () => {
      const q = search.value.trim();
      if (q.length < 2) return results.replaceChildren();
      const found = await find(q).catch(() => []);
      results.replaceChildren(...found.map(([key, name]) => h('li', {},
        h('button', { type: 'button', class: 'link', onclick: () => {
          if (single) chosen.clear();
          chosen.set(key, name);
          results.replaceChildren();
          search.value = '';
          render();
        } }, name))));
    }, 250);
  });
  return {
    node: h('div', { class: 'field' }, h('label', { for: `${id}-search` }, label), search, results, list),
    keys: () => [...chosen.keys()],
  };
}
