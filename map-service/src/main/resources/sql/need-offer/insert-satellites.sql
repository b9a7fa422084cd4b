-- An announcement's perimeter (kinds and codes checked against territory) and who posted it: the
-- account and its address, the one the contact relay writes to.
INSERT INTO need_offer_perimeter (need_offer_id, territory_kind, territory_code)
SELECT :id, t.kind, t.code
FROM unnest(string_to_array(CAST(:kinds AS text), ','), string_to_array(CAST(:codes AS text), ',')) k (kind, code)
JOIN territory t ON t.kind = k.kind AND t.code = k.code
ON CONFLICT DO NOTHING;
INSERT INTO need_offer_private (need_offer_id, account_id, email)
SELECT :id, a.id, a.email FROM account a WHERE a.id = :accountId;
