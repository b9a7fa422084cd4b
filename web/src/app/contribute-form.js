// What the contribution forms share (proposer.html, signaler.html): the charter, the author's
// address when nobody is signed in, the honeypot and the opening time that anonymous forms carry,
// and how an answer is told: 202 (what happens next), 400 (the message beside the field it
// names), 429 (when to try again). Every text from the service or the user is set as text.

import { h } from './dom.js';
import { WriteError } from './contribute-api.js';

/**
 * The version of the charter the form has its author accept. It must be the service's
 * (ATLAS_CONTRIBUTION_CHARTER_VERSION): a 400 on charterVersion says to reload when they differ.
 */
export const CHARTER_VERSION = '2026-12';

/**
 * The charter checkbox, the address (anonymous authors only) and the honeypot: nodes to put at
 * the end of a form. `account` is the signed-in account or null.
 */
export function authorFields(account) {
  return [
    h('div', { class: 'field checkbox', 'data-field': 'charterVersion' },
      h('input', { type: 'checkbox', id: 'charter', name: 'charter', required: true, 'aria-describedby': 'charter-error' }),
      ' ',
      h('label', { for: 'charter' }, `J’ai lu et j’accepte la `,
        h('a', { href: 'charte.html', target: '_blank', rel: 'noopener' }, `charte d’entrée et de sortie (version ${CHARTER_VERSION})`),
        ' (obligatoire)'),
      h('p', { class: 'field-error', id: 'charter-error', hidden: true })),
    account
      ? h('p', { class: 'muted' }, `Vous êtes connecté·e : la contribution sera liée à votre compte et suivie dans `,
        h('a', { href: 'mes-contributions.html' }, 'Mes contributions'), '.')
      : h('div', { class: 'field', 'data-field': 'email' },
        h('label', { for: 'email' }, 'Votre adresse e-mail (obligatoire)'),
        h('input', { type: 'email', id: 'email', name: 'email', required: true, autocomplete: 'email', maxlength: '254',
          'aria-describedby': 'email-help email-error' }),
        h('p', { class: 'help', id: 'email-help' },
          'Nous vous y envoyons un lien pour confirmer. Elle n’est jamais publiée. Vous pouvez aussi ',
          h('a', { href: 'connexion.html' }, 'vous connecter'), '.'),
        h('p', { class: 'field-error', id: 'email-error', hidden: true })),
    // The honeypot: hidden from people and from screen readers, out of the Tab order; a script
    // filling every field fills it, and the service then stores nothing.
    h('div', { class: 'honeypot', 'aria-hidden': 'true' },
      h('label', { for: 'website-url' }, 'Ne pas remplir ce champ'),
      h('input', { type: 'text', id: 'website-url', name: 'url', tabindex: '-1', autocomplete: 'off' })),
  ];
}

/** The members that authorFields() adds to a request: charter, the address, the honeypot and when the form opened. */
export function authorMembers(form, account, openedAt) {
  return {
    charterVersion: form.elements.charter.checked ? CHARTER_VERSION : null,
    email: account ? undefined : form.elements.email.value.trim() || null,
    url: account ? undefined : form.elements.url.value,
    openedAt: account ? undefined : openedAt,
  };
}

/**
 * Shows and clears the messages of a form: one live status region (`status`) for the outcome,
 * and one message per field (the `.field[data-field=NAME]` whose `.field-error` it fills; the
 * field's control gets aria-invalid).
 */
export function createMessages(form, status) {
  function clear() {
    status.replaceChildren();
    status.className = 'form-status';
    for (const error of form.querySelectorAll('.field-error')) {
      error.hidden = true;
      error.textContent = '';
    }
    for (const invalid of form.querySelectorAll('[aria-invalid]')) invalid.removeAttribute('aria-invalid');
  }

  /** The field named by a problem's member (fields.name -> name), if the form has it. */
  function fieldOf(parameter) {
    if (!parameter) return null;
    const names = [parameter, parameter.replace(/^fields\./, ''), parameter.split('.').pop()];
    if (names.includes('lon') || names.includes('lat') || names.includes('commune')) names.push('place');
    for (const name of names) {
      const field = form.querySelector(`.field[data-field="${CSS.escape(name)}"]`);
      if (field) return field;
    }
    return null;
  }

  return {
    clear,
    /** The outcome of a submission: `kind` 'success' | 'error' | 'info', then nodes. */
    show(kind, ...children) {
      status.className = `form-status ${kind}`;
      status.replaceChildren(...children.filter(Boolean).map((c) => (c instanceof Node ? c : document.createTextNode(c))));
    },
    /** A refusal: beside its field when the service named one the form has, in the status either way. */
    error(error) {
      const field = error instanceof WriteError ? fieldOf(error.parameter) : null;
      if (field) {
        const text = field.querySelector('.field-error');
        text.textContent = error.message;
        text.hidden = false;
        const control = field.querySelector('input:not([type=hidden]), select, textarea, [tabindex]');
        control?.setAttribute('aria-invalid', 'true');
        this.show('error', 'Vérifiez le champ signalé : ', error.message);
        control?.focus();
      } else {
        this.show('error', error instanceof WriteError ? error.message : 'Le service est injoignable : réessayez dans un moment.');
        status.focus();
      }
    },
  };
}

/** What a 202 means for its author, in words: anonymous proposals wait for the mail's link. */
export function acceptedText(answer, account) {
  switch (answer.status) {
    case 'unconfirmed':
      return 'Merci ! Vérifiez votre messagerie : un lien vous y attend pour confirmer votre contribution. '
        + 'Elle ne sera examinée qu’après cette confirmation, puis publiée si un coordinateur du territoire la valide.';
    case 'approved':
      return 'C’est publié : vous gérez cette fiche, vos modifications paraissent sur la carte sans attendre.';
    default:
      return `Merci ! Votre contribution attend la validation d’un coordinateur du territoire. `
        + (account ? 'Vous la suivez dans « Mes contributions ».' : '');
  }
}

/** "?actor=12" or "?initiative=7": {kind, id}, or null. */
export function recordFromQuery(search = location.search) {
  const params = new URLSearchParams(search);
  for (const kind of ['actor', 'initiative']) {
    const id = params.get(kind);
    if (id && /^[1-9][0-9]{0,17}$/.test(id)) return { kind, id: Number(id) };
  }
  return null;
}
