// donnees-personnelles.html: fills the durations, limits and contact from GET api/privacy (the
// service's settings), each with textContent.

import { privacy } from './contact-api.js';
import { fillNav } from './site-nav.js';

const main = document.querySelector('main');
const status = document.getElementById('privacy-status');

fillNav(document.getElementById('site-nav'), 'donnees-personnelles.html');
fill();

async function fill() {
  try {
    const settings = await privacy();
    const durations = new Map(settings.durations.map((d) => [d.key, d.text]));
    const limits = new Map(settings.limits.map((l) => [l.key, l.text]));
    for (const el of document.querySelectorAll('[data-duration]')) el.textContent = durations.get(el.dataset.duration) ?? '—';
    for (const el of document.querySelectorAll('[data-limit]')) el.textContent = limits.get(el.dataset.limit) ?? '—';
    for (const el of document.querySelectorAll('[data-privacy=contact]')) el.textContent = settings.contact;
    status.textContent = '';
    status.hidden = true;
  } catch {
    status.textContent = 'Les réglages du service ne peuvent pas être lus pour le moment : les durées exactes manquent ci-dessous.';
  }
  main.removeAttribute('aria-busy');
}
