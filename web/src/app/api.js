// Client of the territory API (/api/territories). Every call takes an optional AbortSignal so a
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
  const url = new URL(path, document.baseURI);
  for (const [name, value] of Object.entries(params)) {
    if (value !== undefined && value !== null) url.searchParams.set(name, value);
  }
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

/** Every territory of a kind, biggest first (no query). */
export function listTerritories(kind, limit, signal) {
  return getJson('api/territories', { kind, limit }, signal);
}

/** One territory as a GeoJSON Feature, its geometry simplified to `simplify` metres. */
export function territory(kind, code, { simplify = 0, geometry = true } = {}, signal) {
  const path = `api/territories/${encodeURIComponent(kind)}/${encodeURIComponent(code)}`;
  return getJson(path, geometry ? { simplify } : { geometry, simplify }, signal);
}

/**
 * The actors in a box as the service clusters them at `zoom`: cells with a `count`, and single
 * actors (count 1) with their id, name and type. `bbox` is [west, south, east, north].
 */
export function actorClusters(bbox, zoom, signal) {
  return getJson('api/actors/clusters', { bbox: bbox.map((v) => v.toFixed(5)).join(','), zoom }, signal);
}

/** True for the rejection of a request cancelled on purpose, which is not an error to show. */
export function isAbort(error) {
  return error?.name === 'AbortError';
}
