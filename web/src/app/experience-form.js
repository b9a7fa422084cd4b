// The page to share a retour d'expérience (retour-experience.html): a signed-in person describes
// what was tried, where, by whom, when, what happened and what they would do differently, with its
// outcome (failures welcome, never rated) and optional facets; it waits for a coordinator of its
// territory. Every text typed is sent as JSON and shown back with textContent (h()), never as HTML.

import { sendWrite, getWrite, WriteError } from './contribute-api.js';
import { authorFields, authorMembers } from './contribute-form.js';
import { h } from './dom.js';
import { kindLabel } from './kinds.js';
import { account, fillNav, PAGES } from './site-nav.js';

const root = document.getElementById('experience');
const OUTCOMES = [
  ['reussi', 'Réussi'],
  ['mitige', 'Mitigé'],
  ['abandonne', 'Abandonné'],
  ['echec', 'Échec'],
];
const PLACE_KINDS = ['commune', 'epci', 'petr', 'bassin_vie', 'departement', 'qpv', 'pnr'];

fillNav(document.getElementById('site-nav'), 'retour-experience.html');
start().catch((error) => root.replaceChildren(h('p', { class: 'error' }, error.message)));

async function start() {
  const me = await account();
  if (!me) {
    root.replaceChildren(h('p', {}, 'Connectez-vous pour partager un retour d’expérience : il est lié à votre compte, ',
      'et un coordinateur de votre territoire le relit avant publication. ', h('a', { href: PAGES.signIn }, 'Se connecter')));
    return;
  }
  const vocab = await getWrite('api/vocabularies');
  root.replaceChildren(form(me, vocab));
}

function form(me, vocab) {
  const openedAt = Date.now();
  const field = (id, label, input, hint) => h('p', { class: 'field' }, h('label', { for: id }, label),
    hint && h('span', { class: 'hint' }, ` ${hint}`), input);
  const text = (id, attrs = {}) => h('input', { id, name: id, type: 'text', ...attrs });
  const area = (id, max, required = false) => h('textarea', { id, name: id, rows: 4, maxlength: max, required });
  const name = text('name', { required: true, maxlength: 300 });
  const description = area('description', 4000, true);
  const carriedBy = text('carriedBy', { maxlength: 500 });
  const startedOn = h('input', { id: 'startedOn', type: 'date', required: true });
  const endedOn = h('input', { id: 'endedOn', type: 'date' });
  const happened = area('happened', 4000, true);
  const differently = area('differently', 4000, true);
  const outcome = h('ul', { class: 'choices' }, OUTCOMES.map(([code, label]) => h('li', {},
    h('input', { type: 'radio', name: 'outcome', id: `outcome-${code}`, value: code, required: true }),
    h('label', { for: `outcome-${code}` }, ` ${label}`))));
  const themes = h('ul', { class: 'choices' }, vocab.themes.map((t) => h('li', {},
    h('input', { type: 'checkbox', id: `theme-${t.code}`, value: t.code }),
    h('label', { for: `theme-${t.code}` }, ` ${t.label}`))));
  const place = territoryPicker('place', 'Où ? (commune, intercommunalité, quartier prioritaire, parc naturel…)', PLACE_KINDS);
  const publicReached = area('publicReached', 2000);
  const means = area('means', 2000);
  const partners = area('partners', 2000);
  const links = h('textarea', { id: 'evidenceLinks', rows: 3, placeholder: 'https://…' });
  const status = h('p', { role: 'status' });
  const submit = h('button', { type: 'submit' }, 'Proposer ce retour d’expérience');
  const optional = (value) => value.trim() || undefined;

  const body = (el) => {
    const key = place.keys()[0];
    const [kind, code] = key ? key.split(':') : [];
    const evidence = links.value.split('\n').map((l) => l.trim()).filter(Boolean);
    return {
      name: name.value.trim(),
      description: description.value.trim(),
      themes: [...themes.querySelectorAll('input:checked')].map((i) => i.value),
      commune: kind === 'commune' ? code : undefined,
      territory: kind && kind !== 'commune' ? key : undefined,
      carriedBy: optional(carriedBy.value),
      startedOn: startedOn.value || undefined,
      endedOn: endedOn.value || undefined,
      happened: happened.value.trim(),
      differently: differently.value.trim(),
      outcome: el.querySelector('input[name=outcome]:checked')?.value,
      publicReached: optional(publicReached.value),
      means: optional(means.value),
      partners: optional(partners.value),
      evidenceLinks: evidence.length ? evidence : undefined,
      charterVersion: authorMembers(el, me, openedAt).charterVersion ?? undefined,
    };
  };
  const el = h('form', { class: 'contribute-form', novalidate: true, onsubmit: async (event) => {
    event.preventDefault();
    submit.disabled = true;
    status.textContent = 'Envoi…';
    try {
      await sendWrite('POST', 'api/experiences', body(el));
      el.replaceWith(h('p', { role: 'status', class: 'experience-sent' },
        'Merci ! Votre retour d’expérience attend la relecture d’un coordinateur de votre territoire. ',
        'Vous le suivez dans ', h('a', { href: 'mes-contributions.html' }, 'Mes contributions'), '.'));
    } catch (error) {
      status.textContent = error instanceof WriteError ? error.message : 'Le service ne répond pas : réessayez plus tard.';
      submit.disabled = false;
    }
  } },
    h('fieldset', {}, h('legend', {}, 'Ce qui a été tenté'),
      field('name', 'Titre', name),
      field('description', 'Ce que vous avez tenté', description),
      h('fieldset', {}, h('legend', {}, 'Thèmes'), themes)),
    h('fieldset', {}, h('legend', {}, 'Où, par qui, quand'),
      place.node,
      field('carriedBy', 'Porté par', carriedBy, 'Votre collectif, association, commune…'),
      field('startedOn', 'Début', startedOn),
      field('endedOn', 'Fin (si c’est terminé)', endedOn)),
    h('fieldset', {}, h('legend', {}, 'Ce qui s’est passé'),
      field('happened', 'Ce qui s’est passé', happened),
      field('differently', 'Ce que vous feriez autrement', differently),
      h('fieldset', {}, h('legend', {}, 'Issue'),
        h('p', { class: 'hint' }, 'Une issue n’est pas une note : un échec raconté honnêtement est aussi utile qu’une réussite.'),
        outcome)),
    h('fieldset', {}, h('legend', {}, 'Pour aller plus loin (facultatif)'),
      field('publicReached', 'Public touché', publicReached),
      field('means', 'Moyens', means),
      field('partners', 'Partenaires', partners),
      field('evidenceLinks', 'Liens (bilan, article, vidéo)', links, 'Une adresse http:// ou https:// par ligne')),
    authorFields(me),
    h('p', {}, submit), status);
  return el;
}

/** One real territory chosen by searching /api/territories (the first of `kinds` found). */
function territoryPicker(id, label, kinds) {
  let chosen = null;
  const said = h('p', { class: 'place-chosen' }, 'Aucun lieu choisi.');
  const results = h('ul', { class: 'refs' });
  const search = h('input', { id: `${id}-search`, type: 'search', autocomplete: 'off', placeholder: 'Nom, code ou code postal' });
  let timer = 0;
  search.addEventListener('input', () => {
    clearTimeout(timer);
    timer = setTimeout(async () => {
      const q = search.value.trim();
      if (q.length < 2) return results.replaceChildren();
      const answer = await getWrite(`api/territories?${new URLSearchParams({ q, limit: 8 })}`).catch(() => ({ results: [] }));
      results.replaceChildren(...answer.results.filter((t) => kinds.includes(t.kind)).map((t) => h('li', {},
        h('button', { type: 'button', class: 'link', onclick: () => {
          chosen = `${t.kind}:${t.code}`;
          said.textContent = `Lieu choisi : ${t.name} (${kindLabel(t.kind)})`;
          results.replaceChildren();
          search.value = '';
        } }, `${t.name} (${kindLabel(t.kind)}${t.departement ? `, ${t.departement}` : ''})`))));
    }, 250);
  });
  return {
    node: h('div', { class: 'field' }, h('label', { for: `${id}-search` }, label), search, results, said),
    keys: () => (chosen ? [chosen] : []),
  };
}
