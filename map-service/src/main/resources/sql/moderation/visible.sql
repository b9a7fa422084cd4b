-- Whether a pending contribution c is in the queue of a moderator: an admin sees every one; a
-- coordinator sees those inside a territory they hold (through the territory keys), by escalation
-- level: 0 the commune, EPCI and bassin de vie coordinators; 1 also the PETR and département
-- ones; 2 also the région's. Roles come as two comma-separated lists of the same length (kinds, codes).
(:admin OR EXISTS (
   SELECT FROM unnest(string_to_array(CAST(:roleKinds AS text), ','), string_to_array(CAST(:roleCodes AS text), ',')) r (kind, code)
   WHERE (r.kind = 'commune' AND c.commune = r.code)
      OR (r.kind = 'epci' AND c.epci = r.code)
      OR (r.kind = 'bassin_vie' AND c.bassin_vie = r.code)
      OR (c.escalation_level >= 1 AND r.kind = 'petr' AND c.petr = r.code)
      OR (c.escalation_level >= 1 AND r.kind = 'departement' AND c.departement = r.code)
      OR (c.escalation_level >= 2 AND r.kind = 'region' AND c.region = r.code)))
