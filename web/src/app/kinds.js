// Words for the kinds of territory, in French. The API gives a long official label for the
// territory it describes (kindLabel); lists and links only get the kind key, and need these.

const KINDS = {
  commune: { label: 'Commune', one: 'commune', many: 'communes', code: 'Code INSEE' },
  epci: { label: 'EPCI', one: 'EPCI', many: 'EPCI', code: 'SIREN' },
  petr: { label: 'PETR', one: 'PETR', many: 'PETR', code: 'Code' },
  bassin_vie: { label: 'Bassin de vie', one: 'bassin de vie', many: 'bassins de vie', code: 'Code' },
  departement: { label: 'Département', one: 'département', many: 'départements', code: 'Code INSEE' },
  region: { label: 'Région', one: 'région', many: 'régions', code: 'Code INSEE' },
  qpv: { label: 'QPV', one: 'QPV', many: 'QPV', code: 'Code' },
  pnr: { label: 'PNR', one: 'PNR', many: 'PNR', code: 'Code' },
};

/** Legal forms of an EPCI, as the API's `category` gives them. */
const EPCI_CATEGORIES = {
  METRO: 'Métropole',
  CU: 'Communauté urbaine',
  CA: 'Communauté d’agglomération',
  CC: 'Communauté de communes',
};

// An unknown kind (a newer API than this page) still shows, with its key as label.
const unknown = (kind) => ({ label: kind, one: kind, many: kind, code: 'Code' });

/** Short label of a kind, for lists: "Commune", "EPCI", "Bassin de vie"... */
export function kindLabel(kind) {
  return (KINDS[kind] ?? unknown(kind)).label;
}

/** "1 commune", "37 communes", "3 QPV". */
export function countLabel(kind, count) {
  const words = KINDS[kind] ?? unknown(kind);
  return `${formatNumber(count)} ${count === 1 ? words.one : words.many}`;
}

/** What the code of this kind is called: "Code INSEE", "SIREN"... */
export function codeLabel(kind) {
  return (KINDS[kind] ?? unknown(kind)).code;
}

export function epciCategoryLabel(category) {
  return EPCI_CATEGORIES[category] ?? category;
}

/**
 * "de Rodez", "d’Albi", "du Vigan", "des Angles": "de" before a place name, elided before a
 * vowel and contracted with the article Le or Les ("autour de Albi" is not French). An initial h
 * is left alone: it is elided or not depending on the word.
 */
export function deName(name) {
  if (/^le /i.test(name)) return `du ${name.slice(3)}`;
  if (/^les /i.test(name)) return `des ${name.slice(4)}`;
  return /^[aeiouyàâäéèêëîïôöùûüœæ]/i.test(name) ? `d’${name}` : `de ${name}`;
}

/** The collections of records (API paths), with their French words. */
export const COLLECTIONS = {
  actors: { kind: 'actor', label: 'Acteurs', one: 'acteur', many: 'acteurs' },
  initiatives: { kind: 'initiative', label: 'Initiatives', one: 'initiative', many: 'initiatives' },
  persons: { kind: 'person', label: 'Personnes ressources', short: 'Personnes', one: 'personne', many: 'personnes' },
  'needs-offers': { kind: 'need_offer', label: 'Besoins et offres', short: 'Annonces', one: 'annonce', many: 'annonces' },
  events: { kind: 'event', label: 'Agenda', one: 'événement', many: 'événements' },
  experiences: { kind: 'experience', label: 'Retours d’expérience', short: 'Expériences', one: 'expérience', many: 'expériences' },
};

/** The collection (API path) of a kind of record: 'actor' -> 'actors', 'need_offer' -> 'needs-offers'. */
export function collectionOf(kind) {
  return Object.keys(COLLECTIONS).find((collection) => COLLECTIONS[collection].kind === kind);
}

/** "1 acteur", "518 acteurs", "0 initiative" for a collection. */
export function recordCount(collection, n) {
  const words = COLLECTIONS[collection];
  return `${formatNumber(n)} ${n > 1 ? words.many : words.one}`;
}

const numbers = new Intl.NumberFormat('fr-FR');

export function formatNumber(n) {
  return numbers.format(n);
}
