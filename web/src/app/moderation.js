// moderation.html, the coordinators' console: their territories on a small map, the queue of
// what waits inside them (oldest first, paged), an item's field-by-field diff against the
// published record, lock, approve (with changes), reject with a reason, the record's history.
// Admins also grant and revoke coordinator roles (moderation-admin.js). An account that
// moderates nothing gets a message and no data: the console asks the API for nothing.

import { territory, vocabularies } from './api.js';
import { drawBase } from './base-layer.js';
import { decide, history, lockItem, moderationItem, moderationQueue } from './contribute-api.js';
import { historyLine } from './contribute-card.js';
import { FIELD_LABELS, KIND_LABELS, RECORD_KIND_LABELS, REPORT_REASONS } from './contribute-labels.js';
import { h, nodes } from './dom.js';
import { kindLabel } from './kinds.js';
import { L, createMap } from './map.js';
import { createAdmin } from './moderation-admin.js';
import { createRightsQueue } from './rights-moderation.js';
import { PAGES, account, fillNav, moderates, refreshAccount } from './site-nav.js';

const PAGE_SIZE = 20;
const dates = new Intl.DateTimeFormat('fr-FR', { dateStyle: 'long', timeStyle: 'short' });
const times = new Intl.DateTimeFormat('fr-FR', { timeStyle: 'short' });
const consoleStatus = document.getElementById('console-status');
const itemSection = document.getElementById('item');
const itemBody = document.getElementById('item-body');
let vocab = { themes: [], actorTypes: [], initiativeStatuses: [] };
let territoryMap = null;
let territoryLayer = null;
let pages = [0]; // the cursors of the pages seen, to go back to the first
let me = null;

start();

async function start() {
  await fillNav(document.getElementById('site-nav'), 'moderation.html');
  me = await account();
  if (!me) {
    consoleStatus.replaceChildren('La modération est réservée aux coordinateurs des territoires : ',
      h('a', { href: PAGES.signIn }, 'connectez-vous'), '.');
    return;
  }
  if (!moderates(me)) {
    consoleStatus.className = 'error';
    consoleStatus.textContent = 'Votre compte ne coordonne aucun territoire : la modération est réservée aux coordinateurs '
      + 'd’un territoire et aux administrateurs. Un administrateur peut vous confier un territoire.';
    return;
  }
  consoleStatus.textContent = me.admin
    ? 'Administrateur : vous voyez les contributions de toute la région.'
    : 'Vous voyez les contributions de vos territoires (et celles qui y remontent faute d’avoir été traitées).';
  document.getElementById('console-body').hidden = false;
  vocab = await vocabularies().catch(() => vocab);
  territoryMap = createMap(document.getElementById('territory-map'));
  drawBase(territoryMap);
  showTerritories(me);
  loadQueue(0);
  createRightsQueue(document.getElementById('rights'));
  document.getElementById('queue-next').addEventListener('click', (event) => loadQueue(Number(event.currentTarget.dataset.after)));
  document.getElementById('queue-first').addEventListener('click', () => {
    pages = [0];
    loadQueue(0);
  });
  if (me.admin) {
    document.getElementById('admin').hidden = false;
    createAdmin(document.getElementById('admin-body'), {
      changed: async () => {
        me = await refreshAccount();
        showTerritories(me);
        loadQueue(pages[pages.length - 1]);
      },
    });
  }
}

/** The coordinator's territories: names in a list, outlines on the map. */
async function showTerritories(a) {
  const list = document.getElementById('territory-list');
  const roles = a.coordinatorOf ?? [];
  territoryLayer?.remove();
  territoryLayer = L.featureGroup().addTo(territoryMap);
  if (roles.length === 0) {
    list.replaceChildren(h('li', { class: 'muted' }, a.admin ? 'Aucun territoire en propre : en tant qu’administrateur, vous voyez tout.' : 'Aucun.'));
    return;
  }
  list.replaceChildren(...roles.map((r) => h('li', { 'data-territory': `${r.kind}:${r.code}` }, `${kindLabel(r.kind)} ${r.code}`)));
  await Promise.all(roles.map(async (r) => {
    try {
      const feature = await territory(r.kind, r.code, { simplify: r.kind === 'commune' ? 20 : 100 });
      list.querySelector(`[data-territory="${CSS.escape(`${r.kind}:${r.code}`)}"]`).textContent = `${feature.properties.name} (${kindLabel(r.kind)})`;
      L.geoJSON(feature, { style: { color: '#0b5cad', weight: 2, fillOpacity: 0.15 } }).addTo(territoryLayer);
    } catch {
      // the name stays the code; the outline is missing
    }
  }));
  if (territoryLayer.getLayers().length) territoryMap.fitBounds(territoryLayer.getBounds(), { animate: false, padding: [8, 8] });
}

async function loadQueue(after) {
  const list = document.getElementById('queue-list');
  list.setAttribute('aria-busy', 'true');
  try {
    const page = await moderationQueue(after, PAGE_SIZE);
    if (!pages.includes(after)) pages.push(after);
    list.replaceChildren(...(page.items.length ? page.items.map(queueEntry)
      : [h('li', { class: 'muted' }, after ? 'Plus rien après.' : 'Rien à examiner pour le moment.')]));
    const next = document.getElementById('queue-next');
    next.hidden = page.next == null;
    if (page.next != null) next.dataset.after = String(page.next);
    document.getElementById('queue-first').hidden = after === 0;
  } catch (error) {
    list.replaceChildren(h('li', { class: 'error' }, error.message));
  }
  list.removeAttribute('aria-busy');
}

function queueEntry(item) {
  const lock = item.lockedByMe ? 'vous la traitez' : item.locked ? 'prise en charge par un autre modérateur' : null;
  return h('li', { class: 'queue-item', 'data-id': item.id },
    h('button', { type: 'button', class: 'link queue-open', onclick: () => openItem(item.id) },
      `${KIND_LABELS[item.kind] ?? item.kind} (${RECORD_KIND_LABELS[item.recordKind] ?? item.recordKind}) : ${item.name ?? 'sans nom'}`),
    h('span', { class: 'muted' }, [
      item.commune, `le ${dates.format(new Date(item.createdAt))}`,
      item.escalationLevel > 0 && `remontée (niveau ${item.escalationLevel})`, lock].filter(Boolean).join(' · ')));
}

async function openItem(id) {
  itemSection.hidden = false;
  itemBody.replaceChildren(h('p', { class: 'muted' }, 'Chargement…'));
  try {
    renderItem(await moderationItem(id));
  } catch (error) {
    itemBody.replaceChildren(h('p', { class: 'error' }, error.message));
  }
  itemSection.focus();
}

function renderItem(item) {
  const report = item.kind === 'report';
  const editable = item.kind === 'new' || item.kind === 'change' || item.kind === 'import_conflict';
  const message = h('p', { class: 'form-status', role: 'status', tabindex: '-1' });
  const say = (kind, text) => {
    message.className = `form-status ${kind}`;
    message.textContent = text;
  };
  const name = item.diff.find((d) => d.field === 'name');
  document.getElementById('item-title').textContent = `${KIND_LABELS[item.kind] ?? item.kind} n° ${item.id}`
    + (name ? ` : ${name.proposed ?? name.published ?? ''}` : '');
  const lockText = h('span', {}, lockLine(item));
  const diffTable = item.diff.length ? diffView(item) : null;
  const reasonBox = h('div', { class: 'field', hidden: true },
    h('label', { for: 'reject-reason' }, report ? 'Pourquoi ces signalements sont rejetés (obligatoire)' : 'Raison du refus, envoyée à l’auteur (obligatoire)'),
    h('textarea', { id: 'reject-reason', rows: '3', maxlength: '2000' }),
    h('p', {}, h('button', { type: 'button', class: 'danger', onclick: () => reject() }, 'Confirmer le refus')));

  async function act(decision, done) {
    try {
      const answer = await decide(item.id, decision);
      say('success', done(answer));
      for (const b of itemBody.querySelectorAll('button')) b.disabled = true;
      document.querySelector(`#queue-list [data-id="${item.id}"]`)?.remove();
    } catch (error) {
      say('error', error.message);
    }
    message.focus();
  }
  function approve(withChanges) {
    const fields = withChanges ? edits(item) : null;
    if (withChanges && fields === null) {
      say('error', 'Vous n’avez changé aucune valeur : modifiez une valeur proposée, ou approuvez telle quelle.');
      return;
    }
    act({ decision: 'approve', ...(fields ? { fields } : {}) }, (answer) => (report
      ? 'Signalement retenu : la fiche est retirée de la carte et ne reviendra pas avec les imports.'
      : `Approuvée : c’est publié${answer.recordId ? ` (fiche n° ${answer.recordId})` : ''}. L’auteur est prévenu.`));
  }
  function reject() {
    const reason = document.getElementById('reject-reason').value.trim();
    if (!reason) {
      say('error', 'Donnez la raison du refus : elle est envoyée à l’auteur.');
      document.getElementById('reject-reason').focus();
      return;
    }
    act({ decision: 'reject', reason }, () => (report
      ? 'Signalements rejetés : la fiche reste (ou revient) sur la carte.'
      : 'Refusée : l’auteur reçoit votre raison.'));
  }

  itemBody.replaceChildren(...nodes([
    h('dl', { class: 'item-meta' },
      h('dt', {}, 'Fiche'), h('dd', {}, item.recordId
        ? h('a', { href: `./#${item.recordKind}=${item.recordId}`, target: '_blank', rel: 'noopener' }, `${RECORD_KIND_LABELS[item.recordKind]} n° ${item.recordId}`)
        : (item.recordKind === 'actor' ? 'nouvel acteur' : 'nouvelle initiative')),
      h('dt', {}, 'Proposée'), h('dd', {}, `le ${dates.format(new Date(item.createdAt))} par ${item.author}`),
      item.escalationLevel > 0 && [h('dt', {}, 'Remontée'), h('dd', {}, `niveau ${item.escalationLevel} : non traitée à temps plus près du terrain`)],
      item.reason && [h('dt', {}, 'Motif'), h('dd', {}, REPORT_REASONS[item.reason] ?? item.reason)],
      item.comment && [h('dt', {}, 'Commentaire'), h('dd', { class: 'user-text' }, item.comment)],
      h('dt', {}, 'Prise en charge'), h('dd', {}, lockText)),
    diffTable,
    h('div', { class: 'item-actions' },
      h('button', { type: 'button', class: 'secondary', onclick: async () => {
        try {
          const lock = await lockItem(item.id);
          lockText.textContent = `Vous la traitez jusqu’à ${times.format(new Date(lock.lockedUntil))} : les autres modérateurs ne peuvent pas la décider d’ici là.`;
          say('info', 'Contribution prise en charge.');
        } catch (error) {
          say('error', error.message);
        }
      } }, 'Prendre en charge'),
      h('button', { type: 'button', class: 'primary', onclick: () => approve(false) }, report ? 'Retenir : retirer la fiche' : 'Approuver'),
      editable && h('button', { type: 'button', class: 'secondary', 'aria-expanded': 'false', onclick: (event) => {
        const table = itemBody.querySelector('.diff');
        const on = !table.classList.contains('editing');
        table.classList.toggle('editing', on);
        event.currentTarget.setAttribute('aria-expanded', String(on));
        itemBody.querySelector('.approve-edited').hidden = !on;
        if (on) table.querySelector('.edit-value')?.focus();
      } }, 'Modifier avant d’approuver'),
      editable && h('button', { type: 'button', class: 'primary approve-edited', hidden: true, onclick: () => approve(true) }, 'Approuver avec ces valeurs'),
      h('button', { type: 'button', class: 'secondary', 'aria-expanded': 'false', onclick: (event) => {
        reasonBox.hidden = !reasonBox.hidden;
        event.currentTarget.setAttribute('aria-expanded', String(!reasonBox.hidden));
        if (!reasonBox.hidden) document.getElementById('reject-reason').focus();
      } }, report ? 'Rejeter les signalements' : 'Refuser')),
    reasonBox,
    message,
    item.recordId && historySection(item.recordKind, item.recordId)]));
}

function lockLine(item) {
  if (!item.lockedUntil || new Date(item.lockedUntil) < new Date()) return 'Personne ne la traite pour l’instant.';
  return item.lockedByMe
    ? `Vous la traitez jusqu’à ${times.format(new Date(item.lockedUntil))}.`
    : `Un autre modérateur la traite jusqu’à ${times.format(new Date(item.lockedUntil))}.`;
}

/**
 * The diff: one row per proposed field, published beside proposed. A changed row says so in
 * words ("modifié") and in weight, not by colour alone; in editing mode the proposed values of
 * text fields become inputs.
 */
function diffView(item) {
  return h('table', { class: 'diff' },
    h('caption', {}, item.recordId ? 'Ce qui change, champ par champ' : 'Les champs proposés'),
    h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, 'Champ'), h('th', { scope: 'col' }, 'Publié'), h('th', { scope: 'col' }, 'Proposé'))),
    h('tbody', {}, item.diff.map((d) => h('tr', { class: d.changed ? 'changed' : null, 'data-field': d.field },
      h('th', { scope: 'row' }, capitalise(FIELD_LABELS[d.field] ?? d.field),
        d.changed && h('span', { class: 'changed-badge' }, ' modifié')),
      h('td', {}, valueText(d.field, d.published)),
      h('td', {}, h('span', { class: 'proposed-value' }, valueText(d.field, d.proposed)), editor(d))))));
}

/** The fields a moderator may change before approving (a person proposal's role, perimeter and choices are the person's). */
const EDITABLE = new Set(['name', 'type', 'status', 'themes', 'description', 'lessonsLearned', 'startDate', 'endDate',
  'website', 'address', 'postcode']);

/** An input for a proposed value the moderator may change (not the place). */
function editor(d) {
  if (!EDITABLE.has(d.field)) return null;
  const label = `Valeur retenue : ${FIELD_LABELS[d.field] ?? d.field}`;
  const common = { class: 'edit-value', 'aria-label': label, 'data-field': d.field };
  if (d.field === 'type' || d.field === 'status') {
    const options = d.field === 'type' ? vocab.actorTypes : vocab.initiativeStatuses;
    return h('select', common, options.map((o) => h('option', { value: o.code, selected: o.code === d.proposed }, o.label)));
  }
  if (d.field === 'themes') {
    const input = h('input', { ...common, type: 'text', 'aria-describedby': 'themes-codes-help' });
    input.value = (d.proposed ?? []).join(', ');
    return [input, h('span', { class: 'help', id: 'themes-codes-help' }, ` codes séparés par des virgules (${vocab.themes.map((t) => t.code).join(', ')})`)];
  }
  const long = d.field === 'description' || d.field === 'lessonsLearned';
  const input = h(long ? 'textarea' : 'input', { ...common, ...(long ? { rows: '4' } : { type: d.field.endsWith('Date') ? 'date' : 'text' }) });
  input.value = d.proposed ?? '';
  return input;
}

/** The moderator's values that differ from the proposed ones; null when none do. */
function edits(item) {
  const fields = {};
  for (const input of itemBody.querySelectorAll('.edit-value')) {
    const d = item.diff.find((x) => x.field === input.dataset.field);
    if (d.field === 'themes') {
      const codes = input.value.split(',').map((c) => c.trim()).filter(Boolean);
      if (codes.join(',') !== (d.proposed ?? []).join(',')) fields.themes = codes;
    } else if (input.value.trim() !== (d.proposed ?? '')) {
      fields[d.field] = input.value.trim();
    }
  }
  return Object.keys(fields).length ? fields : null;
}

function valueText(field, value) {
  if (value === null || value === undefined || value === '') return h('span', { class: 'muted' }, '(vide)');
  if (field === 'themes' && Array.isArray(value)) {
    return value.map((code) => vocab.themes.find((t) => t.code === code)?.label ?? code).join(', ');
  }
  if (field === 'type') return vocab.actorTypes.find((t) => t.code === value)?.label ?? value;
  if (field === 'status') return vocab.initiativeStatuses.find((t) => t.code === value)?.label ?? value;
  if (field === 'role') return vocab.personRoles?.find((t) => t.code === value)?.label ?? value;
  if (field === 'perimeter' && Array.isArray(value)) return h('span', { class: 'user-text' }, value.join(', '));
  if (field === 'relayEnabled') return value ? 'oui' : 'non';
  if (field === 'place' && typeof value === 'object') {
    if (value.commune) return `commune ${value.commune}`;
    if (value.lat != null) return `point ${Number(value.lat).toFixed(5)}, ${Number(value.lon).toFixed(5)}`;
  }
  return h('span', { class: 'user-text' }, typeof value === 'object' ? JSON.stringify(value) : String(value));
}

function historySection(kind, id) {
  const list = h('ul', { class: 'history' }, h('li', { class: 'muted' }, 'Chargement…'));
  history(kind, id).then((answer) => list.replaceChildren(...(answer.entries.length
    ? [...answer.entries].reverse().map((e) => h('li', {}, historyLine(e)))
    : [h('li', { class: 'muted' }, 'Aucune contribution sur cette fiche jusqu’ici.')])))
    .catch(() => list.replaceChildren(h('li', { class: 'muted' }, 'Historique indisponible.')));
  return h('section', { class: 'item-history' }, h('h3', {}, 'Historique de la fiche'), list);
}

function capitalise(text) {
  return text ? text[0].toUpperCase() + text.slice(1) : '';
}
