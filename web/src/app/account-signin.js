// The sign-in page: without a token, the form that asks for a link; with the link's token in the
// fragment (#jeton=...), a button that posts it. The token is never sent by opening the link, so a
// mail scanner that opens it cannot spend it; the fragment reaches no server and no Referer.
import { requestLink, signIn } from './account.js';

const form = document.getElementById('signin-form');
const tokenSection = document.getElementById('token-section');
const status = document.getElementById('status');

function say(text, isError = false) {
  status.textContent = text;
  status.classList.toggle('error', isError);
}

const token = new URLSearchParams(location.hash.slice(1)).get('jeton');

if (token) {
  form.hidden = true;
  tokenSection.hidden = false;
  const button = document.getElementById('signin-button');
  button.focus();
  button.addEventListener('click', async () => {
    button.disabled = true;
    say('Connexion…');
    try {
      await signIn(token);
      // The token is spent: it leaves the address bar and the history.
      history.replaceState(null, '', location.pathname);
      location.assign('compte.html');
    } catch (e) {
      say(e.message, true);
      tokenSection.hidden = true;
      form.hidden = false;
      history.replaceState(null, '', location.pathname);
    }
  });
} else {
  form.hidden = false;
}

form.addEventListener('submit', async (event) => {
  event.preventDefault();
  const email = form.elements.email.value.trim();
  if (!email) {
    say('Indiquez votre adresse électronique.', true);
    form.elements.email.focus();
    return;
  }
  const submit = form.querySelector('button[type="submit"]');
  submit.disabled = true;
  say('Envoi…');
  try {
    const answer = await requestLink(email);
    say(`${answer.message} Le lien ne sert qu’une fois et expire vite ; vous pouvez fermer cette page.`);
  } catch (e) {
    say(e.message, true);
  } finally {
    submit.disabled = false;
  }
});
