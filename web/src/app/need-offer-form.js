// The page of needs and offers (annonce.html): a signed-in account posts an announcement (in its
// own name or for an actor it manages), then lists its own and closes them. Every text typed is
// sent as JSON and shown back with textContent (h()), never as HTML.

import { personApi as api, WriteError } from './contribute-api.js';
import { h } from './dom.js';
import { kindLabel } from './kinds.js';
import { account, fillNav, PAGES } from './site-nav.js';

const root = document.getElementById('need-offer');
const mineRoot = document.getElementById('my-needs-offers');
const PERIMETER_KINDS = ['commune', 'epci', 'petr', 'bassin_vie', 'departement', 'region'];
const STATUS = { pending: 'En attente de validation', rejected: 'Refusée', open: 'Publiée', expired: 'Expirée', closed: 'Close' };

fillNav(document.getElementById('site-nav'), 'annonce.html');
start().catch((error) => root.replaceChildren(h('p', { class: 'error' }, error.message)));

async function start() {
  const me = await account();
  if (!me) {
    root.replaceChildren(h('p', {}, 'Connectez-vous pour publier une annonce : elle est liée à votre compte, ',
      'et vous seul·e pouvez la clore. ', h('a', { href: PAGES.signIn }, 'Se connecter')));
    return;
  }
  const [vocab, own, managed] = await Promise.all([
    api('GET', 'api/vocabularies'),
    api('GET', 'api/needs-offers/vocabulary'),
    api('GET', 'api/contact/relay').catch(() => []),
  ]);
  const actors = (Array.isArray(managed) ? managed : managed.items ?? []).filter((r) => r.recordKind === 'actor');
  root.replaceChildren(form(vocab, own, actors));
  await listMine();
}

function form(vocab, own, actors) {
  const field = (id, label, input, hint) => h('p', { class: 'field' }, h('label', { for: id }, label), hint && h('span', { class: 'hint' }, hint), input);
  const title = h('input', { id: 'title', type: 'text', required: true, maxlength: 200 });
  const nature = h('select', { id: 'nature' }, vocab.needOfferNatures.map((n) => h('option', { value: n.code }, n.label)));
  const resource = h('select', { id: 'resource' }, own.resources.map((r) => h('option', { value: r.code }, r.label)));
  const checkboxes = (prefix, items) => h('ul', { class: 'choices' }, items.map((t) => h('li', {},
    h('input', { type: 'checkbox', id: `${prefix}-${t.code}`, value: t.code }),
    h('label', { for: `${prefix}-${t.code}` }, t.label))));
  const themes = checkboxes('theme', vocab.themes);
  const skills = checkboxes('skill', own.skills);
  const description = h('textarea', { id: 'description', rows: 4, maxlength: 4000 });
  const until = new Date();
  until.setMonth(until.getMonth() + 3);
  const validUntil = h('input', { id: 'validUntil', type: 'date', value: until.toISOString().slice(0, 10) });
  const perimeter = territoryPicker('perimeter', 'Territoires concernés (le premier place l’annonce sur la carte)', PERIMETER_KINDS);
  const author = h('select', { id: 'author' }, [h('option', { value: '' }, 'En mon nom'),
    ...actors.map((a) => h('option', { value: String(a.recordId) }, `Pour ${a.name}`))]);
  const authorName = h('input', { id: 'authorName', type: 'text', maxlength: 100, autocomplete: 'name' });
  const authorNameField = field('authorName', 'Nom affiché comme auteur', authorName, 'Votre nom, celui d’un collectif…');
  author.addEventListener('change', () => { authorNameField.hidden = author.value !== ''; });
  const relay = h('input', { type: 'checkbox', id: 'relay', checked: true });
  const status = h('p', { role: 'status' });
  const submit = h('button', { type: 'submit' }, 'Publier l’annonce');
  const checked = (list) => [...list.querySelectorAll('input:checked')].map((i) => i.value);
  const body = () => ({
    title: title.value.trim(),
    nature: nature.value,
    resource: resource.value,
    skills: checked(skills),
    themes: checked(themes),
    description: description.value.trim() || undefined,
    perimeter: perimeter.keys(),
    validUntil: validUntil.value || undefined,
    actorId: author.value ? Number(author.value) : undefined,
    authorName: author.value ? undefined : authorName.value.trim() || undefined,
    relayEnabled: relay.checked,
  });
  return h('form', { class: 'contribute-form', novalidate: true, onsubmit: async (event) => {
    event.preventDefault();
    submit.disabled = true;
    status.textContent = 'Envoi…';
    try {
      await api('POST', 'api/needs-offers', body());
      status.textContent = 'Merci ! Votre annonce attend la validation d’un coordinateur du territoire.';
      await listMine();
    } catch (error) {
      status.textContent = error instanceof WriteError ? error.message : 'Le service ne répond pas : réessayez plus tard.';
    } finally {
      submit.disabled = false;
    }
  } },
    h('fieldset', {}, h('legend', {}, 'Votre annonce'),
      field('nature', 'Besoin ou offre', nature),
      field('title', 'Titre', title),
      field('resource', 'Ce qui est cherché ou proposé', resource),
      h('fieldset', {}, h('legend', {}, 'Thèmes'), themes),
      h('fieldset', {}, h('legend', {}, 'Compétences'), skills),
      field('description', 'Description', description),
      field('validUntil', 'Jusqu’au', validUntil, 'Au plus un an ; l’annonce disparaît de la carte le lendemain.')),
    h('fieldset', {}, h('legend', {}, 'Où ?'), perimeter.node),
    h('fieldset', {}, h('legend', {}, 'Qui publie ?'), field('author', 'Auteur', author), authorNameField,
      h('p', {}, relay, h('label', { for: 'relay' }, ' Recevoir les réponses par le relais de l’atlas (votre adresse reste cachée)'))),
    h('p', {}, submit), status);
}

async function listMine() {
  const mine = await api('GET', 'api/needs-offers/mine');
  if (mine.items.length === 0) {
    mineRoot.replaceChildren(h('p', { class: 'muted' }, 'Aucune annonce pour l’instant.'));
    return;
  }
  mineRoot.replaceChildren(h('ul', { class: 'refs', id: 'my-announcements' }, mine.items.map((item) => {
    const close = item.status === 'open' && h('button', { type: 'button', class: 'link', onclick: async () => {
      if (!confirm('Clore cette annonce ? Elle disparaîtra de la carte.')) return;
      try {
        await api('POST', `api/needs-offers/${item.id}/close`);
        await listMine();
      } catch (error) {
        alert(error instanceof WriteError ? error.message : 'Le service ne répond pas.');
      }
    } }, 'Clore');
    return h('li', { 'data-status': item.status },
      item.status === 'open' ? h('a', { href: `./#need_offer=${item.id}` }, item.name) : item.name,
      ` — ${STATUS[item.status] ?? item.status}`, item.validUntil ? `, jusqu’au ${item.validUntil}` : '',
      item.decisionReason ? ` (${item.decisionReason})` : '', close ? ' ' : '', close || '');
  })));
}

/** A list of real territories chosen by searching /api/territories. */
function territoryPicker(id, label, kinds) {
  const chosen = new Map();
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
      const answer = await api('GET', `api/territories?${new URLSearchParams({ q, limit: 8 })}`).catch(() => ({ results: [] }));
      results.replaceChildren(...answer.results.filter((t) => kinds.includes(t.kind)).map((t) => h('li', {},
        h('button', { type: 'button', class: 'link', onclick: () => {
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
