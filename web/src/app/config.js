// Settings of the web map, in one place so that a deployment (or a later settings endpoint) can
// change them without touching the modules that use them.

/**
 * Raster base layer when the service does not say (/api/map-settings, set by ATLAS_BASEMAP_*).
 * OpenStreetMap's own servers are fine for a low-traffic site (see
 * https://operations.osmfoundation.org/policies/tiles/); a busy deployment points
 * ATLAS_BASEMAP_URL at its own tile server or a commercial provider.
 */
export const TILES = {
  url: 'https://tile.openstreetmap.org/{z}/{x}/{y}.png',
  attribution: '© <a href="https://www.openstreetmap.org/copyright">les contributeurs d’OpenStreetMap</a>',
  maxZoom: 19,
};

/**
 * Initial view when the URL says nothing: the région's bounding box, as [[south, west], [north,
 * east]]. Hard-coded rather than read from the API so the first frame is right even before (or
 * without) any answer from the service.
 */
export const REGION_BOUNDS = [[42.333, -0.327], [45.047, 4.846]];

/**
 * Simplification tolerance in metres for each kind of territory drawn on the map: enough detail
 * at the zoom level the territory is seen at, without shipping kilobytes of invisible vertices.
 */
export const SIMPLIFY_METRES = {
  commune: 10,
  qpv: 0,
  epci: 30,
  petr: 50,
  bassin_vie: 50,
  pnr: 50,
  departement: 100,
  region: 200,
};

/** From this zoom the EPCI boundaries are drawn in the vector base (below, they are a tangle). */
export const EPCI_OUTLINES_MIN_ZOOM = 8;

/** Below this zoom the département names would overlap: they are hidden. */
export const LABELS_MIN_ZOOM = 7;

/** Search-as-you-type: wait this long after the last key, and for this many characters. */
export const SEARCH = { debounceMs: 250, minLength: 2, limit: 10 };

/**
 * Width under which the panel becomes a bottom sheet. Keep in step with the media query in
 * atlas.css (CSS cannot read a JavaScript constant, nor the reverse without a build step).
 */
export const NARROW_SCREEN = '(max-width: 640px)';

/**
 * Actor types (codes of the API) with their French label and marker colour. Eleven colours
 * cannot all be told apart, so related types share a hue family; the label is always in the
 * marker's title and the legend.
 */
export const ACTOR_TYPES = {
  association: { label: 'Association', color: '#1b7837' },
  collectif_habitants: { label: 'Collectif d’habitants', color: '#5aae61' },
  collectivite: { label: 'Collectivité ou service public', color: '#2166ac' },
  elu: { label: 'Élu·e', color: '#4393c3' },
  conseil_citoyen: { label: 'Conseil citoyen', color: '#92c5de' },
  tiers_lieu: { label: 'Tiers-lieu', color: '#b35806' },
  centre_social: { label: 'Centre social', color: '#e08214' },
  ess: { label: 'Structure de l’ESS', color: '#762a83' },
  recherche: { label: 'Recherche', color: '#9970ab' },
  tete_de_reseau: { label: 'Tête de réseau', color: '#b2182b' },
  autre: { label: 'Autre', color: '#616161' },
};

/**
 * Initiative statuses (codes of the API) with their marker colour. Initiatives are squares, actors
 * discs, so the two layers stay apart whatever the colours.
 */
export const INITIATIVE_STATUSES = {
  idee: { label: 'Idée', color: '#8a6d00' },
  en_cours: { label: 'En cours', color: '#00796b' },
  terminee: { label: 'Terminée', color: '#37474f' },
  abandonnee: { label: 'Abandonnée', color: '#8d4a3c' },
};

/**
 * Roles of resource persons (codes of the API) with their marker colour. Persons are diamonds,
 * apart from the actors' discs and the initiatives' squares.
 */
export const PERSON_ROLES = {
  facilitateur: { label: 'Facilitateur·rice', color: '#ad1457' },
  referent: { label: 'Référent·e', color: '#6a1b9a' },
  elu: { label: 'Élu·e', color: '#1565c0' },
  animateur: { label: 'Animateur·rice', color: '#2e7d32' },
  autre: { label: 'Autre', color: '#616161' },
};

/**
 * Needs and offers (codes of the API): triangles, pointing down for a need (something sought)
 * and up for an offer (something given), so shape and colour both tell them apart.
 */
export const NEED_OFFER_NATURES = {
  need: { label: 'Besoin', color: '#c43e00' },
  offer: { label: 'Offre', color: '#00695c' },
};

/** Event types (codes of the API) with their marker colour. Events are stars. */
export const EVENT_TYPES = {
  rencontre: { label: 'Rencontre', color: '#00796b' },
  formation: { label: 'Formation', color: '#1565c0' },
  atelier: { label: 'Atelier', color: '#8d4a3c' },
  conference: { label: 'Conférence ou débat', color: '#4527a0' },
  festival: { label: 'Festival ou fête', color: '#ad1457' },
  reunion_publique: { label: 'Réunion publique', color: '#a35200' },
  autre: { label: 'Autre', color: '#616161' },
};

/** How a cancelled event is drawn: greyed and struck through, whatever its type. */
export const CANCELLED_LOOK = { label: 'Annulé', color: '#9e9e9e' };

/**
 * Outcomes of experiences (codes of the API): hexagons. No red for failures nor green for
 * successes: each outcome a hue of the same weight, failures drawn as plainly as successes.
 */
export const EXPERIENCE_OUTCOMES = {
  reussi: { label: 'Réussi', color: '#283593' },
  mitige: { label: 'Mitigé', color: '#6a1b9a' },
  abandonne: { label: 'Abandonné', color: '#00695c' },
  echec: { label: 'Échec', color: '#8e3b00' },
  non_precise: { label: 'Non précisé', color: '#546e7a' },
};

/**
 * Kinds of territory an experience took place in (codes of the API's `territoryType`), for
 * "expériences comparables" and the filter; the API's vocabulary wins when it lists them.
 */
export const TERRITORY_TYPES = [
  { code: 'bassin_vie_rural', label: 'Bassin de vie rural' },
  { code: 'bassin_vie_urbain', label: 'Bassin de vie urbain' },
  { code: 'qpv', label: 'Quartier prioritaire (QPV)' },
  { code: 'pnr', label: 'Parc naturel régional' },
  { code: 'epci_urbain', label: 'EPCI urbain' },
  { code: 'epci_rural', label: 'EPCI rural' },
];

/** The marker shape of each kind of record, also that of its swatches in lists and legends. */
export const SHAPES = {
  actor: 'disc',
  initiative: 'square',
  person: 'diamond',
  need_offer: 'triangle',
  event: 'star',
  experience: 'hexagon',
};

/** Records a list in the side panel shows at once ("Voir plus" asks for the next page). */
export const LIST_PAGE = 50;

/** Pause after the last key typed in the free-text filter before the map follows it. */
export const TEXT_FILTER_DEBOUNCE_MS = 400;

/**
 * How a record is drawn: {label, color} of an actor's type, an initiative's status, a person's
 * role, a need or offer, an event's type or an experience's outcome (`kind` is 'actor',
 * 'initiative', 'person', 'need_offer', 'event' or 'experience'), with a neutral look for a code
 * this page does not know.
 */
export function recordLook(kind, { type, status, role, nature, eventType, outcome }) {
  switch (kind) {
    case 'actor': return ACTOR_TYPES[type] ?? ACTOR_TYPES.autre;
    case 'person': return PERSON_ROLES[role] ?? PERSON_ROLES.autre;
    case 'need_offer': return NEED_OFFER_NATURES[nature] ?? { label: 'Annonce', color: '#616161' };
    case 'event': return EVENT_TYPES[eventType] ?? EVENT_TYPES.autre;
    case 'experience': return EXPERIENCE_OUTCOMES[outcome] ?? EXPERIENCE_OUTCOMES.non_precise;
    default: return INITIATIVE_STATUSES[status] ?? { label: 'Initiative', color: '#37474f' };
  }
}

/** A record's kind and look in words, for a marker's title: "Association", "Événement : Atelier (annulé)". */
export function recordWhat(kind, properties) {
  const look = recordLook(kind, properties);
  switch (kind) {
    case 'actor': return look.label;
    case 'person': return `Personne ressource, ${look.label.toLowerCase()}`;
    case 'need_offer': return look.label;
    case 'event': return `Événement, ${look.label.toLowerCase()}${properties.status === 'cancelled' ? ', annulé' : ''}`;
    case 'experience': return `Retour d’expérience, ${look.label.toLowerCase()}`;
    default: return `Initiative ${look.label.toLowerCase()}`;
  }
}
