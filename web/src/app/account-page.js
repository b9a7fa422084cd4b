// "Mon compte": who I am, my roles, sign out, delete my account (after a confirmation). Everything
// the service returns is written as text.
import { KIND_LABELS, deleteAccount, me, signOut } from './account.js';
import { h } from './dom.js';

const details = document.getElementById('account-details');
const status = document.getElementById('status');

function say(text, isError = false) {
  status.textContent = text;
  status.classList.toggle('error', isError);
}

async function show() {
  let account;
  try {
    account = await me();
  } catch (e) {
    say(e.message, true);
    return;
  }
  if (!account) {
    location.replace('connexion.html');
    return;
  }
  const roles = [];
  if (account.admin) roles.push(h('li', {}, 'Administrateur ou administratrice de l’atlas'));
  for (const t of account.coordinatorOf) {
    roles.push(h('li', {}, `Coordination : ${KIND_LABELS[t.kind] ?? t.kind} ${t.code}`));
  }
  if (roles.length === 0) roles.push(h('li', {}, 'Contributeur ou contributrice'));
  details.replaceChildren(
    h('dl', {},
      h('dt', {}, 'Adresse de connexion'), h('dd', {}, account.email),
      h('dt', {}, 'Nom affiché'), h('dd', {}, account.displayName ?? 'aucun (vos contributions sont signées « un contributeur »)')),
    h('h2', {}, 'Vos rôles'),
    h('ul', {}, roles),
  );
  document.getElementById('actions').hidden = false;
}

document.getElementById('signout').addEventListener('click', async () => {
  try {
    await signOut();
    location.assign('./');
  } catch (e) {
    say(e.message, true);
  }
});

const dialog = document.getElementById('confirm-delete');
document.getElementById('delete').addEventListener('click', () => dialog.showModal());
document.getElementById('delete-cancel').addEventListener('click', () => dialog.close());
document.getElementById('delete-confirm').addEventListener('click', async () => {
  try {
    await deleteAccount();
    dialog.close();
    details.replaceChildren();
    document.getElementById('actions').hidden = true;
    say('Votre compte est supprimé. Vos contributions restent, sans votre nom ni votre adresse.');
  } catch (e) {
    dialog.close();
    say(e.message, true);
  }
});

show();
