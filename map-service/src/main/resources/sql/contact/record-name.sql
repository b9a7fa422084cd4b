-- The public name of the record an opt-out concerns, to say which record the page turned off.
SELECT name FROM actor WHERE :recordKind = 'actor' AND id = :id
UNION ALL SELECT name FROM person WHERE :recordKind = 'person' AND id = :id
UNION ALL SELECT name FROM need_offer WHERE :recordKind = 'need_offer' AND id = :id
