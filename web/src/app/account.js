// The account pages' calls to the service (sign-in link, token, who am I, sign out, delete). Every
// request that changes something sends the CSRF token: the service sets it in the XSRF-TOKEN
// cookie (GET api/csrf) and wants it back in the X-XSRF-TOKEN header.

/** An error answer: the problem's detail (French when the service wrote one), and the status. */
export class AccountError extends Error {
  constructor(status, detail) {
    super(detail);
    this.name = 'AccountError';
    this.status = status;
  }
}

function cookie(name) {
  const prefix = `${name}=`;
  const found = document.cookie.split('; ').find((c) => c.startsWith(prefix));
  return found ? decodeURIComponent(found.slice(prefix.length)) : null;
}

/** The CSRF token, asked of the service when the cookie is not there yet (or was renewed away). */
async function csrfToken() {
  let token = cookie('XSRF-TOKEN');
  if (!token) {
    await fetch('api/csrf', { credentials: 'same-origin' });
    token = cookie('XSRF-TOKEN');
  }
  return token ?? '';
}

async function send(method, path, body, contentType = 'application/json') {
  const headers = { 'X-XSRF-TOKEN': await csrfToken(), Accept: 'application/json, application/problem+json' };
  if (body !== undefined) headers['Content-Type'] = contentType;
  const response = await fetch(path, { method, headers, body, credentials: 'same-origin' });
  if (!response.ok) throw await toError(response);
  return response.status === 204 ? null : response.json();
}

async function toError(response) {
  let problem = {};
  try {
    problem = await response.json();
  } catch {
    // Not problem+json: the status alone must do.
  }
  const detail = response.status === 429
    ? `Trop de demandes : réessayez dans ${Math.ceil((problem.retryAfter ?? 60) / 60)} minute(s).`
    : problem.detail ?? `Le service a répondu ${response.status}.`;
  return new AccountError(response.status, detail);
}

/** Asks for a sign-in link sent to `email`; the answer is the same for any address. */
export function requestLink(email) {
  return send('POST', 'api/account/signin-link', JSON.stringify({ email }));
}

/** Signs in with a link's token. */
export function signIn(token) {
  return send('POST', 'api/account/signin', new URLSearchParams({ token }).toString(), 'application/x-www-form-urlencoded');
}

/** Who is signed in; null when no one is. */
export async function me() {
  const response = await fetch('api/account', { credentials: 'same-origin', headers: { Accept: 'application/json' } });
  if (response.status === 401) return null;
  if (!response.ok) throw await toError(response);
  return response.json();
}

export function signOut() {
  return send('POST', 'api/account/signout');
}

export function deleteAccount() {
  return send('DELETE', 'api/account');
}

/** French names of the territory kinds a coordinator role is held on. */
export const KIND_LABELS = {
  commune: 'Commune',
  epci: 'Intercommunalité (EPCI)',
  petr: 'PETR',
  bassin_vie: 'Bassin de vie',
  departement: 'Département',
  region: 'Région',
};
