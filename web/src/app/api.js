import { TODAY } from './hash.js';
import { collectionOf } from './kinds.js';

// Client of the service's API (territories, records, coverage). Every call takes an optional AbortSignal so a
// newer request (another keystroke, another click) can cancel the one it replaces.

/** An error answer of the API: the RFC 9457 problem's `detail`, and its `parameter` if any. */
export class ApiError extends Error {
  constructor(status, detail, parameter) {
    super(detail);
    this.name = 'ApiError';
    this.status = status;
    this.parameter = parameter;
  }
}

async function getJson(path, params = {}, signal) {
  const url = new URL(`${path}${queryString(params)}`, document.baseURI);
  const response = await fetch(url, {
    signal,
    headers: { Accept: 'application/geo+json, application/json, application/problem+json' },
  });
  if (!response.ok) throw await toError(response);
  return response.json();
}

async function toError(response) {
  let problem = {};
  try {
    problem = await response.json();
  } catch {
    // Not problem+json (a proxy's HTML page, say): the status alone must do.
  }
  const detail = problem.detail ?? `Le service a répondu ${response.status} ${response.statusText}`.trim();
  return new ApiError(response.status, detail, problem.parameter);
}

/** Territories containing a point, smallest first; an empty list outside the région. */
export function territoriesAt(lat, lon, signal) {
  return getJson('api/territories/at', { lon: lon.toFixed(6), lat: lat.toFixed(6) }, signal);
}

/** Territories whose name, code or postcode matches `q` (accent and typo tolerant). */
export function searchTerritories(q, limit, signal) {
  return getJson('api/territories', { q, limit }, signal);
}

/** One territory as a GeoJSON Feature, its geometry simplified to `simplify` metres. */
export function territory(kind, code, { simplify = 0, geometry = true } = {}, signal) {
  const path = `api/territories/${encodeURIComponent(kind)}/${encodeURIComponent(code)}`;
  return getJson(path, geometry ? { simplify } : { geometry, simplify }, signal);
}

/** Every territory of a kind as simplified outlines (a GeoJSON FeatureCollection). */
export function outlines(kind, signal) {
  return getJson('api/territories/outlines', { kind }, signal);
}

/**
 * The API parameters of the state's filters for `collection` ('actors', 'initiatives', 'events'...):
 * the territory, "autour de", themes, free text, and the collection's own category (actor types,
 * initiative statuses, persons' roles, need or offer, event types, outcomes and kinds of territory
 * of experiences; each collection refuses the others'), and the dates of events. Empty criteria
 * are left out.
 */
export function filterQuery(collection, { territory, near, filters }) {
  const join = (list) => (list?.length ? list.join(',') : undefined);
  const own = (name, values) => (collection === name ? join(values) : undefined);
  return {
    territory: territory ? `${territory.kind}:${territory.code}` : undefined,
    near: near ? `${near.lon.toFixed(5)},${near.lat.toFixed(5)}` : undefined,
    radius: near?.radius,
    theme: join(filters.theme),
    type: own('actors', filters.type),
    status: own('initiatives', filters.status),
    role: own('persons', filters.role),
    nature: own('needs-offers', filters.nature),
    eventType: own('events', filters.eventType),
    outcome: own('experiences', filters.outcome),
    territoryType: own('experiences', filters.territoryType),
    from: collection === 'events' ? filters.from || undefined : undefined,
    to: collection === 'events' ? filters.to || undefined : undefined,
    q: filters.q || undefined,
  };
}

/**
 * The parameters of /api/coverage, which counts both collections at once: the actors' filters
 * (type included) with the initiatives' statuses. Spreading the two filterQuery() objects into one
 * would not do: the initiatives' `type: undefined` would overwrite the actors' type.
 */
export function coverageQuery(state) {
  return { ...filterQuery('actors', state), status: filterQuery('initiatives', state).status };
}

/** A query string of parameters, without the empty ones ("" when none). */
export function queryString(params) {
  const search = new URLSearchParams();
  for (const [name, value] of Object.entries(params)) {
    if (value !== undefined && value !== null && value !== '') search.set(name, value);
  }
  const text = search.toString();
  return text ? `?${text}` : '';
}

/** The deployment's settings of the map: {basemap: {url (null: none), attribution, maxZoom}}. */
export function mapSettings(signal) {
  return getJson('api/map-settings', {}, signal);
}

/** The directory sources with their licences: {sources: [{name, format, licence, licenceUrl, attribution, ...}]}. */
export function sources(signal) {
  return getJson('api/sources', {}, signal);
}

/** The controlled vocabularies: {themes, actorTypes, initiativeStatuses}, each [{code, label}]. */
export function vocabularies(signal) {
  return getJson('api/vocabularies', {}, signal);
}

/**
 * The records of `collection` in a box as the service clusters them at `zoom`: cells with a
 * `count`, and single records (count 1) with their id, name and type or status. `bbox` is
 * [west, south, east, north]; `query` comes from filterQuery.
 */
export function clusters(collection, bbox, zoom, query, signal) {
  return getJson(`api/${collection}/clusters`, { ...query, bbox: bbox.map((v) => v.toFixed(5)).join(','), zoom }, signal);
}

/** A page of records (GeoJSON), in the API's order: nearest first with `near`, best first with `q`. */
export function records(collection, query, { limit, cursor } = {}, signal) {
  return getJson(`api/${collection}`, { ...query, limit, cursor }, signal);
}

/** One record in full: its kind ('actor', 'initiative', 'need_offer', 'event'...) and its id. */
export function record(kind, id, signal) {
  return getJson(`api/${collectionOf(kind) ?? `${kind}s`}/${encodeURIComponent(id)}`, {}, signal);
}

/** Who could answer a need or an offer: {items: [{kind, id, name, natureLabel|typeLabel, communeName, closenessLabel, distance, sharedThemes}]}. */
export function needOfferMatches(id, signal) {
  return getJson(`api/needs-offers/${encodeURIComponent(id)}/matches`, {}, signal);
}

/** Experiences of the same themes in territories of the same kind: {items: [{id, name, outcomeLabel, communeName, territoryTypeLabel, sharedThemes}]}. */
export function comparableExperiences(id, signal) {
  return getJson(`api/experiences/${encodeURIComponent(id)}/comparable`, {}, signal);
}

/**
 * The address of the iCalendar feed of the events the state's filters select (territory, themes,
 * event types, `to`; `from` only when chosen, so that a subscription keeps starting "today").
 * `organiser` narrows it to one actor's events.
 */
export function eventsFeedUrl(state, { organiser } = {}) {
  const q = state ? filterQuery('events', state) : {};
  return `api/events.ics${queryString({
    territory: q.territory,
    theme: q.theme,
    eventType: q.eventType,
    organiser,
    from: q.from !== TODAY ? q.from : undefined,
    to: q.to,
  })}`;
}

/** Coverage of a level's territories (GeoJSON with `geometry`, else JSON) under the filters. */
export function coverage(level, query, { geometry = true } = {}, signal) {
  return getJson('api/coverage', { ...query, level, format: geometry ? 'geojson' : 'json' }, signal);
}

/**
 * Communes with the number of resource persons covering them through their perimeters, under the
 * persons' filters (themes, free text, a territory's communes): GeoJSON with `summary`.
 */
export function personsCoverage(state, signal) {
  const { theme, role, q, territory } = filterQuery('persons', state);
  return getJson('api/persons/coverage', { level: 'commune', theme, role, q, territory }, signal);
}

/** The address of an export of what the filters select: format 'csv' or 'geojson'. */
export function exportUrl(collection, format, query) {
  return `api/export/${collection}.${format}${queryString(query)}`;
}

/** True for the rejection of a request cancelled on purpose, which is not an error to show. */
export function isAbort(error) {
  return error?.name === 'AbortError';
}
