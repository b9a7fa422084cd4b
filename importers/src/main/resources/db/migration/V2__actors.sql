-- The directory: actors and initiatives merged from the directories that already exist, each keyed
-- to its commune and to every territory above it, with the provenance of every imported record.

-- Controlled vocabularies. Synonyms are written normalised (atlas_normalize) and are matched as
-- whole words: they map free-text source values ("Agriculture paysanne", an RNA "objet") to codes.
CREATE TABLE theme (
  code     text PRIMARY KEY,
  label    text NOT NULL,
  synonyms text[] NOT NULL DEFAULT '{}'
);
INSERT INTO theme (code, label, synonyms) VALUES
  ('biodiversite', 'Biodiversité', '{biodiversite,nature,faune,flore,ecosysteme,ecosystemes,espaces naturels,protection de la nature,zones humides,haies,oiseaux,apiculture,abeilles}'),
  ('climat', 'Climat', '{climat,climatique,transition ecologique,rechauffement,carbone,adaptation au changement climatique,environnement,ecologie,developpement durable}'),
  ('alimentation', 'Alimentation', '{alimentation,alimentaire,agriculture,agricole,paysan,paysanne,jardin,jardins,potager,potagers,amap,circuits courts,circuit court,epicerie,cuisine,maraichage,projet alimentaire territorial,pat}'),
  ('eau', 'Eau et rivières', '{eau,rivieres,riviere,milieux aquatiques,bassin versant,peche,zones humides}'),
  ('mer', 'Mer et littoral', '{mer,littoral,lagune,lagunes,etangs,plages,marin,maritime,ocean}'),
  ('montagne', 'Montagne', '{montagne,pastoralisme,estives,transhumance,randonnee,pyrenees,massif central}'),
  ('participation_citoyenne', 'Participation citoyenne', '{participation,participation citoyenne,democratie,democratie participative,concertation,citoyennete,budget participatif,conseil citoyen,conseils citoyens,debat public}'),
  ('engagement', 'Engagement et bénévolat', '{engagement,benevolat,benevoles,volontariat,service civique,entraide}'),
  ('developpement_local', 'Développement local', '{developpement local,developpement territorial,territoire,ruralite,revitalisation,centre bourg,commerce de proximite,animation locale,attractivite}'),
  ('tiers_lieux', 'Tiers-lieux', '{tiers lieu,tiers lieux,fablab,fab lab,coworking,espace de vie sociale,recyclerie,atelier partage}'),
  ('solidarites', 'Solidarités', '{solidarite,solidarites,insertion,precarite,pauvrete,exclusion,handicap,accueil des migrants,refugies,aide alimentaire,lien social,personnes agees,isolement}'),
  ('education_populaire', 'Éducation populaire', '{education populaire,mjc,foyer rural,foyers ruraux,maison des jeunes,emancipation,formation citoyenne,universite populaire}'),
  ('education_environnement', 'Éducation à l''environnement', '{education a l environnement,sensibilisation a l environnement,cpie,classes vertes,sorties nature}'),
  ('culture', 'Culture', '{culture,culturel,culturelle,theatre,musique,patrimoine,festival,cinema,arts,artistique,lecture,bibliotheque,danse,occitan}'),
  ('mobilite', 'Mobilité', '{mobilite,mobilites,transport,transports,velo,covoiturage,autopartage,mobilite douce}'),
  ('energie', 'Énergie', '{energie,energies,energie renouvelable,energies renouvelables,renovation energetique,photovoltaique,solaire,eolien,sobriete energetique,precarite energetique}'),
  ('habitat_urbanisme', 'Habitat et urbanisme', '{habitat,logement,urbanisme,habitat participatif,habitat partage,amenagement,quartier,renovation urbaine,politique de la ville}'),
  ('economie_circulaire', 'Économie circulaire et déchets', '{economie circulaire,dechets,reemploi,recyclage,reparation,repair cafe,ressourcerie,zero dechet,compostage,compost}'),
  ('ess', 'Économie sociale et solidaire', '{economie sociale et solidaire,ess,cooperative,scic,scop,monnaie locale,finance solidaire,commerce equitable}'),
  ('numerique', 'Numérique', '{numerique,inclusion numerique,informatique,internet,logiciel libre,mediation numerique,open data,donnees ouvertes}'),
  ('jeunesse', 'Jeunesse', '{jeunesse,jeunes,enfance,enfants,adolescents,etudiants,periscolaire,centre de loisirs,colonie}'),
  ('sante', 'Santé', '{sante,soins,prevention,bien etre,maison de sante,sante environnementale}'),
  ('sport', 'Sport et loisirs', '{sport,sportif,sportive,loisirs,football,rugby,club}');

-- Kinds of actor. Synonyms map the type values of source directories.
CREATE TABLE actor_type (
  code     text PRIMARY KEY,
  label    text NOT NULL,
  synonyms text[] NOT NULL DEFAULT '{}'
);
INSERT INTO actor_type (code, label, synonyms) VALUES
  ('association', 'Association', '{association,asso,loi 1901,federation,cpie,centre permanent d initiatives pour l environnement,foyer rural,mjc}'),
  ('collectivite', 'Collectivité ou service public', '{collectivite,collectivite territoriale,commune,mairie,communaute de communes,communaute d agglomeration,metropole,departement,region,syndicat mixte,parc naturel regional,pnr,petr,service public,etablissement public}'),
  ('elu', 'Élu·e', '{elu,elue,elus,elu local,maire,adjoint,conseiller municipal}'),
  ('collectif_habitants', 'Collectif d''habitants', '{collectif,collectif d habitants,collectif citoyen,groupe d habitants,comite de quartier,association de quartier}'),
  ('tiers_lieu', 'Tiers-lieu', '{tiers lieu,tiers lieux,fablab,fab lab,coworking,espace de coworking,friche}'),
  ('centre_social', 'Centre social ou espace de vie sociale', '{centre social,centres sociaux,espace de vie sociale,evs,maison de quartier}'),
  ('ess', 'Structure de l''ESS ou entreprise', '{ess,entreprise,scop,scic,cooperative,entreprise d insertion,entreprise sociale,societe,sarl,sas}'),
  ('recherche', 'Laboratoire ou recherche', '{recherche,laboratoire,universite,labo,institut de recherche}'),
  ('tete_de_reseau', 'Tête de réseau', '{tete de reseau,reseau,reseau regional,federation regionale,union regionale,collectif regional}'),
  ('conseil_citoyen', 'Conseil citoyen', '{conseil citoyen,conseils citoyens,conseil de quartier,conseil de developpement}'),
  ('autre', 'Autre', '{autre,divers}');

CREATE TABLE initiative_status (
  code  text PRIMARY KEY,
  rank  smallint NOT NULL UNIQUE,
  label text NOT NULL,
  synonyms text[] NOT NULL DEFAULT '{}'
);
INSERT INTO initiative_status (code, rank, label, synonyms) VALUES
  ('idee', 1, 'Idée', '{idee,projet,en projet,a l etude,envisage}'),
  ('en_cours', 2, 'En cours', '{en cours,actif,active,en activite,ouvert,en fonctionnement}'),
  ('terminee', 3, 'Terminée', '{terminee,termine,acheve,achevee,fini,finie,realise,realisee}'),
  ('abandonnee', 4, 'Abandonnée', '{abandonnee,abandonne,arrete,arretee,echec,stoppe,stoppee}');

-- How precisely a record is placed: at its address, at its commune's point-on-surface (only the
-- commune is known), or on a whole territory it acts on (EPCI, PETR...).
CREATE DOMAIN location_precision AS text CHECK (VALUE IN ('address', 'commune', 'territory'));

-- Sources: one directory each (a spreadsheet, a GoGoCarto map, the RNA...), named by whoever imports it.
CREATE TABLE source (
  name        text PRIMARY KEY,
  format      text NOT NULL,
  first_run   timestamptz NOT NULL,
  last_run    timestamptz NOT NULL
);

-- Every import run that reached the database. A run that succeeded is written in the same
-- transaction as the data it published; a failed run is written after its rollback, with the error.
CREATE TABLE import_run (
  id          bigint GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
  record_kind text NOT NULL CHECK (record_kind IN ('actor', 'initiative')),
  source      text NOT NULL,
  format      text NOT NULL,
  file        text NOT NULL,
  started_at  timestamptz NOT NULL,
  finished_at timestamptz NOT NULL,
  status      text NOT NULL CHECK (status IN ('succeeded', 'failed')),
  error       text,
  read        integer NOT NULL DEFAULT 0,
  inserted    integer NOT NULL DEFAULT 0,
  updated     integer NOT NULL DEFAULT 0,
  unchanged   integer NOT NULL DEFAULT 0,
  merged      integer NOT NULL DEFAULT 0,
  rejected    integer NOT NULL DEFAULT 0,
  no_longer_seen integer NOT NULL DEFAULT 0,
  reject_file text,
  report      jsonb NOT NULL DEFAULT '{}'
);

-- Columns shared by actors and initiatives: where they are and the territory keys derived from the
-- commune. `commune` is NULL only for a record kept outside the region (out_of_region).
CREATE TABLE actor (
  id            bigint GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
  name          text NOT NULL,
  name_search   text NOT NULL,     -- atlas_normalize(name), written by the importer
  type          text NOT NULL REFERENCES actor_type,
  themes        text[] NOT NULL DEFAULT '{}',
  description   text,
  address       text,
  postcode      text,
  website       text,
  website_host  text,              -- lower case, without "www.": a dedup key
  siren         text,
  rna           text,
  email         text,              -- private: never served by a public endpoint, export or tile
  phone         text,              -- private, as email
  geom          geometry(Point, 4326) NOT NULL,
  precision     location_precision NOT NULL,
  territory_kind text,             -- with precision 'territory': the territory acted on
  territory_code text,
  commune       text,
  epci          text,
  petr          text,
  bassin_vie    text,
  departement   text,
  region        text,
  out_of_region boolean NOT NULL DEFAULT false,
  created_at    timestamptz NOT NULL DEFAULT now(),
  updated_at    timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX actor_geom_idx ON actor USING gist (geom);
CREATE INDEX actor_commune_idx ON actor (commune);
CREATE INDEX actor_epci_idx ON actor (epci);
CREATE INDEX actor_petr_idx ON actor (petr);
CREATE INDEX actor_bassin_vie_idx ON actor (bassin_vie);
CREATE INDEX actor_departement_idx ON actor (departement);
CREATE INDEX actor_themes_idx ON actor USING gin (themes);
-- Trigram index: name search, similarity matching, and equality of normalised names.
CREATE INDEX actor_name_search_trgm_idx ON actor USING gin (name_search gin_trgm_ops);
CREATE INDEX actor_website_host_idx ON actor (website_host) WHERE website_host IS NOT NULL;
CREATE INDEX actor_siren_idx ON actor (siren) WHERE siren IS NOT NULL;
CREATE INDEX actor_rna_idx ON actor (rna) WHERE rna IS NOT NULL;
CREATE INDEX actor_updated_at_idx ON actor (updated_at);
-- Bulk imports draw thousands of ids at once.
ALTER SEQUENCE actor_id_seq CACHE 1000;

CREATE TABLE initiative (
  id              bigint GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
  name            text NOT NULL,
  name_search     text NOT NULL,
  status          text NOT NULL REFERENCES initiative_status,
  themes          text[] NOT NULL DEFAULT '{}',
  description     text,
  lessons_learned text,            -- "retex": what worked and what did not, failures included
  start_date      date,
  end_date        date,
  website         text,
  address         text,
  postcode        text,
  geom            geometry(Point, 4326) NOT NULL,
  precision       location_precision NOT NULL,
  territory_kind  text,
  territory_code  text,
  commune         text,
  epci            text,
  petr            text,
  bassin_vie      text,
  departement     text,
  region          text,
  out_of_region   boolean NOT NULL DEFAULT false,
  created_at      timestamptz NOT NULL DEFAULT now(),
  updated_at      timestamptz NOT NULL DEFAULT now(),
  CHECK (end_date IS NULL OR start_date IS NULL OR end_date >= start_date)
);
CREATE INDEX initiative_geom_idx ON initiative USING gist (geom);
CREATE INDEX initiative_commune_idx ON initiative (commune);
CREATE INDEX initiative_epci_idx ON initiative (epci);
CREATE INDEX initiative_petr_idx ON initiative (petr);
CREATE INDEX initiative_bassin_vie_idx ON initiative (bassin_vie);
CREATE INDEX initiative_departement_idx ON initiative (departement);
CREATE INDEX initiative_themes_idx ON initiative USING gin (themes);
CREATE INDEX initiative_status_idx ON initiative (status);
CREATE INDEX initiative_name_search_trgm_idx ON initiative USING gin (name_search gin_trgm_ops);
CREATE INDEX initiative_updated_at_idx ON initiative (updated_at);
ALTER SEQUENCE initiative_id_seq CACHE 1000;

-- The actors that carry an initiative.
CREATE TABLE initiative_actor (
  initiative_id bigint NOT NULL REFERENCES initiative ON DELETE CASCADE,
  actor_id      bigint NOT NULL REFERENCES actor ON DELETE CASCADE,
  PRIMARY KEY (initiative_id, actor_id)
);
CREATE INDEX initiative_actor_actor_idx ON initiative_actor (actor_id);

-- Where each record comes from: one row per (source, external id). An actor merged from two
-- directories has two rows. `seen` turns false when a later full import of the source no longer
-- has the record; the record itself is kept. first_run/last_run are import_run ids, without a
-- foreign key: runs are never deleted, and the checks would cost a lookup per imported row.
CREATE TABLE actor_provenance (
  source        text NOT NULL REFERENCES source,
  external_id   text NOT NULL,
  actor_id      bigint NOT NULL REFERENCES actor ON DELETE CASCADE,
  content_hash  text NOT NULL,
  first_run     bigint NOT NULL,
  last_run      bigint NOT NULL,
  last_seen_at  timestamptz NOT NULL,
  seen          boolean NOT NULL DEFAULT true,
  match_rule    text,              -- how it was merged into an existing actor, NULL when it created it
  PRIMARY KEY (source, external_id)
);
CREATE INDEX actor_provenance_actor_idx ON actor_provenance (actor_id);

CREATE TABLE initiative_provenance (
  source        text NOT NULL REFERENCES source,
  external_id   text NOT NULL,
  initiative_id bigint NOT NULL REFERENCES initiative ON DELETE CASCADE,
  content_hash  text NOT NULL,
  first_run     bigint NOT NULL,
  last_run      bigint NOT NULL,
  last_seen_at  timestamptz NOT NULL,
  seen          boolean NOT NULL DEFAULT true,
  match_rule    text,
  PRIMARY KEY (source, external_id)
);
CREATE INDEX initiative_provenance_initiative_idx ON initiative_provenance (initiative_id);

-- Every merge of an imported record into an existing one, for a coordinator to review.
CREATE TABLE record_merge (
  run_id       bigint NOT NULL REFERENCES import_run ON DELETE CASCADE,
  record_kind  text NOT NULL,
  record_id    bigint NOT NULL,
  source       text NOT NULL,
  external_id  text NOT NULL,
  line         integer,
  imported_name text NOT NULL,
  existing_name text NOT NULL,
  rule         text NOT NULL,
  score        real
);
CREATE INDEX record_merge_run_idx ON record_merge (run_id);

-- Needs and offers ("petites annonces") and events: ready for later work, filled by no importer yet.
CREATE TABLE need_offer (
  id          bigint GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
  actor_id    bigint NOT NULL REFERENCES actor ON DELETE CASCADE,
  kind        text NOT NULL CHECK (kind IN ('need', 'offer')),
  title       text NOT NULL,
  description text,
  themes      text[] NOT NULL DEFAULT '{}',
  territory_kind text,
  territory_code text,
  valid_until date,
  created_at  timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX need_offer_actor_idx ON need_offer (actor_id);
CREATE INDEX need_offer_territory_idx ON need_offer (territory_kind, territory_code);

CREATE TABLE event (
  id          bigint GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
  name        text NOT NULL,
  description text,
  starts_at   timestamptz NOT NULL,
  ends_at     timestamptz,
  place       text,
  geom        geometry(Point, 4326),
  commune     text,
  themes      text[] NOT NULL DEFAULT '{}',
  CHECK (ends_at IS NULL OR ends_at >= starts_at)
);
CREATE INDEX event_geom_idx ON event USING gist (geom);
CREATE INDEX event_starts_at_idx ON event (starts_at);

CREATE TABLE event_organiser (
  event_id bigint NOT NULL REFERENCES event ON DELETE CASCADE,
  actor_id bigint NOT NULL REFERENCES actor ON DELETE CASCADE,
  PRIMARY KEY (event_id, actor_id)
);

-- Names that locate a commune besides its own: former communes now delegated or associated to a
-- commune nouvelle ("Verlac" is in Aurelle-Verlac). Filled by the reference import.
CREATE TABLE commune_alias (
  name_search  text NOT NULL,
  name         text NOT NULL,
  commune_code text NOT NULL REFERENCES commune ON DELETE CASCADE,
  PRIMARY KEY (name_search, commune_code)
);

-- Communes that share a border, for matching duplicates "in the same or a neighbouring commune".
-- Filled by the reference import.
CREATE TABLE commune_neighbour (
  code      text NOT NULL REFERENCES commune ON DELETE CASCADE,
  neighbour text NOT NULL REFERENCES commune ON DELETE CASCADE,
  PRIMARY KEY (code, neighbour)
);

-- Website hosts that many unrelated organisations share (social networks, site builders, mail
-- providers): the same host there says nothing about two records being the same actor.
CREATE TABLE shared_website_host (host text PRIMARY KEY);
INSERT INTO shared_website_host (host) VALUES
  ('facebook.com'), ('fr-fr.facebook.com'), ('m.facebook.com'), ('fb.com'), ('instagram.com'), ('linkedin.com'),
  ('fr.linkedin.com'), ('twitter.com'), ('x.com'), ('youtube.com'), ('tiktok.com'), ('mastodon.social'),
  ('helloasso.com'), ('assoconnect.com'), ('sites.google.com'), ('google.com'), ('docs.google.com'),
  ('forms.gle'), ('linktr.ee'), ('wixsite.com'), ('wix.com'), ('jimdo.com'), ('jimdofree.com'), ('e-monsite.com'),
  ('over-blog.com'), ('wordpress.com'), ('blogspot.com'), ('canalblog.com'), ('free.fr'), ('orange.fr'),
  ('wanadoo.fr'), ('sfr.fr'), ('laposte.net'), ('gmail.com'), ('yahoo.fr'), ('hotmail.fr'), ('outlook.fr'),
  ('gogocarto.fr'), ('transiscope.org'), ('pagesjaunes.fr'), ('service-public.fr'), ('journal-officiel.gouv.fr');
