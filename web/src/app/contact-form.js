// contacter.html?actor=ID, ?person=ID or ?need_offer=ID (an answer to a need or an offer): the
// contact relay's form. The message goes to the
// record's private address, which this page never sees; the answer comes to the sender's
// address (confirmed by a mailed link when not signed in). Every text is set as text.

import { record } from './api.js';
import { sendMessage } from './contact-api.js';
import { createMessages } from './contribute-form.js';
import { h, nodes } from './dom.js';
import { account, fillNav } from './site-nav.js';

const MAX_MESSAGE = 5000;
const form = document.getElementById('contact');
const status = document.getElementById('form-status');
const intro = document.getElementById('form-record');
const messages = createMessages(form, status);
const openedAt = Date.now();
const target = fromQuery();

start();

function fromQuery() {
  const params = new URLSearchParams(location.search);
  for (const kind of ['actor', 'person', 'need_offer']) {
    const id = params.get(kind);
    if (id && /^[1-9][0-9]{0,17}$/.test(id)) return { kind, id: Number(id) };
  }
  return null;
}

async function start() {
  fillNav(document.getElementById('site-nav'), null);
  if (!target) {
    intro.textContent = 'Aucune fiche n’est indiquée : ouvrez la fiche sur la carte et utilisez son bouton « Contacter ».';
    return;
  }
  try {
    const [me, feature] = await Promise.all([account(), record(target.kind, target.id)]);
    const p = feature.properties;
    const link = h('a', { href: `./#${target.kind}=${target.id}` }, p.name);
    intro.replaceChildren(...(target.kind === 'need_offer'
      ? ['Votre réponse à l’annonce ', link, ' part par l’atlas à son auteur : vous ne voyez pas son adresse, et il ne voit la vôtre que s’il vous répond.']
      : ['Votre message à ', link, ' part par l’atlas : vous ne voyez pas son adresse, et elle ne voit la vôtre que si elle vous répond.']));
    if (target.kind === 'need_offer') document.getElementById('form-title').textContent = 'Répondre à une annonce';
    if (!(p.contactable === true || p.relayEnabled === true)) {
      form.replaceChildren(h('p', {}, 'Cette fiche ne reçoit pas de messages par l’atlas.'));
      return;
    }
    build(me);
  } catch (error) {
    intro.textContent = error.status === 404
      ? 'Cette fiche n’existe pas, ou plus.'
      : `La fiche ne peut pas s’afficher : ${error.message}`;
  }
}

function field(name, label, control, help) {
  return h('div', { class: 'field', 'data-field': name },
    h('label', { for: `c-${name}` }, label),
    control,
    help && h('p', { class: 'help', id: `c-${name}-help` }, help),
    h('p', { class: 'field-error', id: `c-${name}-error`, hidden: true }));
}

function build(me) {
  const counter = h('p', { class: 'help', id: 'c-count', 'aria-live': 'polite' }, `0 / ${MAX_MESSAGE} caractères`);
  const text = h('textarea', { id: 'c-message', name: 'message', rows: '8', required: true, maxlength: String(MAX_MESSAGE),
    'aria-describedby': 'c-count c-message-error' });
  text.addEventListener('input', () => { counter.textContent = `${text.value.length} / ${MAX_MESSAGE} caractères`; });
  form.replaceChildren(...nodes([
    field('senderName', 'Votre nom (obligatoire)',
      h('input', { type: 'text', id: 'c-senderName', name: 'senderName', required: true, maxlength: '100', autocomplete: 'name',
        'aria-describedby': 'c-senderName-error' })),
    me
      ? h('p', { class: 'muted' }, 'Vous êtes connecté·e : la réponse éventuelle arrivera à l’adresse de votre compte.')
      : field('senderEmail', 'Votre adresse e-mail (obligatoire)',
        h('input', { type: 'email', id: 'c-senderEmail', name: 'senderEmail', required: true, maxlength: '254',
          autocomplete: 'email', 'aria-describedby': 'c-senderEmail-help c-senderEmail-error' }),
        'Nous vous envoyons d’abord un lien pour la confirmer ; le message part ensuite. La réponse y arrivera.'),
    h('div', { class: 'field', 'data-field': 'message' },
      h('label', { for: 'c-message' }, 'Votre message (obligatoire)'), text, counter,
      h('p', { class: 'field-error', id: 'c-message-error', hidden: true })),
    h('div', { class: 'honeypot', 'aria-hidden': 'true' },
      h('label', { for: 'c-url' }, 'Ne pas remplir ce champ'),
      h('input', { type: 'text', id: 'c-url', name: 'url', tabindex: '-1', autocomplete: 'off' })),
    h('p', { class: 'help' }, 'Vous recevrez une copie de votre message. Le nombre de messages est limité pour éviter les abus.'),
    h('p', {}, h('button', { type: 'submit', class: 'primary' }, 'Envoyer le message'))]));
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    messages.clear();
    const button = form.querySelector('button[type=submit]');
    button.disabled = true;
    try {
      const answer = await sendMessage({
        recordKind: target.kind,
        recordId: target.id,
        senderName: form.elements.senderName.value.trim(),
        senderEmail: me ? null : form.elements.senderEmail.value.trim(),
        message: text.value,
        url: form.elements.url.value,
        openedAt,
      });
      form.replaceChildren();
      messages.show('success', answer.status === 'unconfirmed'
        ? 'Presque fini : vérifiez votre messagerie. Le message partira quand vous aurez confirmé votre adresse par le lien reçu.'
        : 'Votre message est parti. Une copie vous a été envoyée ; la réponse, si elle vient, arrivera à votre adresse.');
      status.focus();
    } catch (error) {
      messages.error(error);
      button.disabled = false;
    }
  });
}
