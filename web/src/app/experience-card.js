// The card of an experience (retour d'expérience), from /api/experiences/{id}: its outcome said
// plainly (a failure is a lesson, not a red mark), what was tried, where, by whom, when, what
// happened and what we would do differently, the optional facets, evidence links (http(s) only),
// the initiative it comes from, and "Expériences comparables" (the same themes in territories of
// the same kind, from /api/experiences/{id}/comparable).

import { comparableExperiences } from './api.js';
import { dayText, lazyList, outsideLink, recordRefs, tags, territoryRefs, updatedNode } from './card-parts.js';
import { h } from './dom.js';

/** The card's nodes; `actions` as for cardNodes (territory, open). */
export function experienceCardNodes(feature, actions) {
  const p = feature.properties;
  const id = feature.id ?? p.id;
  const facets = [['Public touché', p.publicReached], ['Moyens', p.means], ['Partenaires', p.partners]].filter(([, v]) => v);
  const evidence = (p.evidenceLinks ?? []).filter(Boolean);
  const where = p.communeName ?? p.territories?.find((t) => t.kind === 'commune')?.name;
  return [
    h('p', { class: 'kind' }, 'Retour d’expérience · ', h('span', { class: 'outcome' }, `Issue : ${p.outcomeLabel ?? 'non précisée'}`)),
    h('h2', { id: 'panel-title', tabindex: '-1' }, p.name),
    tags(p.themes),
    h('dl', {},
      where && [h('dt', {}, 'Où'), h('dd', {}, where)],
      (p.carriedBy || p.actors?.length > 0) && [h('dt', {}, 'Par qui'), h('dd', {},
        p.actors?.length > 0 ? p.actors.map((a, i) => [i > 0 && ', ',
          h('button', { type: 'button', class: 'link', onclick: () => actions.open({ kind: 'actor', id: a.id }) }, a.name)]) : null,
        p.carriedBy && (p.actors?.length > 0 ? ` (${p.carriedBy})` : p.carriedBy))],
      (p.startedOn || p.endedOn) && [h('dt', {}, 'Quand'), h('dd', {}, period(p.startedOn, p.endedOn))]),
    section('Ce qui a été tenté', p.description),
    section('Ce qui s’est passé', p.happened),
    section('Ce que nous ferions autrement', p.differently),
    facets.length > 0 && h('dl', { class: 'facets' }, facets.map(([label, value]) => [h('dt', {}, label), h('dd', {}, value)])),
    evidence.length > 0 && [h('h3', {}, 'Pour en savoir plus'),
      h('ul', { class: 'refs evidence' }, evidence.map((url) => h('li', {}, outsideLink(url))))],
    recordRefs('Initiative liée', p.initiative, 'initiative', actions, (r) => r.statusLabel),
    territoryRefs('Territoires', p.territories, actions),
    id != null && lazyList({
      id: 'comparables',
      className: 'comparables',
      title: 'Expériences comparables',
      empty: 'Aucune expérience des mêmes thèmes dans un territoire du même type pour le moment.',
      load: () => comparableExperiences(id),
      render: (item) => comparableNode(item, actions),
    }),
    updatedNode(p),
  ];
}

function section(title, text) {
  return text && [h('h3', {}, title), h('p', { class: 'description' }, text)];
}

function period(start, end) {
  if (start && end) return `Du ${dayText(start)} au ${dayText(end)}`;
  return start ? `Depuis le ${dayText(start)}` : `Jusqu’au ${dayText(end)}`;
}

/** One comparable experience: its card, outcome, where, the kind of territory and the themes shared. */
function comparableNode(item, actions) {
  const shared = (item.sharedThemes ?? []).map((t) => t.label ?? t);
  return [
    h('button', { type: 'button', class: 'link', onclick: () => actions.open({ kind: 'experience', id: item.id }) }, item.name),
    h('span', { class: 'result-details' },
      [item.outcomeLabel, item.communeName, item.territoryTypeLabel].filter(Boolean).join(' · ')),
    shared.length > 0 && h('span', { class: 'result-details' }, `Thèmes en commun : ${shared.join(', ')}`),
  ];
}
