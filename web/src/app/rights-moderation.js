// The moderation console's section of rights requests ("Cette fiche vous concerne ?"): the open
// requests of the moderator's territories with their clock, overdue ones first and marked by a
// word and an icon (not by colour alone); per request: correct (publish the asked values), erase
// (personal data; the record when it is only a person), refuse with a reason mailed to the
// requester. Every text from the service or a user is set as text.

import { h, nodes } from './dom.js';
import { decideRightsRequest, rightsQueue } from './rights-api.js';

const RECORD_KINDS = { actor: 'acteur', initiative: 'initiative', person: 'personne ressource' };
const KINDS = { correct: 'Rectification', erase: 'Effacement', object: 'Opposition ou autre demande' };
const FIELDS = { name: 'nom', description: 'description', website: 'site web', address: 'adresse', postcode: 'code postal' };
const VERIFIED = {
  requester: 'vérifiée par un lien envoyé au demandeur',
  record: 'vérifiée par un lien envoyé à l’adresse de la fiche',
  owner: 'faite depuis le compte qui gère la fiche',
};
const days = new Intl.DateTimeFormat('fr-FR', { dateStyle: 'long' });

/** Fills `container` (a section of moderation.html) with the open requests. */
export async function createRightsQueue(container) {
  container.hidden = false;
  const list = h('ol', { class: 'rights-queue', 'aria-busy': 'true' });
  container.replaceChildren(
    h('h2', { id: 'rights-title' }, 'Demandes des personnes concernées ',
      h('span', { class: 'muted' }, '(réponse due dans le mois ; les demandes en retard d’abord)')),
    list);
  try {
    const { items } = await rightsQueue();
    list.replaceChildren(...(items.length ? items.map(entry) : [h('li', { class: 'muted' }, 'Aucune demande en attente.')]));
  } catch (error) {
    list.replaceChildren(h('li', { class: 'error' }, error.message));
  }
  list.removeAttribute('aria-busy');
}

function clock(item) {
  const due = days.format(new Date(item.dueAt));
  if (item.overdue) {
    const late = -item.daysLeft;
    const howLate = late < 1 ? 'moins d’un jour de retard' : `${late} jour${late > 1 ? 's' : ''} de retard`;
    return h('p', { class: 'rights-clock' }, h('span', { 'aria-hidden': 'true' }, '⚠ '),
      `En retard : la réponse était due le ${due} (${howLate})`
      + (item.escalated ? ', signalée aux administrateurs.' : '.'));
  }
  return h('p', { class: 'rights-clock' }, h('span', { 'aria-hidden': 'true' }, '⏱ '),
    item.daysLeft < 1 ? `À traiter aujourd’hui : la réponse est due le ${due}.`
      : `À traiter avant le ${due} (${item.daysLeft} jour${item.daysLeft > 1 ? 's' : ''} restant${item.daysLeft > 1 ? 's' : ''}).`);
}

function entry(item) {
  const message = h('p', { class: 'form-status', role: 'status', tabindex: '-1' });
  const reason = h('textarea', { id: `rights-reason-${item.id}`, rows: '3', maxlength: '2000' });
  const corrections = Object.entries(item.corrections ?? {}).filter(([, v]) => v !== null && v !== undefined);
  const li = h('li', { class: item.overdue ? 'overdue' : null, 'data-id': item.id });

  async function act(decision, done) {
    try {
      await decideRightsRequest(item.id, decision);
      message.className = 'form-status success';
      message.textContent = done;
      for (const b of li.querySelectorAll('button')) b.disabled = true;
    } catch (error) {
      message.className = 'form-status error';
      message.textContent = error.message;
    }
    message.focus();
  }

  li.append(...nodes([
    h('h3', {}, `${KINDS[item.kind] ?? item.kind} n° ${item.id} : `,
      h('a', { href: `./#${item.recordKind}=${item.recordId}`, target: '_blank', rel: 'noopener' },
        `${item.recordName ?? 'fiche'} (${RECORD_KINDS[item.recordKind] ?? item.recordKind} n° ${item.recordId})`)),
    clock(item),
    h('p', { class: 'muted' }, `Demande du ${days.format(new Date(item.createdAt))}, ${VERIFIED[item.verifiedBy] ?? ''}.`),
    corrections.length > 0 && [h('p', {}, 'Corrections demandées :'),
      h('dl', {}, corrections.map(([field, value]) => [h('dt', {}, FIELDS[field] ?? field), h('dd', { class: 'user-text' }, String(value))]))],
    item.message && [h('p', {}, 'Message :'), h('p', { class: 'user-text' }, item.message)],
    h('div', { class: 'item-actions rights-decision' },
      item.kind === 'correct' && corrections.length > 0 && h('button', { type: 'button', class: 'primary',
        onclick: () => act({ decision: 'correct' }, 'Corrigée : la fiche est publiée avec ces valeurs, que les imports garderont. Le demandeur est prévenu.') },
      'Corriger la fiche'),
      h('button', { type: 'button', class: 'danger',
        onclick: () => act({ decision: 'erase' }, 'Effacé : les données personnelles sont supprimées (la fiche aussi si elle ne décrit qu’une personne). Le demandeur est prévenu.') },
      'Effacer les données personnelles'),
      h('label', { for: `rights-reason-${item.id}` }, 'Raison du refus, envoyée au demandeur'), reason,
      h('button', { type: 'button', class: 'secondary', onclick: () => {
        const text = reason.value.trim();
        if (!text) {
          message.className = 'form-status error';
          message.textContent = 'Donnez la raison du refus : elle est envoyée au demandeur.';
          reason.focus();
          return;
        }
        act({ decision: 'refuse', reason: text }, 'Refusée : le demandeur reçoit votre raison.');
      } }, 'Refuser')),
    message,
  ]));
  return li;
}
