-- What a feed's name says of its filter: the territory's and the organiser's names (NULL when absent).
SELECT (SELECT t.name FROM territory t WHERE t.kind = :territoryKind AND t.code = :territoryCode) AS territory,
       (SELECT a.name FROM actor_public a WHERE a.id = :organiser) AS organiser;
