-- The address of an account, read by the writer to mail a moderator's decision to its author.
SELECT email FROM account WHERE id = :id
