// mes-droits.html?actor=ID (or initiative=, person=): a person a record concerns asks to correct
// it, to erase their personal data, or objects; the request is verified by a mail link (to their
// address, or to the record's own address, which nobody sees). With #confirmer=TOKEN, the page is
// that link's landing: a button confirms. Every text from the service or the user is set as text.

import { record } from './api.js';
import { createMessages } from './contribute-form.js';
import { h, nodes } from './dom.js';
import { confirmRightsRequest, submitRightsRequest } from './rights-api.js';
import { account, fillNav } from './site-nav.js';

const KINDS = [
  ['correct', 'Corriger la fiche', 'Dites quels champs sont faux et ce qu’il faut écrire à la place.'],
  ['erase', 'Effacer mes données personnelles', 'Vos coordonnées sont effacées ; une fiche qui ne décrit que vous (élu·e, personne ressource) est retirée, et aucun import ne la remettra.'],
  ['object', 'M’opposer à la publication, ou autre demande', 'Expliquez votre demande dans le message.'],
];
const CORRECTABLE = [
  ['name', 'Nom', 200, false],
  ['description', 'Description', 5000, true],
  ['website', 'Site web', 300, false],
  ['address', 'Adresse', 300, false],
  ['postcode', 'Code postal', 5, false],
];

const form = document.getElementById('rights');
const status = document.getElementById('form-status');
const intro = document.getElementById('form-record');
const messages = createMessages(form, status);
const openedAt = Date.now();

start();

async function start() {
  fillNav(document.getElementById('site-nav'), null);
  const token = new URLSearchParams(location.hash.slice(1)).get('confirmer');
  if (token) {
    showConfirm(token);
    return;
  }
  const target = targetFromQuery();
  if (!target) {
    intro.textContent = 'Aucune fiche n’est indiquée : ouvrez la fiche sur la carte et utilisez son lien « Cette fiche vous concerne ? ».';
    return;
  }
  const me = await account().catch(() => null);
  let name = null;
  try {
    name = (await record(target.kind, target.id)).properties.name;
  } catch (error) {
    if (error.status === 404) {
      intro.textContent = 'Cette fiche n’existe pas, ou plus : elle a pu être retirée.';
      return;
    }
  }
  intro.replaceChildren('Fiche concernée : ', h('a', { href: `./#${target.kind}=${target.id}` }, name ?? `n°${target.id}`), '.');
  document.getElementById('intro').hidden = false;
  build(target, me);
}

/** "?actor=12", "?initiative=7" or "?person=3": {kind, id}, or null. */
function targetFromQuery() {
  const params = new URLSearchParams(location.search);
  for (const kind of ['actor', 'initiative', 'person']) {
    const id = params.get(kind);
    if (id && /^[1-9][0-9]{0,17}$/.test(id)) return { kind, id: Number(id) };
  }
  return null;
}

function build(target, me) {
  const corrections = h('fieldset', { class: 'field', 'data-field': 'corrections', id: 'corrections', hidden: true },
    h('legend', {}, 'Les corrections (laissez vides les champs justes)'),
    CORRECTABLE.filter(([f]) => target.kind !== 'person' || f !== 'postcode').map(([field, label, max, long]) => h('div', { class: 'field', 'data-field': field },
      h('label', { for: `c-${field}` }, label),
      long
        ? h('textarea', { id: `c-${field}`, name: `c-${field}`, rows: '4', maxlength: String(max), 'aria-describedby': `c-${field}-error` })
        : h('input', { type: 'text', id: `c-${field}`, name: `c-${field}`, maxlength: String(max), 'aria-describedby': `c-${field}-error` }),
      h('p', { class: 'field-error', id: `c-${field}-error`, hidden: true }))),
    h('p', { class: 'field-error', id: 'corrections-error', hidden: true }));
  form.replaceChildren(...nodes([
    h('fieldset', { class: 'field', 'data-field': 'kind' },
      h('legend', {}, 'Votre demande (obligatoire)'),
      KINDS.map(([code, label, help]) => h('div', { class: 'choice' },
        h('label', {}, h('input', { type: 'radio', name: 'kind', value: code, 'aria-describedby': `kind-${code}-help` }), ` ${label}`),
        h('p', { class: 'help', id: `kind-${code}-help` }, help))),
      h('p', { class: 'field-error', id: 'kind-error', hidden: true })),
    corrections,
    h('div', { class: 'field', 'data-field': 'message' },
      h('label', { for: 'message' }, 'Votre message (facultatif)'),
      h('textarea', { id: 'message', name: 'message', rows: '5', maxlength: '4000', 'aria-describedby': 'message-help message-error' }),
      h('p', { class: 'help', id: 'message-help' }, 'Seuls les coordinateurs de l’atlas le lisent ; il n’est jamais publié.'),
      h('p', { class: 'field-error', id: 'message-error', hidden: true })),
    me
      ? h('p', { class: 'muted' }, 'Vous êtes connecté·e : la réponse sera envoyée à l’adresse de votre compte.')
      : h('div', { class: 'field', 'data-field': 'email' },
        h('label', { for: 'email' }, 'Votre adresse e-mail (obligatoire)'),
        h('input', { type: 'email', id: 'email', name: 'email', required: true, autocomplete: 'email', maxlength: '254',
          'aria-describedby': 'email-help email-error' }),
        h('p', { class: 'help', id: 'email-help' }, 'La réponse vous y sera envoyée. Elle n’est jamais publiée.'),
        h('p', { class: 'field-error', id: 'email-error', hidden: true })),
    target.kind !== 'initiative' && h('div', { class: 'field checkbox', 'data-field': 'sendToRecord' },
      h('input', { type: 'checkbox', id: 'send-to-record', name: 'sendToRecord', 'aria-describedby': 'send-to-record-help' }), ' ',
      h('label', { for: 'send-to-record' }, 'Envoyer le lien de confirmation à l’adresse de la fiche'),
      h('p', { class: 'help', id: 'send-to-record-help' },
        'Si l’annuaire connaît une adresse e-mail pour cette fiche, le lien y est envoyé : il prouve que la demande vient bien '
        + 'de vous. Cette adresse n’est montrée à personne.')),
    h('div', { class: 'honeypot', 'aria-hidden': 'true' },
      h('label', { for: 'website-url' }, 'Ne pas remplir ce champ'),
      h('input', { type: 'text', id: 'website-url', name: 'url', tabindex: '-1', autocomplete: 'off' })),
    h('p', {}, h('button', { type: 'submit', class: 'primary' }, 'Envoyer ma demande')),
  ]));
  form.hidden = false;
  form.addEventListener('change', () => {
    corrections.hidden = form.querySelector('input[name=kind]:checked')?.value !== 'correct';
  });
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    send(target, me);
  });
}

async function send(target, me) {
  messages.clear();
  const kind = form.querySelector('input[name=kind]:checked')?.value;
  if (!kind) {
    fieldError('kind', 'Choisissez votre demande.');
    return;
  }
  const fields = {};
  if (kind === 'correct') {
    for (const [field] of CORRECTABLE) {
      const value = form.elements[`c-${field}`]?.value.trim();
      if (value) fields[field] = value;
    }
  }
  const message = form.elements.message.value.trim();
  if (kind === 'correct' && Object.keys(fields).length === 0 && !message) {
    fieldError('corrections', 'Indiquez au moins une correction, ou expliquez-la dans le message.');
    return;
  }
  const email = me ? undefined : form.elements.email.value.trim();
  if (!me && !email) {
    fieldError('email', 'Indiquez votre adresse e-mail : la réponse y sera envoyée.');
    return;
  }
  const body = {
    kind, recordKind: target.kind, recordId: target.id,
    corrections: Object.keys(fields).length ? fields : undefined,
    message: message || undefined,
    email,
    sendToRecord: form.elements.sendToRecord?.checked || undefined,
    openedAt: me ? undefined : openedAt,
    url: me ? undefined : form.elements.url.value,
  };
  const button = form.querySelector('button[type=submit]');
  button.disabled = true;
  try {
    const answer = await submitRightsRequest(body);
    form.hidden = true;
    messages.show('success', answer.message, ' ', h('a', { href: `./#${target.kind}=${target.id}` }, 'Retour à la fiche'));
    status.focus();
  } catch (error) {
    messages.error(error);
  } finally {
    button.disabled = false;
  }
}

function showConfirm(token) {
  intro.textContent = 'Vous avez reçu ce lien par e-mail après une demande sur une fiche de l’atlas.';
  const section = document.getElementById('confirm');
  section.hidden = false;
  const button = document.getElementById('confirm-button');
  button.addEventListener('click', async () => {
    button.disabled = true;
    messages.clear();
    try {
      const answer = await confirmRightsRequest(token);
      section.hidden = true;
      history.replaceState(null, '', location.pathname);
      const due = answer.dueAt ? new Date(answer.dueAt).toLocaleDateString('fr-FR', { dateStyle: 'long' }) : null;
      messages.show('success', `Votre demande est confirmée et transmise aux coordinateurs.${due ? ` Ils y répondront au plus tard le ${due}.` : ''}`);
      status.focus();
    } catch (error) {
      button.disabled = false;
      messages.error(error);
    }
  });
}

/** A message the form decides itself, beside its field. */
function fieldError(name, text) {
  const field = form.querySelector(`.field[data-field="${name}"]`);
  const error = field.querySelector(`#${name}-error`) ?? field.querySelector('.field-error');
  error.textContent = text;
  error.hidden = false;
  const control = field.querySelector('input, textarea, select');
  control?.setAttribute('aria-invalid', 'true');
  control?.focus();
  messages.show('error', 'Vérifiez le champ signalé : ', text);
}
