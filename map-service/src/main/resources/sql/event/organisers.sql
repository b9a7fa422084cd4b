-- The published actors among proposed organisers, in the order given, with their commune.
SELECT a.id, a.commune FROM actor_public a JOIN unnest(CAST(:ids AS bigint[])) WITH ORDINALITY o (id, n) ON o.id = a.id
ORDER BY o.n
