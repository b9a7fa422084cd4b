-- The relay's recipient when it is an announcement (V21, V22): its public name, and, only while
-- it is open and its relay on, the address of who posted it: the actor's own address when posted
-- for an actor that takes messages, else the author account's (need_offer_private). Read by the
-- writer only; the address goes to the mail server and nowhere else.
SELECT n.name,
       CASE WHEN n.relay_enabled THEN coalesce(CASE WHEN a.contactable THEN nullif(btrim(a.email), '') END, p.email) END AS email
FROM need_offer_public n
LEFT JOIN need_offer_private p ON p.need_offer_id = n.id
LEFT JOIN actor a ON a.id = n.actor_id
WHERE n.id = :id
