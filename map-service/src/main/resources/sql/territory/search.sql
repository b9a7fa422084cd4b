-- Territories matching a query, best first: INSEE/SIREN code or postcode, then exact name, name
-- prefix, word prefix, substring or trigram similarity (small typos), each on the normalised
-- name (no accents, no case, no hyphens, "st" = "saint"); ties by similarity, smaller kind, then
-- population.
WITH q AS (
  SELECT atlas_normalize(:q) AS norm, CAST(:q AS text) AS raw
), candidate AS (
  SELECT t.kind, t.code, t.name, t.population, k.rank AS kind_rank,
         coalesce(c.departement, CASE WHEN t.kind = 'departement' THEN t.code END) AS departement,
         CASE
           WHEN t.code = q.raw OR c.postcodes @> ARRAY[q.raw] THEN 0
           WHEN t.name_search = q.norm THEN 1
           WHEN t.name_search LIKE q.norm || '%' THEN 2
           WHEN t.name_search LIKE '% ' || q.norm || '%' THEN 3
           ELSE 4
         END AS match_rank,
         greatest(similarity(t.name_search, q.norm), word_similarity(q.norm, t.name_search)) AS score
  FROM territory t
  CROSS JOIN q
  JOIN territory_kind k ON k.kind = t.kind
  LEFT JOIN commune c ON t.kind = 'commune' AND c.code = t.code
  WHERE (CAST(:kind AS text) IS NULL OR t.kind = :kind)
    AND (t.code = q.raw
         OR c.postcodes @> ARRAY[q.raw]
         OR (q.norm <> '' AND (t.name_search LIKE '%' || q.norm || '%' OR t.name_search % q.norm OR q.norm <% t.name_search)))
)
SELECT kind, code, name, departement, population, CASE WHEN match_rank = 0 THEN 1 ELSE score END AS score,
       (ARRAY['code', 'exact', 'prefix', 'word', 'similar'])[match_rank + 1] AS match
FROM candidate
ORDER BY match_rank, score DESC, kind_rank, population DESC NULLS LAST, name, code
LIMIT :limit OFFSET :offset
