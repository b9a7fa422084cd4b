// Client of the contact relay (POST api/contact, its confirmation and opt-out) and of
// GET api/privacy. Every POST carries the CSRF token; refusals become WriteError in French.

import { WriteError, frenchDetail, retryText } from './contribute-api.js';

const DETAILS_FR = [
  [/^This record takes no messages/, 'Cette fiche ne reçoit pas de messages par l’atlas.'],
  [/^An initiative has no address/, 'Une initiative n’a pas d’adresse : écrivez à l’un de ses porteurs depuis sa fiche.'],
  [/^Required when not signed in/, 'Indiquez votre adresse e-mail : la réponse y arrivera, après confirmation.'],
  [/^This link is not valid/, 'Ce lien n’est pas valable, ou plus : il a peut-être déjà servi ou expiré.'],
  [/^Only the record's manager/, 'Seul le gestionnaire de la fiche peut faire cela.'],
];

function french(detail) {
  for (const [pattern, text] of DETAILS_FR) if (pattern.test(detail ?? '')) return text;
  return frenchDetail(detail);
}

function csrfCookie() {
  const match = document.cookie.match(/(?:^|;\s*)XSRF-TOKEN=([^;]+)/);
  return match ? decodeURIComponent(match[1]) : null;
}

async function post(path, body, method = 'POST') {
  if (!csrfCookie()) await fetch(new URL('api/csrf', document.baseURI), { credentials: 'same-origin', cache: 'no-store' });
  const response = await fetch(new URL(path, document.baseURI), {
    method,
    credentials: 'same-origin',
    headers: {
      'Content-Type': 'application/json',
      Accept: 'application/json, application/problem+json',
      'X-XSRF-TOKEN': csrfCookie() ?? '',
    },
    body: JSON.stringify(body),
  });
  if (response.ok) return response.json();
  let problem = {};
  try {
    problem = await response.json();
  } catch {
    // not problem+json
  }
  const retry = Number.parseInt(response.headers.get('Retry-After') ?? '', 10);
  const message = response.status === 429 ? retryText(Number.isFinite(retry) ? retry : null)
    : response.status === 404 ? 'Cette fiche n’existe pas, ou plus.'
      : response.status === 413 ? 'Le message est trop long.'
        : response.status >= 500 ? 'Le service ne peut pas envoyer le message pour le moment : réessayez dans un moment.'
          : french(problem.detail) ?? 'La demande est refusée.';
  throw new WriteError(response.status, message, problem.parameter, Number.isFinite(retry) ? retry : null);
}

/** Sends a message: {status: 'unconfirmed' | 'sent'}. */
export function sendMessage(body) {
  return post('api/contact', body);
}

export function confirmMessage(token) {
  return post('api/contact/confirm', { token });
}

export function optOut(token) {
  return post('api/contact/opt-out', { token });
}

/** The settings the "Données personnelles" page states. */
export async function privacy() {
  const response = await fetch(new URL('api/privacy', document.baseURI), { headers: { Accept: 'application/json' } });
  if (!response.ok) throw new Error(`HTTP ${response.status}`);
  return response.json();
}
