// The admins' part of the console: who coordinates which territory (grant by address and a
// territory picked with the territory search, revoke), and the territories of a kind that have
// no coordinator yet, listed and outlined on a small map.

import { drawBase } from './base-layer.js';
import { coordinationTerritories, grantRole, revokeRole, roles } from './contribute-api.js';
import { h } from './dom.js';
import { kindLabel } from './kinds.js';
import { L, createMap } from './map.js';
import { createSearch } from './search.js';

const KINDS = ['epci', 'commune', 'petr', 'bassin_vie', 'departement', 'region'];
const dates = new Intl.DateTimeFormat('fr-FR', { dateStyle: 'long' });

/** Fills `root`; `actions.changed()` is called after a grant or a revocation. */
export function createAdmin(root, actions) {
  let picked = null;
  const roleList = h('ul', { class: 'role-list', 'aria-live': 'polite' });
  const grantStatus = h('p', { class: 'form-status', role: 'status' });
  const say = (kind, text) => {
    grantStatus.className = `form-status ${kind}`;
    grantStatus.textContent = text;
  };
  const searchRoot = h('div', { class: 'search place-search' },
    h('label', { for: 'grant-territory' }, 'Territoire'),
    h('input', { id: 'grant-territory', type: 'text', role: 'combobox', 'aria-autocomplete': 'list', 'aria-expanded': 'false',
      'aria-controls': 'grant-territory-results', autocomplete: 'off', spellcheck: 'false',
      placeholder: 'Commune, EPCI, PETR, bassin de vie, département…' }),
    h('ul', { id: 'grant-territory-results', role: 'listbox', 'aria-label': 'Territoires trouvés', hidden: true }),
    h('p', { class: 'search-message', hidden: true }),
    h('p', { class: 'search-status visually-hidden', 'aria-live': 'polite' }));
  const email = h('input', { id: 'grant-email', type: 'email', autocomplete: 'off', maxlength: '254', spellcheck: 'false' });
  const form = h('form', { class: 'grant-form', novalidate: true },
    h('div', { class: 'field' }, h('label', { for: 'grant-email' }, 'Adresse e-mail du coordinateur'), email),
    searchRoot,
    h('p', {}, h('button', { type: 'submit', class: 'primary' }, 'Confier ce territoire')),
    grantStatus);
  createSearch(searchRoot, (result) => {
    picked = KINDS.includes(result.kind) ? result : null;
    say(picked ? 'info' : 'error', picked
      ? `Territoire choisi : ${result.name} (${kindLabel(result.kind)}).`
      : `${kindLabel(result.kind)} : on ne coordonne qu’une commune, un EPCI, un PETR, un bassin de vie, un département ou la région.`);
  });
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    if (!email.value.trim()) {
      say('error', 'Indiquez l’adresse e-mail de la personne.');
      email.focus();
      return;
    }
    if (!picked) {
      say('error', 'Choisissez le territoire dans la liste de la recherche.');
      searchRoot.querySelector('input').focus();
      return;
    }
    try {
      const role = await grantRole({ email: email.value.trim(), territory: `${picked.kind}:${picked.code}` });
      say('success', `${role.email} coordonne désormais ${role.territoryName}.`);
      await refreshRoles();
      actions.changed();
      refreshCoverage();
    } catch (error) {
      say('error', error.message);
    }
  });

  const kindSelect = h('select', { id: 'coverage-kind' }, KINDS.map((k) => h('option', { value: k }, kindLabel(k))));
  const coverageSummary = h('p', { id: 'coverage-summary', role: 'status' });
  const coverageList = h('ul', { class: 'uncovered-list' });
  const mapElement = h('div', { id: 'coverage-map', class: 'mini-map', role: 'region', 'aria-label': 'Carte des territoires sans coordinateur (la liste ci-dessus donne les mêmes)' });
  kindSelect.addEventListener('change', () => refreshCoverage());

  root.replaceChildren(
    h('h3', {}, 'Coordinateurs'), roleList,
    h('h3', {}, 'Confier un territoire'), form,
    h('h3', {}, 'Territoires sans coordinateur'),
    h('div', { class: 'field' }, h('label', { for: 'coverage-kind' }, 'Niveau'), kindSelect),
    coverageSummary, coverageList, mapElement);
  const map = createMap(mapElement);
  drawBase(map);
  let layer = null;

  async function refreshRoles() {
    try {
      const list = await roles();
      roleList.replaceChildren(...(list.length ? list.map((r) => h('li', {},
        h('span', {}, `${r.displayName ? `${r.displayName} · ` : ''}${r.email} : ${r.territoryName} (${kindLabel(r.territoryKind)}), depuis le ${dates.format(new Date(r.grantedAt))} `),
        h('button', { type: 'button', class: 'secondary small', 'aria-label': `Retirer à ${r.email} le rôle sur ${r.territoryName}`, onclick: async () => {
          try {
            await revokeRole(r.id);
            say('success', `${r.email} ne coordonne plus ${r.territoryName}.`);
            await refreshRoles();
            actions.changed();
            refreshCoverage();
          } catch (error) {
            say('error', error.message);
          }
        } }, 'Retirer'))) : [h('li', { class: 'muted' }, 'Aucun coordinateur pour l’instant.')]));
    } catch (error) {
      roleList.replaceChildren(h('li', { class: 'error' }, error.message));
    }
  }

  async function refreshCoverage() {
    const kind = kindSelect.value;
    coverageSummary.textContent = 'Chargement…';
    try {
      const answer = await coordinationTerritories(kind);
      const uncovered = answer.features.filter((f) => f.properties.coordinators === 0);
      coverageSummary.textContent = `${uncovered.length} sur ${answer.features.length} (${kindLabel(kind)}) sans coordinateur.`;
      // A long list (4,000 communes) would drown the page: the first 200, the map shows them all.
      coverageList.replaceChildren(...uncovered.slice(0, 200).map((f) => h('li', {}, f.properties.name)),
        ...(uncovered.length > 200 ? [h('li', { class: 'muted' }, `… et ${uncovered.length - 200} autres.`)] : []));
      layer?.remove();
      layer = L.geoJSON({ type: 'FeatureCollection', features: answer.features.filter((f) => f.geometry) }, {
        style: (f) => (f.properties.coordinators === 0
          ? { color: '#b00020', weight: 1.5, dashArray: '4 3', fillColor: '#b00020', fillOpacity: 0.25 }
          : { color: '#0b5cad', weight: 1, fillOpacity: 0.05 }),
      }).addTo(map);
    } catch (error) {
      coverageSummary.textContent = error.message;
    }
  }

  refreshRoles();
  refreshCoverage();
}
