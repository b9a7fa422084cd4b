// "Mon compte": the records the signed-in person manages, each with a switch for the contact
// relay (GET / PUT api/contact/relay). Names are set as text; addresses are never sent here.

import { me } from './account.js';
import { WriteError } from './contribute-api.js';
import { h } from './dom.js';

const section = document.getElementById('relay-settings');
const list = document.getElementById('relay-list');
const status = document.getElementById('relay-status');

start();

async function start() {
  if (!(await me().catch(() => null))) return;
  const response = await fetch('api/contact/relay', { credentials: 'same-origin', headers: { Accept: 'application/json' } });
  if (!response.ok) return;
  const records = await response.json();
  if (records.length === 0) return;
  list.replaceChildren(...records.map(item));
  section.hidden = false;
}

function item(r) {
  const id = `relay-${r.recordKind}-${r.recordId}`;
  const box = h('input', { type: 'checkbox', id, checked: r.enabled, disabled: !r.hasAddress });
  box.addEventListener('change', () => toggle(r, box));
  return h('li', {}, box, ' ', h('label', { for: id }, r.name),
    !r.hasAddress && h('span', { class: 'muted' }, ' (l’atlas ne connaît pas d’adresse pour cette fiche)'));
}

async function toggle(r, box) {
  box.disabled = true;
  status.textContent = '';
  try {
    const response = await fetch('api/contact/relay', {
      method: 'PUT',
      credentials: 'same-origin',
      headers: { 'Content-Type': 'application/json', Accept: 'application/json', 'X-XSRF-TOKEN': await csrf() },
      body: JSON.stringify({ recordKind: r.recordKind, recordId: r.recordId, enabled: box.checked }),
    });
    if (!response.ok) throw new WriteError(response.status, 'Le réglage n’a pas pu être enregistré.');
    status.textContent = box.checked ? `« ${r.name} » reçoit de nouveau les messages.` : `« ${r.name} » ne reçoit plus de messages.`;
  } catch {
    box.checked = !box.checked;
    status.textContent = 'Le réglage n’a pas pu être enregistré : réessayez dans un moment.';
  }
  box.disabled = false;
}

async function csrf() {
  const read = () => document.cookie.match(/(?:^|;\s*)XSRF-TOKEN=([^;]+)/)?.[1];
  if (!read()) await fetch('api/csrf', { credentials: 'same-origin', cache: 'no-store' });
  return decodeURIComponent(read() ?? '');
}
