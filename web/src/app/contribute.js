// proposer.html: propose a new actor or initiative, or, with ?actor=ID / ?initiative=ID, a
// change to a published one (the same form prefilled; only the fields changed are sent). The
// place is a point clicked on the small map (or its centre, with Enter on the map) or a commune
// chosen with the territory search.

import { isAbort, record, vocabularies } from './api.js';
import { drawBase } from './base-layer.js';
import { WriteError, submitContribution } from './contribute-api.js';
import { acceptedText, authorFields, authorMembers, createMessages, recordFromQuery } from './contribute-form.js';
import { placeFields } from './contribute-place.js';
import { h, nodes } from './dom.js';
import { createMap } from './map.js';
import { account, fillNav } from './site-nav.js';

const form = document.getElementById('contribution');
const status = document.getElementById('form-status');
const messages = createMessages(form, status);
const target = recordFromQuery();
const openedAt = Date.now();

const TEXT_FIELDS = ['name', 'description', 'lessonsLearned', 'startDate', 'endDate', 'website', 'address', 'postcode'];

start();

async function start() {
  fillNav(document.getElementById('site-nav'), 'proposer.html');
  try {
    const [vocab, me, feature] = await Promise.all([
      vocabularies(), account(), target ? record(target.kind, target.id) : null]);
    build(vocab, me, feature);
  } catch (error) {
    if (isAbort(error)) return;
    form.replaceChildren(h('p', { class: 'error' }, error.status === 404
      ? 'Cette fiche n’existe pas, ou plus : elle a pu être fusionnée avec une autre ou retirée.'
      : `Le formulaire ne peut pas s’afficher : ${error.message}`));
  }
}

function build(vocab, me, feature) {
  const p = feature?.properties ?? null;
  const initial = p ? initialValues(target.kind, p) : null;
  if (p) {
    document.getElementById('form-title').textContent = `Modifier « ${p.name} »`;
    document.title = `Modifier ${p.name} — Atlas Citoyen`;
    document.getElementById('form-intro').textContent = 'Corrigez ou complétez la fiche : seuls les champs que vous changez sont envoyés. '
      + 'Un coordinateur du territoire examine la modification avant publication (sauf si vous gérez cette structure).';
  }
  const text = (name, label, attributes = {}, help = null) => h('div', { class: 'field', 'data-field': name },
    h('label', { for: `f-${name}` }, label),
    h(attributes.rows ? 'textarea' : 'input', {
      id: `f-${name}`, name, type: attributes.rows ? null : (attributes.type ?? 'text'),
      'aria-describedby': [help && `f-${name}-help`, `f-${name}-error`].filter(Boolean).join(' '), ...attributes }),
    help && h('p', { class: 'help', id: `f-${name}-help` }, help),
    h('p', { class: 'field-error', id: `f-${name}-error`, hidden: true }));
  const select = (name, label, options) => h('div', { class: 'field', 'data-field': name },
    h('label', { for: `f-${name}` }, label),
    h('select', { id: `f-${name}`, name, 'aria-describedby': `f-${name}-error` },
      h('option', { value: '' }, '— choisir —'),
      options.map((o) => h('option', { value: o.code }, o.label))),
    h('p', { class: 'field-error', id: `f-${name}-error`, hidden: true }));

  const place = placeFields(p && { lon: feature.geometry?.coordinates?.[0], lat: feature.geometry?.coordinates?.[1], communeName: p.communeName });
  form.replaceChildren(...nodes([
    !p && h('fieldset', { class: 'field', 'data-field': 'recordKind' },
      h('legend', {}, 'Vous proposez'),
      h('label', { class: 'choice' }, h('input', { type: 'radio', name: 'recordKind', value: 'actor', checked: true }), ' un acteur (association, collectif, collectivité…)'),
      h('label', { class: 'choice' }, h('input', { type: 'radio', name: 'recordKind', value: 'initiative' }), ' une initiative (un projet, une action)')),
    text('name', 'Nom (obligatoire)', { maxlength: '200', autocomplete: 'organization' }),
    h('div', { class: 'only-actor' }, select('type', 'Type d’acteur (obligatoire)', vocab.actorTypes)),
    h('div', { class: 'only-initiative' }, select('status', 'Statut de l’initiative (obligatoire)', vocab.initiativeStatuses)),
    h('fieldset', { class: 'field themes', 'data-field': 'themes' },
      h('legend', {}, 'Thèmes (10 au plus)'),
      h('div', { class: 'choices' }, vocab.themes.map((t) => h('label', { class: 'choice' },
        h('input', { type: 'checkbox', name: 'themes', value: t.code }), ` ${t.label}`))),
      h('p', { class: 'field-error', id: 'f-themes-error', hidden: true })),
    text('description', 'Description', { rows: '5', maxlength: '5000' }, 'Ce que fait la structure ou le projet, pour qui, depuis quand.'),
    h('div', { class: 'only-initiative' },
      text('startDate', 'Début', { type: 'date' }),
      text('endDate', 'Fin', { type: 'date' }),
      text('lessonsLearned', 'Retour d’expérience', { rows: '4', maxlength: '5000' },
        'Ce qui a marché, ce qui n’a pas marché, ce que vous feriez autrement : les échecs aussi aident les autres.')),
    text('website', 'Site web', { type: 'url', maxlength: '300', placeholder: 'https://…', autocomplete: 'url' }),
    text('address', 'Adresse', { maxlength: '300', autocomplete: 'street-address' }),
    text('postcode', 'Code postal', { inputmode: 'numeric', maxlength: '5', pattern: '[0-9]{5}', autocomplete: 'postal-code' }),
    place.nodes,
    h('p', { class: 'help' }, 'N’indiquez ni e-mail ni téléphone d’une personne dans la fiche : tout ce qu’elle contient devient public.'),
    authorFields(me),
    h('p', {}, h('button', { type: 'submit', class: 'primary' }, p ? 'Envoyer la modification' : 'Envoyer la proposition'))]));

  const map = createMap(place.mapElement);
  drawBase(map);
  place.attach(map);

  const kindOf = () => (p ? target.kind : form.elements.recordKind.value);
  const showKind = () => {
    const actor = kindOf() === 'actor';
    for (const el of form.querySelectorAll('.only-actor')) el.hidden = !actor;
    for (const el of form.querySelectorAll('.only-initiative')) el.hidden = actor;
  };
  if (!p) for (const radio of form.elements.recordKind) radio.addEventListener('change', showKind);
  showKind();
  if (initial) fill(initial);

  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    messages.clear();
    const kind = kindOf();
    const values = readValues(kind, place);
    const fields = initial ? changes(initial, values) : complete(values);
    if (initial && Object.keys(fields).length === 0) {
      messages.show('error', 'Vous n’avez rien modifié : changez au moins un champ.');
      status.focus();
      return;
    }
    const body = {
      kind: initial ? 'change' : 'new', recordKind: kind, recordId: target?.id, fields, ...authorMembers(form, me, openedAt),
    };
    const local = localCheck(body, me, !initial);
    if (local) {
      messages.error(local);
      return;
    }
    const button = form.querySelector('button[type=submit]');
    button.disabled = true;
    messages.show('info', 'Envoi…');
    try {
      const answer = await submitContribution(body);
      form.hidden = true;
      messages.show('success', acceptedText(answer, me), ' ',
        h('a', { href: target ? `./#${target.kind}=${target.id}` : './' }, 'Retour à la carte'));
      status.focus();
    } catch (error) {
      messages.error(error);
    } finally {
      button.disabled = false;
    }
  });
}

/** The published values as the form holds them (strings; themes as codes; no place: unchanged). */
function initialValues(kind, p) {
  return {
    name: p.name ?? '', type: p.type ?? '', status: p.status ?? '',
    themes: (p.themes ?? []).map((t) => t.code ?? t).sort(),
    description: p.description ?? '', lessonsLearned: p.lessonsLearned ?? '', startDate: p.startDate ?? '', endDate: p.endDate ?? '',
    website: p.website ?? '', address: p.address ?? '', postcode: p.postcode ?? '', place: null,
  };
}

function fill(values) {
  for (const name of [...TEXT_FIELDS, 'type', 'status']) {
    if (form.elements[name]) form.elements[name].value = values[name];
  }
  for (const box of form.querySelectorAll('input[name=themes]')) box.checked = values.themes.includes(box.value);
}

function readValues(kind, place) {
  const values = { themes: [...form.querySelectorAll('input[name=themes]:checked')].map((b) => b.value).sort() };
  for (const name of TEXT_FIELDS) values[name] = form.elements[name].value.trim();
  values.type = form.elements.type.value;
  values.status = form.elements.status.value;
  if (kind === 'actor') {
    for (const name of ['status', 'lessonsLearned', 'startDate', 'endDate']) delete values[name];
  } else {
    delete values.type;
  }
  values.place = place.value();
  return values;
}

/** A new record: every field that has a value. */
function complete(values) {
  const fields = {};
  for (const [name, value] of Object.entries(values)) {
    if (name === 'place') Object.assign(fields, value ?? {});
    else if (name === 'themes') { if (value.length) fields.themes = value; }
    else if (value !== '') fields[name] = value;
  }
  return fields;
}

/** A change: only what differs from the published record ("" clears a field). */
function changes(initial, values) {
  const fields = {};
  for (const [name, value] of Object.entries(values)) {
    if (name === 'place') {
      if (value) Object.assign(fields, value);
    } else if (name === 'themes') {
      if (value.join(',') !== initial.themes.join(',')) fields.themes = value;
    } else if (value !== initial[name]) {
      fields[name] = value;
    }
  }
  return fields;
}

/** What the form can tell without asking the service; null when nothing. */
function localCheck(body, me, isNew) {
  if (isNew && !body.fields.name) return asError('fields.name', 'Ce champ est obligatoire.');
  if (isNew && body.recordKind === 'actor' && !body.fields.type) return asError('fields.type', 'Choisissez le type d’acteur.');
  if (isNew && body.recordKind === 'initiative' && !body.fields.status) return asError('fields.status', 'Choisissez le statut.');
  if (isNew && body.fields.lon === undefined && body.fields.commune === undefined) {
    return asError('fields.place', 'Choisissez un lieu : cliquez sur la carte ou choisissez une commune.');
  }
  if (body.fields.themes?.length > 10) return asError('fields.themes', '10 thèmes au plus.');
  if (!body.charterVersion) return asError('charterVersion', 'Cochez la case pour accepter la charte.');
  if (!me && !body.email) return asError('email', 'Indiquez votre adresse e-mail : elle sert à confirmer la proposition.');
  return null;
}

function asError(parameter, message) {
  return new WriteError(0, message, parameter);
}
