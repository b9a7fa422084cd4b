-- The needs and offers this account posted (need_offer_private.account_id, V21), open or ended,
-- with the address the contact relay writes to for an answer.
SELECT n.id, CAST(to_jsonb(n) - 'geom' - 'geom_3857' - 'search' - 'name_search' AS text) AS announcement, p.email AS relay_email
FROM need_offer_private p
JOIN need_offer n ON n.id = p.need_offer_id
WHERE p.account_id = :id
ORDER BY n.id
