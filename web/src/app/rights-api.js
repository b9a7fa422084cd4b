// Client of the rights requests ("Cette fiche vous concerne ? Corriger ou retirer"): the public
// request, its confirmation, and the moderators' side. Requests go through contribute-api.js's
// sender (CSRF token, errors as WriteError with a French message).

import { getWrite, sendWrite } from './contribute-api.js';

/** POST /api/rights-requests: always the same {message} when accepted (202). */
export function submitRightsRequest(body) {
  return sendWrite('POST', 'api/rights-requests', body);
}

/** Confirms a request with its mail's token: {id, status, dueAt}. */
export function confirmRightsRequest(token) {
  return sendWrite('POST', 'api/rights-requests/confirm', { token });
}

/** The open requests of the moderator's territories, overdue first: {items}. */
export function rightsQueue() {
  return getWrite('api/moderation/rights-requests?limit=100');
}

/** {decision: 'correct'|'erase'|'refuse', fields?, reason?}: {id, status, outcome}. */
export function decideRightsRequest(id, decision) {
  return sendWrite('POST', `api/moderation/rights-requests/${encodeURIComponent(id)}/decision`, decision);
}
