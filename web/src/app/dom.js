// A tiny element builder. Text always goes in as text nodes, never as HTML, so names coming from
// the data cannot inject markup.

/**
 * h('li', { class: 'x', onclick: fn }, 'text', child) -> <li class="x">text<child/></li>.
 * Attributes named on* become event listeners; null, undefined and false children are skipped.
 */
export function h(tag, attributes = {}, ...children) {
  const el = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value === null || value === undefined || value === false) continue;
    if (name.startsWith('on')) el.addEventListener(name.slice(2), value);
    else el.setAttribute(name, value === true ? '' : value);
  }
  el.append(...nodes(children));
  return el;
}

/** Children as h() takes them (nested arrays, text, null and false to skip) as a flat list. */
export function nodes(children) {
  return children.flat(Infinity)
    .filter((child) => child !== null && child !== undefined && child !== false)
    .map((child) => (child instanceof Node ? child : String(child)));
}
