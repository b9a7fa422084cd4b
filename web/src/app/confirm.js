// The page of a confirmation mail's link: its button posts the token of the fragment once.
// Messages are set with textContent: nothing from the server is read as HTML.

const button = document.getElementById('confirm-button');
const status = document.getElementById('confirm-status');
const token = decodeURIComponent(location.hash.slice(1));

function csrfCookie() {
  const match = document.cookie.match(/(?:^|;\s*)XSRF-TOKEN=([^;]+)/);
  return match ? decodeURIComponent(match[1]) : null;
}

// Every POST carries the CSRF token: the cookie XSRF-TOKEN (set by GET api/csrf) echoed in a header.
async function csrfHeaders() {
  if (!csrfCookie()) await fetch('api/csrf', { credentials: 'same-origin' });
  const token = csrfCookie();
  return token ? { 'X-XSRF-TOKEN': token } : {};
}

if (!token) {
  button.disabled = true;
  status.textContent = 'Ce lien est incomplet : ouvrez-le à nouveau depuis le message reçu.';
}

button.addEventListener('click', async () => {
  button.disabled = true;
  status.textContent = 'Confirmation en cours…';
  try {
    const response = await fetch('api/contributions/confirm', {
      method: 'POST',
      credentials: 'same-origin',
      headers: { 'Content-Type': 'application/json', Accept: 'application/json, application/problem+json', ...(await csrfHeaders()) },
      body: JSON.stringify({ token }),
    });
    if (response.ok) {
      const confirmed = await response.json();
      status.textContent = confirmed.kind === 'claim'
        ? 'Merci : vous gérez désormais cette fiche. Vos modifications seront publiées directement.'
        : 'Merci : votre contribution est confirmée. Les coordinateurs de votre territoire vont l’examiner.';
      history.replaceState(null, '', location.pathname);
    } else {
      status.textContent = 'Ce lien n’est pas valable, ou plus : il a peut-être déjà servi ou expiré.';
      button.disabled = false;
    }
  } catch {
    status.textContent = 'Le service ne répond pas : réessayez dans un moment.';
    button.disabled = false;
  }
});
