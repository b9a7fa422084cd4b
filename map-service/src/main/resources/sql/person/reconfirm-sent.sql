UPDATE person_private SET reconfirm_token_hash = :hash, reconfirm_sent_at = now() WHERE person_id = :id
