// The pages of the relay's mailed links: contact-confirmer.html (the sender confirms their
// address, the message leaves) and relais-desactiver.html (the recipient turns the relay off).
// Their button posts the token of the fragment once; answers are set with textContent.

import { confirmMessage, optOut } from './contact-api.js';
import { WriteError } from './contribute-api.js';

const optingOut = document.body.dataset.mode === 'opt-out';
const button = document.getElementById('token-button');
const status = document.getElementById('token-status');
const token = decodeURIComponent(location.hash.slice(1));

if (!token) {
  button.disabled = true;
  status.textContent = 'Ce lien est incomplet : ouvrez-le à nouveau depuis le message reçu.';
}

button.addEventListener('click', async () => {
  button.disabled = true;
  status.textContent = 'Un instant…';
  try {
    if (optingOut) {
      const state = await optOut(token);
      status.textContent = `C’est fait : la fiche « ${state.name} » ne reçoit plus de messages par l’atlas.`;
    } else {
      await confirmMessage(token);
      status.textContent = 'Merci : votre message est parti. Une copie vous a été envoyée.';
    }
    history.replaceState(null, '', location.pathname);
  } catch (error) {
    status.textContent = error instanceof WriteError ? error.message : 'Le service ne répond pas : réessayez dans un moment.';
    button.disabled = error instanceof WriteError && error.status === 400;
  }
});
