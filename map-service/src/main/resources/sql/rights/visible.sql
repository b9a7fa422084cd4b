-- Whether a rights request r is a moderator's: an admin's always; a coordinator's when the record
-- lies inside a territory they hold, at any level at once (a request has a legal due date: it does
-- not wait for an escalation). Roles come as two comma-separated lists of the same length.
(:admin OR EXISTS (
   SELECT FROM unnest(string_to_array(CAST(:roleKinds AS text), ','), string_to_array(CAST(:roleCodes AS text), ',')) t (kind, code)
   WHERE (t.kind = 'commune' AND r.commune = t.code)
      OR (t.kind = 'epci' AND r.epci = t.code)
      OR (t.kind = 'bassin_vie' AND r.bassin_vie = t.code)
      OR (t.kind = 'petr' AND r.petr = t.code)
      OR (t.kind = 'departement' AND r.departement = t.code)
      OR (t.kind = 'region' AND r.region = t.code)))
