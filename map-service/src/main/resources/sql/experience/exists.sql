-- Whether an experience is published.
SELECT EXISTS (SELECT FROM experience_public WHERE id = :id)
