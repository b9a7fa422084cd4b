// Client of the write side: the signed-in account, contributions, moderation and role grants.
// Every state-changing request carries the CSRF token (the XSRF-TOKEN cookie that GET /api/csrf
// sets, sent back in X-XSRF-TOKEN); errors become WriteError with a French message.

/** An error answer of the write API: its status, the member it names, a French message, and Retry-After (s). */
export class WriteError extends Error {
  constructor(status, message, parameter, retryAfter) {
    super(message);
    this.name = 'WriteError';
    this.status = status;
    this.parameter = parameter ?? null;
    this.retryAfter = retryAfter ?? null;
  }
}

/**
 * The service's problem details are in English, meant for API users; the forms say the same in
 * French. Known details are matched by their start, anything else is shown as it came.
 */
const DETAILS_FR = [
  [/^Required: a place/, 'Choisissez un lieu : cliquez sur la carte ou choisissez une commune.'],
  [/^Required when not signed in/, 'Indiquez votre adresse e-mail : elle sert à confirmer la proposition.'],
  [/^Required to reject/, 'Donnez la raison du refus : elle est envoyée à l’auteur.'],
  [/^Required/, 'Ce champ est obligatoire.'],
  [/^Not an email address/, 'Cette adresse e-mail n’est pas valide.'],
  [/^A record keeps a name/, 'Une fiche garde un nom.'],
  [/^At most (\d+) characters/, (m) => `${m[1]} caractères au plus.`],
  [/^At most (\d+) themes/, (m) => `${m[1]} thèmes au plus.`],
  [/^Holds a control character/, 'Ce texte contient un caractère invisible non autorisé.'],
  [/^A postcode has five digits/, 'Un code postal a cinq chiffres.'],
  [/^A web address starting with/, 'Une adresse web commence par https:// ou http://.'],
  [/^Not a web address/, 'Ce n’est pas une adresse web.'],
  [/^A date as/, 'Une date au format AAAA-MM-JJ.'],
  [/^A year between/, 'Une année entre 1800 et 2200.'],
  [/^The end comes before the start/, 'La fin est avant le début.'],
  [/^This point is not in a commune of the region/, 'Ce point n’est dans aucune commune de la région.'],
  [/^Not a commune of the region/, 'Cette commune n’est pas dans la région.'],
  [/^The charter in force is version/, 'La charte a changé : rechargez la page, relisez-la et acceptez-la.'],
  [/^A change names at least one field/, 'Vous n’avez rien modifié.'],
  [/^This link is not valid/, 'Ce lien n’est pas valide, ou plus : demandez-en un nouveau.'],
  [/^Another moderator is handling this item/, 'Un autre modérateur traite cette contribution.'],
  [/^This contribution is (\w+) already/, 'Cette contribution a déjà été traitée.'],
  [/^The record no longer exists or is hidden/, 'Cette fiche n’existe plus ou est masquée.'],
  [/^This record is hidden while moderators/, 'Cette fiche est masquée le temps que les modérateurs examinent les signalements.'],
  [/^Sign in to claim/, 'Connectez-vous pour dire que c’est votre structure : votre compte en deviendra le gestionnaire.'],
  [/^This contribution is outside the territories/, 'Cette contribution est hors des territoires que vous coordonnez.'],
  [/^Only coordinators and admins moderate/, 'Seuls les coordinateurs d’un territoire et les administrateurs modèrent.'],
];

/** The French text of a problem's detail (unchanged when it is not a known one, or French already). */
export function frenchDetail(detail) {
  if (!detail) return null;
  for (const [pattern, text] of DETAILS_FR) {
    const m = detail.match(pattern);
    if (m) return typeof text === 'function' ? text(m) : text;
  }
  return detail;
}

/** "trop de demandes, réessayez dans N min" from a Retry-After in seconds. */
export function retryText(seconds) {
  const minutes = Math.max(1, Math.ceil((seconds ?? 60) / 60));
  return `Trop de demandes : réessayez dans ${minutes} min.`;
}

async function toError(response) {
  let problem = {};
  try {
    problem = await response.json();
  } catch {
    // not problem+json: the status alone must do
  }
  const retryAfter = Number.parseInt(response.headers.get('Retry-After') ?? '', 10);
  const retry = Number.isFinite(retryAfter) ? retryAfter : null;
  let message;
  switch (response.status) {
    case 401: message = 'Vous n’êtes pas connecté·e, ou votre session a expiré : connectez-vous.'; break;
    case 403: message = frenchDetail(problem.detail) ?? 'Vous n’avez pas le droit de faire cela.'; break;
    case 409: message = frenchDetail(problem.detail) ?? 'Conflit : la page n’est plus à jour, rechargez-la.'; break;
    case 413: message = 'Le texte envoyé est trop long.'; break;
    case 429: message = retryText(retry); break;
    default:
      message = response.status >= 500
        ? 'Le service a rencontré une erreur : réessayez plus tard.'
        : frenchDetail(problem.detail) ?? `Le service a répondu ${response.status}.`;
  }
  return new WriteError(response.status, message, problem.parameter, retry);
}

function cookie(name) {
  const found = document.cookie.split('; ').find((c) => c.startsWith(`${name}=`));
  return found ? decodeURIComponent(found.slice(name.length + 1)) : null;
}

/** The CSRF token, asking the service for its cookie when the page has none yet. */
async function csrfToken(renew = false) {
  if (renew || !cookie('XSRF-TOKEN')) {
    await fetch(new URL('api/csrf', document.baseURI), { credentials: 'same-origin', cache: 'no-store' });
  }
  return cookie('XSRF-TOKEN') ?? '';
}

async function send(method, path, body, retried = false) {
  const response = await fetch(new URL(path, document.baseURI), {
    method,
    credentials: 'same-origin',
    headers: {
      Accept: 'application/json, application/problem+json',
      ...(body === undefined ? {} : { 'Content-Type': 'application/json' }),
      'X-XSRF-TOKEN': await csrfToken(),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  // A 403 with a stale token (signed in or out in another tab renews it): one more try with a fresh one.
  if (response.status === 403 && !retried && method !== 'GET') {
    const problem = await response.clone().json().catch(() => ({}));
    if (/csrf/i.test(`${problem.title ?? ''} ${problem.detail ?? ''}`)) {
      await csrfToken(true);
      return send(method, path, body, true);
    }
  }
  if (!response.ok) throw await toError(response);
  return response.status === 204 ? null : response.json();
}

async function get(path) {
  const response = await fetch(new URL(path, document.baseURI), {
    credentials: 'same-origin',
    cache: 'no-store',
    headers: { Accept: 'application/json, application/problem+json' },
  });
  if (!response.ok) throw await toError(response);
  return response.json();
}

/** The signed-in account ({id, displayName, email, admin, coordinatorOf: [{kind, code}]}), or null when nobody is. */
export async function currentAccount() {
  try {
    return await get('api/account');
  } catch (error) {
    if (error.status === 401 || error.status === 403) return null;
    throw error;
  }
}

/** POST /api/contributions: {id, status} (unconfirmed, pending or approved). */
export function submitContribution(body) {
  return send('POST', 'api/contributions', body);
}

/** The signed-in author's contributions, newest first. */
export function myContributions() {
  return get('api/contributions/mine');
}

/** A record's public history: {recordKind, id, entries: [{at, action, fields, by}]}. */
export function history(kind, id) {
  return get(`api/${kind}s/${encodeURIComponent(id)}/history`);
}

/** A page of the moderation queue, oldest first: {items, next}. */
export function moderationQueue(after, limit) {
  const query = new URLSearchParams({ limit: String(limit) });
  if (after) query.set('after', String(after));
  return get(`api/moderation/queue?${query}`);
}

/** One moderation item with its field-by-field diff. */
export function moderationItem(id) {
  return get(`api/moderation/items/${encodeURIComponent(id)}`);
}

/** Holds an item for this moderator: {id, lockedUntil}. */
export function lockItem(id) {
  return send('POST', `api/moderation/items/${encodeURIComponent(id)}/lock`);
}

/** {decision: 'approve'|'reject', fields?, reason?}: {id, status, recordId}. */
export function decide(id, decision) {
  return send('POST', `api/moderation/items/${encodeURIComponent(id)}/decision`, decision);
}

/** The coordinator roles (admins only). */
export function roles() {
  return get('api/admin/roles');
}

/** Grants a coordinator role: {email, territory: 'kind:code'}; answers the role. */
export function grantRole(grant) {
  return send('POST', 'api/admin/roles', grant);
}

/** Revokes a role by its id. */
export function revokeRole(id) {
  return send('DELETE', `api/admin/roles/${encodeURIComponent(id)}`);
}

/**
 * The territories of a kind with their number of coordinators, as GeoJSON outlines
 * ({withoutCoordinator, features: [{id, properties: {kind, code, name, coordinators}, geometry}]}).
 */
export function coordinationTerritories(kind) {
  return get(`api/coordination/territories?kind=${encodeURIComponent(kind)}`);
}

/** Signs out (the session ends on the service). */
export function signOut() {
  return send('POST', 'api/account/signout');
}

/** The same requests for the other write-side modules (rights-api.js): CSRF, French errors. */
export { send as sendWrite, get as getWrite };
/** The resource persons' own endpoints (personne-ressource.html): GET, or a write with a JSON body. */
export function personApi(method, path, body) {
  return method === 'GET' ? get(path) : send(method, path, body);
}
