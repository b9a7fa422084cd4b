// The screen in the URL hash, so that a link reproduces it:
//   #map=ZOOM/LAT/LON&territory=KIND:CODE&point=LAT/LON
// `map` follows openstreetmap.org's convention (readers know it, and can paste it there).

/** {view: {zoom, lat, lon} | null, territory: {kind, code} | null, point: {lat, lon} | null} */
export function readHash(hash) {
  const params = new URLSearchParams(hash.replace(/^#/, ''));
  return {
    view: parseView(params.get('map')),
    territory: parseTerritory(params.get('territory')),
    point: parsePoint(params.get('point')),
  };
}

export function writeHash({ view, territory, point }) {
  const parts = [];
  if (view) {
    const digits = precision(view.zoom);
    parts.push(`map=${view.zoom}/${view.lat.toFixed(digits)}/${view.lon.toFixed(digits)}`);
  }
  if (territory) parts.push(`territory=${territory.kind}:${encodeURIComponent(territory.code)}`);
  if (point) parts.push(`point=${point.lat.toFixed(5)}/${point.lon.toFixed(5)}`); // about a metre
  return `#${parts.join('&')}`;
}

export function sameTerritory(a, b) {
  return a?.kind === b?.kind && a?.code === b?.code;
}

export function samePoint(a, b) {
  return a?.lat === b?.lat && a?.lon === b?.lon;
}

/** Decimals that keep the centre within a pixel at this zoom (openstreetmap.org's rule). */
function precision(zoom) {
  return Math.max(0, Math.ceil(Math.log(zoom) / Math.LN2));
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
