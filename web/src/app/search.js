// The search box: an ARIA 1.2 combobox (https://www.w3.org/WAI/ARIA/apg/patterns/combobox/)
// over /api/territories?q=. Typing searches after a pause; Up/Down move through the results,
// Enter chooses, Escape closes the list (and a second Escape clears the box).

import { isAbort, searchTerritories } from './api.js';
import { SEARCH } from './config.js';
import { h } from './dom.js';
import { formatNumber, kindLabel } from './kinds.js';

/**
 * Wires the combobox found in `root` (an input[role=combobox], a ul[role=listbox], a visible
 * message and a live status). `onChoose(result)` receives the chosen search result.
 */
export function createSearch(root, onChoose) {
  const input = root.querySelector('[role=combobox]');
  const listbox = root.querySelector('[role=listbox]');
  const message = root.querySelector('.search-message');
  const status = root.querySelector('.search-status');
  let results = [];
  let active = -1;
  let timer = 0;
  let request = null;

  input.addEventListener('input', () => {
    clearTimeout(timer);
    const q = input.value.trim();
    if (q.length < SEARCH.minLength) {
      request?.abort();
      show([], '');
      return;
    }
    timer = setTimeout(() => run(q), SEARCH.debounceMs);
  });

  input.addEventListener('keydown', (event) => {
    switch (event.key) {
      case 'ArrowDown':
      case 'ArrowUp':
        if (results.length === 0) return;
        event.preventDefault(); // keeps the caret where it is
        open();
        move(event.key === 'ArrowDown' ? 1 : -1);
        break;
      case 'Enter':
        if (isOpen() && results.length > 0) {
          event.preventDefault();
          choose(Math.max(active, 0)); // Enter with nothing highlighted takes the best match
        } else if (input.value.trim().length >= SEARCH.minLength) {
          clearTimeout(timer);
          run(input.value.trim()); // do not make a fast typist wait for the debounce
        }
        break;
      case 'Escape':
        event.preventDefault();
        if (isOpen()) close();
        else {
          input.value = '';
          show([], '');
        }
        break;
      default:
    }
  });

  input.addEventListener('focus', () => {
    if (results.length > 0) open();
  });
  input.addEventListener('blur', () => {
    close();
    message.hidden = true; // "no result" is about the text being typed: it goes with the focus
  });
  // mousedown would move the focus out of the input (and close the list) before the click lands.
  listbox.addEventListener('mousedown', (event) => event.preventDefault());

  async function run(q) {
    request?.abort();
    request = new AbortController();
    const { signal } = request;
    try {
      const answer = await searchTerritories(q, SEARCH.limit, signal);
      if (!signal.aborted) show(answer.results, answer.results.length ? '' : `Aucun territoire ne correspond à « ${q} ».`);
    } catch (error) {
      if (!isAbort(error)) show([], `La recherche a échoué : ${error.message}`);
    }
  }

  function show(list, text) {
    results = list;
    active = -1;
    listbox.replaceChildren(...list.map(option));
    message.textContent = text;
    message.hidden = !text;
    status.textContent = list.length ? `${list.length} résultat${list.length > 1 ? 's' : ''}. Flèches haut et bas pour choisir.` : text;
    if (list.length > 0 && document.activeElement === input) open();
    else close();
  }

  function option(result, index) {
    const details = [kindLabel(result.kind), result.departement, result.population != null && `${formatNumber(result.population)} hab.`];
    return h('li', { id: `search-option-${index}`, role: 'option', 'aria-selected': 'false', onclick: () => choose(index) },
      h('span', { class: 'option-name' }, result.name),
      h('span', { class: 'option-details' }, details.filter(Boolean).join(' · ')));
  }

  function move(step) {
    const options = listbox.children;
    options[active]?.setAttribute('aria-selected', 'false');
    active = active < 0 && step < 0 ? results.length - 1 : (active + step + results.length) % results.length;
    options[active].setAttribute('aria-selected', 'true');
    options[active].scrollIntoView({ block: 'nearest' });
    input.setAttribute('aria-activedescendant', options[active].id);
  }

  function choose(index) {
    const result = results[index];
    input.value = result.name;
    close();
    onChoose(result);
  }

  function isOpen() {
    return !listbox.hidden;
  }

  function open() {
    listbox.hidden = false;
    input.setAttribute('aria-expanded', 'true');
  }

  function close() {
    listbox.children[active]?.setAttribute('aria-selected', 'false');
    active = -1;
    listbox.hidden = true;
    input.setAttribute('aria-expanded', 'false');
    input.removeAttribute('aria-activedescendant');
  }
}
