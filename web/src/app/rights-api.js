// Client of the rights requests ("Cette fiche vous concerne ? Corriger ou retirer"): the public
// request, its confirmation, and the moderators' side. Requests go through contribute-api.js's
// sender (CSRF token, errors as WriteError with a French message).

import { getWrite, sendWrite } from './contribute-api.js';

/** The rights side's problem details in French (the others are contribute-api.js's). */
const DETAILS_FR = [
  [/^Required: what to correct/, 'Indiquez au moins une correction, ou expliquez-la dans le message.'],
  [/^Only a correction request has corrections/, 'Les corrections ne vont qu’avec une demande de rectification.'],
  [/^Signed in, the request is answered/, 'Connecté·e, la réponse part à l’adresse de votre compte.'],
  [/^This request is outside the territories/, 'Cette demande est hors des territoires que vous coordonnez.'],
  [/^This request is (\w+) already|^This request is closed already/, 'Cette demande a déjà été traitée.'],
  [/^A resource person corrects/, 'Une personne ressource corrige sa fiche elle-même : effacez ou refusez cette demande.'],
  [/^Required: the values to publish/, 'Cette demande ne donne aucune valeur à publier : refusez-la ou effacez.'],
  [/^Required to refuse/, 'Donnez la raison du refus : elle est envoyée au demandeur.'],
];

/** The same error, in French when its detail is one of the rights side's. */
function french(error) {
  for (const [pattern, text] of DETAILS_FR) {
    if (pattern.test(error?.detail ?? error?.message ?? '')) {
      error.message = text;
      break;
    }
  }
  return error;
}

async function send(method, path, body) {
  try {
    return await sendWrite(method, path, body);
  } catch (error) {
    throw french(error);
  }
}

/** POST /api/rights-requests: always the same {message} when accepted (202). */
export function submitRightsRequest(body) {
  return send('POST', 'api/rights-requests', body);
}

/** Confirms a request with its mail's token: {id, status, dueAt}. */
export function confirmRightsRequest(token) {
  return send('POST', 'api/rights-requests/confirm', { token });
}

/** The open requests of the moderator's territories, overdue first: {items}. */
export function rightsQueue() {
  return getWrite('api/moderation/rights-requests?limit=100');
}

/** {decision: 'correct'|'erase'|'refuse', fields?, reason?}: {id, status, outcome}. */
export function decideRightsRequest(id, decision) {
  return send('POST', `api/moderation/rights-requests/${encodeURIComponent(id)}/decision`, decision);
}
