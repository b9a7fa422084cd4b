// signaler.html?actor=ID (a report: reason and comment) and ma-structure.html?actor=ID (a claim:
// "c'est ma structure", signed in only, since the claim makes the account the record's manager).

import { isAbort, record } from './api.js';
import { submitContribution } from './contribute-api.js';
import { REPORT_REASONS } from './contribute-labels.js';
import { authorFields, authorMembers, createMessages, recordFromQuery } from './contribute-form.js';
import { h, nodes } from './dom.js';
import { PAGES, account, fillNav } from './site-nav.js';

const REASONS = Object.entries(REPORT_REASONS);

const claim = document.body.dataset.mode === 'claim';
const form = document.getElementById('contribution');
const status = document.getElementById('form-status');
const intro = document.getElementById('form-record');
const messages = createMessages(form, status);
const target = recordFromQuery();
const openedAt = Date.now();

start();

async function start() {
  fillNav(document.getElementById('site-nav'), null);
  if (!target) {
    intro.textContent = 'Aucune fiche n’est indiquée : ouvrez la fiche sur la carte et utilisez son bouton.';
    return;
  }
  try {
    const [me, feature] = await Promise.all([account(), record(target.kind, target.id)]);
    const name = feature.properties.name;
    intro.replaceChildren(claim ? 'Vous indiquez que vous faites partie de ' : 'Fiche signalée : ',
      h('a', { href: `./#${target.kind}=${target.id}` }, name), '.');
    if (claim) buildClaim(me);
    else buildReport(me);
  } catch (error) {
    if (isAbort(error)) return;
    intro.textContent = error.status === 404
      ? 'Cette fiche n’existe pas, ou plus : elle a pu être fusionnée avec une autre ou retirée.'
      : `La fiche ne peut pas s’afficher : ${error.message}`;
  }
}

function buildReport(me) {
  form.replaceChildren(...nodes([
    h('fieldset', { class: 'field', 'data-field': 'reason' },
      h('legend', {}, 'Ce qui ne va pas (obligatoire)'),
      REASONS.map(([code, label]) => h('label', { class: 'choice' },
        h('input', { type: 'radio', name: 'reason', value: code }), ` ${label}`)),
      h('p', { class: 'field-error', id: 'f-reason-error', hidden: true })),
    comment('Précisez (facultatif)', 'Ce qui est faux, ce qui a changé, où vous l’avez appris. Les coordinateurs le lisent ; il n’est pas publié.'),
    authorFields(me),
    h('p', {}, h('button', { type: 'submit', class: 'primary' }, 'Envoyer le signalement'))]));
  wire(me, () => ({ kind: 'report', reason: form.querySelector('input[name=reason]:checked')?.value ?? null }),
    (answer) => (answer.status === 'unconfirmed'
      ? 'Merci. Vérifiez votre messagerie : le signalement compte une fois confirmé par le lien que nous vous avons envoyé.'
      : 'Merci : les coordinateurs du territoire examineront ce signalement. Au-delà de plusieurs signalements, la fiche est masquée en attendant leur décision.'));
}

function buildClaim(me) {
  if (!me) {
    form.replaceChildren(h('p', {}, 'Pour dire que cette structure est la vôtre, ',
      h('a', { href: PAGES.signIn }, 'connectez-vous'),
      ' d’abord : votre compte deviendra le gestionnaire de la fiche, et vos modifications paraîtront sans attendre.'));
    return;
  }
  form.replaceChildren(...nodes([
    h('p', {}, 'Si l’annuaire connaît une adresse e-mail de la structure, un lien de confirmation y est envoyé : '
      + 'ouvrez-le depuis cette messagerie. Sinon, un coordinateur du territoire examine votre demande.'),
    comment('Votre rôle dans la structure (facultatif)', 'Par exemple : présidente, salarié, bénévole chargé de la communication.'),
    authorFields(me),
    h('p', {}, h('button', { type: 'submit', class: 'primary' }, 'Envoyer la demande'))]));
  wire(me, () => ({ kind: 'claim' }), (answer) => (answer.status === 'unconfirmed'
    ? 'Demande enregistrée : un lien de confirmation est parti vers l’adresse que l’annuaire connaît pour cette structure. Ouvrez-le pour devenir gestionnaire de la fiche.'
    : answer.status === 'approved'
      ? 'C’est fait : vous gérez cette fiche.'
      : 'Demande enregistrée : un coordinateur du territoire l’examinera. Vous la suivez dans « Mes contributions ».'));
}

function comment(label, help) {
  return h('div', { class: 'field', 'data-field': 'comment' },
    h('label', { for: 'f-comment' }, label),
    h('textarea', { id: 'f-comment', name: 'comment', rows: '4', maxlength: '2000', 'aria-describedby': 'f-comment-help f-comment-error' }),
    h('p', { class: 'help', id: 'f-comment-help' }, help),
    h('p', { class: 'field-error', id: 'f-comment-error', hidden: true }));
}

function wire(me, members, success) {
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    messages.clear();
    const body = {
      ...members(), recordKind: target.kind, recordId: target.id,
      comment: form.elements.comment.value.trim() || undefined, ...authorMembers(form, me, openedAt),
    };
    if (body.kind === 'report' && !body.reason) {
      fieldError('reason', 'Choisissez ce qui ne va pas.');
      return;
    }
    if (!body.charterVersion) {
      fieldError('charterVersion', 'Cochez la case pour accepter la charte.');
      return;
    }
    if (!me && !body.email) {
      fieldError('email', 'Indiquez votre adresse e-mail : elle sert à confirmer le signalement.');
      return;
    }
    const button = form.querySelector('button[type=submit]');
    button.disabled = true;
    try {
      const answer = await submitContribution(body);
      form.hidden = true;
      messages.show('success', success(answer), ' ', h('a', { href: `./#${target.kind}=${target.id}` }, 'Retour à la fiche'));
      status.focus();
    } catch (error) {
      messages.error(error);
    } finally {
      button.disabled = false;
    }
  });
}

/** A message the form decides itself, beside its field. */
function fieldError(name, text) {
  const field = form.querySelector(`.field[data-field="${name}"]`);
  const error = field.querySelector('.field-error');
  error.textContent = text;
  error.hidden = false;
  const control = field.querySelector('input, textarea, select');
  control.setAttribute('aria-invalid', 'true');
  control.focus();
  messages.show('error', 'Vérifiez le champ signalé : ', text);
}
