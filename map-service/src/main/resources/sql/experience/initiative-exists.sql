-- Whether an initiative is published.
SELECT EXISTS (SELECT FROM initiative WHERE id = :id)
