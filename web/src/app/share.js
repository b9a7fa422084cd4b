// The share dialog: the link to this screen, and the snippet that embeds the map, with the same
// view and filters, in a partner's page (/embed, without search nor filter panel).

import { h } from './dom.js';
import { stateParams } from './hash.js';

/**
 * Wires the <dialog> `el`; `currentState()` gives the state to share, with its view. The
 * dialog's fields are filled when it opens, so they always match the screen.
 */
export function createShare(el, currentState) {
  const link = h('input', { id: 'share-link', type: 'text', readonly: true });
  const snippet = h('textarea', { id: 'share-snippet', rows: '4', readonly: true, spellcheck: 'false' });
  const status = h('p', { class: 'muted', 'aria-live': 'polite' });
  el.replaceChildren(h('form', { method: 'dialog' },
    h('h2', { id: 'share-title' }, 'Partager ou intégrer cette carte'),
    h('label', { for: 'share-link' }, 'Lien vers cet écran'),
    h('div', { class: 'copy-row' }, link, copyButton(link, status)),
    h('label', { for: 'share-snippet' }, 'Code à coller dans une page web (carte intégrée, mêmes filtres)'),
    h('div', { class: 'copy-row' }, snippet, copyButton(snippet, status)),
    status,
    h('p', { class: 'dialog-actions' }, h('button', { type: 'submit', class: 'secondary' }, 'Fermer'))));
  el.setAttribute('aria-labelledby', 'share-title');

  return {
    open() {
      const state = currentState();
      const params = stateParams({ ...state, point: null, record: null, view: state.view ?? null });
      const base = new URL('.', document.baseURI);
      link.value = location.href;
      const embed = new URL(`embed?${params.join('&')}`, base);
      snippet.value = `<iframe src="${embed.href.replace(/"/g, '&quot;')}" title="Carte Atlas Citoyen" width="100%" height="480" style="border:0" loading="lazy" allow="geolocation"></iframe>`;
      status.textContent = '';
      el.showModal();
      link.select();
    },
  };
}

function copyButton(field, status) {
  return h('button', {
    type: 'button',
    class: 'secondary',
    onclick: async () => {
      field.select();
      try {
        await navigator.clipboard.writeText(field.value);
        status.textContent = 'Copié dans le presse-papiers.';
      } catch {
        // No clipboard API (plain http on another host): the text is selected, Ctrl+C copies it.
        status.textContent = 'Le texte est sélectionné : copiez-le avec Ctrl+C (ou Cmd+C).';
      }
    },
  }, 'Copier');
}
