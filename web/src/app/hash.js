// The screen in the URL, so that a link reproduces it:
//   #map=ZOOM/LAT/LON&territory=KIND:CODE&point=LAT/LON&near=LAT/LON/METRES
//    &show=actors,initiatives,persons,needs-offers,events,experiences&theme=A,B&type=A,B&status=A,B
//    &role=A,B&nature=A,B&eventType=A,B&outcome=A,B&territoryType=A,B&from=DATE&to=DATE&q=TEXT
//    &mode=coverage&level=epci&actor=ID|initiative=ID|person=ID|need_offer=ID|event=ID|experience=ID
// Events start from today (Paris) unless `from` says another day; `from=` (empty) takes past ones too.
// `map` follows openstreetmap.org's convention (readers know it, and can paste it there). The
// embed page also takes these keys in its query string (/embed?theme=climat&...), which is what a
// partner site writes by hand.

/** Record layers a page can show; all unless the URL says otherwise. */
export const LAYERS = ['actors', 'initiatives', 'persons', 'needs-offers', 'events', 'experiences'];

/** The category filters, each narrowing one layer (URL key = API parameter). */
export const CATEGORY_FILTERS = ['type', 'status', 'role', 'nature', 'eventType', 'outcome', 'territoryType'];

/** Kinds of record a URL may open the card of. */
const RECORD_KEYS = ['actor', 'initiative', 'person', 'need_offer', 'event', 'experience'];

/** Today in Paris as YYYY-MM-DD: events are shown from it unless the URL says otherwise. */
export const TODAY = parisDate(new Date());

/** A day in Paris, YYYY-MM-DD (the Canadian English format is ISO's). */
export function parisDate(date) {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Paris', year: 'numeric', month: '2-digit', day: '2-digit' })
    .format(date);
}

/** Coverage levels the map can colour. */
export const COVERAGE_LEVELS = ['epci', 'petr', 'bassin_vie', 'persons'];

/** Radii offered for "autour de", in metres; the first is the default. */
export const RADII = [10000, 2000, 5000, 20000, 50000];

/** Filters that select nothing out. */
export const NO_FILTERS = Object.freeze({ show: LAYERS, theme: [], type: [], status: [], role: [], nature: [], eventType: [],
  outcome: [], territoryType: [], from: TODAY, to: '', q: '' });

/**
 * {view, territory, point, near, filters, mode, level, record}: see writeHash. Unknown or
 * malformed values are dropped (a hand-edited link shows what it can).
 */
export function readHash(hash) {
  return readParams(new URLSearchParams(hash.replace(/^#/, '')));
}

/** The same state from URLSearchParams (the embed page's query string, or a hash). */
export function readParams(params) {
  const list = (name) => (params.get(name) ?? '').split(',').map((s) => s.trim()).filter(Boolean);
  const show = list('show').filter((layer) => LAYERS.includes(layer));
  const level = params.get('level');
  return {
    view: parseView(params.get('map')),
    territory: parseTerritory(params.get('territory')),
    point: parsePoint(params.get('point')),
    near: parseNear(params.get('near')),
    filters: {
      show: show.length ? LAYERS.filter((layer) => show.includes(layer)) : LAYERS,
      theme: list('theme'),
      ...Object.fromEntries(CATEGORY_FILTERS.map((name) => [name, list(name)])),
      from: params.has('from') ? parseDate(params.get('from')) : TODAY,
      to: parseDate(params.get('to')),
      q: (params.get('q') ?? '').trim(),
    },
    mode: params.get('mode') === 'coverage' ? 'coverage' : 'markers',
    level: COVERAGE_LEVELS.includes(level) ? level : COVERAGE_LEVELS[0],
    record: parseRecord(params),
  };
}

/** The hash of a state; only what differs from the defaults is written. */
export function writeHash(state) {
  return `#${stateParams(state).join('&')}`;
}

/** The state's parameters as `name=value` strings, also used for the embed page's query string. */
export function stateParams({ view, territory, point, near, filters = NO_FILTERS, mode, level, record }) {
  const parts = [];
  if (view) {
    const digits = precision(view.zoom);
    parts.push(`map=${view.zoom}/${view.lat.toFixed(digits)}/${view.lon.toFixed(digits)}`);
  }
  if (territory) parts.push(`territory=${territory.kind}:${encodeURIComponent(territory.code)}`);
  if (point) parts.push(`point=${point.lat.toFixed(5)}/${point.lon.toFixed(5)}`); // about a metre
  if (near) parts.push(`near=${near.lat.toFixed(5)}/${near.lon.toFixed(5)}/${near.radius}`);
  if (filters.show.length !== LAYERS.length) parts.push(`show=${filters.show.join(',')}`);
  for (const name of ['theme', ...CATEGORY_FILTERS]) {
    if (filters[name]?.length) parts.push(`${name}=${filters[name].map(encodeURIComponent).join(',')}`);
  }
  if ((filters.from ?? TODAY) !== TODAY) parts.push(`from=${filters.from}`);
  if (filters.to) parts.push(`to=${filters.to}`);
  if (filters.q) parts.push(`q=${encodeURIComponent(filters.q)}`);
  if (mode === 'coverage') parts.push(`mode=coverage`, `level=${level}`);
  if (record) parts.push(`${record.kind}=${record.id}`);
  return parts;
}

export function sameTerritory(a, b) {
  return a?.kind === b?.kind && a?.code === b?.code;
}

export function samePoint(a, b) {
  return a?.lat === b?.lat && a?.lon === b?.lon;
}

export function sameNear(a, b) {
  return samePoint(a, b) && a?.radius === b?.radius;
}

export function sameRecord(a, b) {
  return a?.kind === b?.kind && a?.id === b?.id;
}

/** Same filters: compared by their URL form, which is canonical. */
export function sameFilters(a, b) {
  return stateParams({ filters: a }).join('&') === stateParams({ filters: b }).join('&');
}

/** How many filters narrow the selection (for the filter button's badge). */
export function filterCount(filters) {
  return filters.theme.length + CATEGORY_FILTERS.reduce((n, name) => n + (filters[name]?.length ?? 0), 0)
    + ((filters.from ?? TODAY) !== TODAY ? 1 : 0) + (filters.to ? 1 : 0)
    + (filters.q ? 1 : 0)
    + (filters.show.length !== LAYERS.length ? 1 : 0);
}

/** Decimals that keep the centre within a pixel at this zoom (openstreetmap.org's rule). */
function precision(zoom) {
  return Math.max(0, Math.ceil(Math.log(zoom) / Math.LN2));
}

/** A YYYY-MM-DD date, or '' (none, or not a real day). */
function parseDate(value) {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value ?? '');
  if (!match) return '';
  const date = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])));
  return date.toISOString().startsWith(value) ? value : '';
}

function parseView(value) {
  const [zoom, lat, lon] = (value ?? '').split('/').map(Number);
  const valid = Number.isFinite(zoom) && Math.abs(lat) <= 90 && Math.abs(lon) <= 180;
  return valid && value ? { zoom, lat, lon } : null;
}

function parseTerritory(value) {
  const match = /^([a-z_]+):(.+)$/.exec(value ?? '');
  return match ? { kind: match[1], code: match[2] } : null;
}

function parsePoint(value) {
  const [lat, lon] = (value ?? '').split('/').map(Number);
  return value && Math.abs(lat) <= 90 && Math.abs(lon) <= 180 ? { lat, lon } : null;
}

function parseNear(value) {
  const [lat, lon, radius] = (value ?? '').split('/').map(Number);
  const valid = value && Math.abs(lat) <= 90 && Math.abs(lon) <= 180 && radius > 0 && radius <= 200000;
  return valid ? { lat, lon, radius: Math.round(radius) } : null;
}

function parseRecord(params) {
  for (const kind of RECORD_KEYS) {
    const id = params.get(kind);
    if (id && /^\d+$/.test(id)) return { kind, id: Number(id) };
  }
  return null;
}
