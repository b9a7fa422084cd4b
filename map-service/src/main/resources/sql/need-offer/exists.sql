-- Whether an announcement is open (published, not closed, not past its last day).
SELECT EXISTS (SELECT FROM need_offer_public WHERE id = :id)
