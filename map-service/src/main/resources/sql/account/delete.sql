-- Deletes an account: its roles go with it (ON DELETE CASCADE); its contributions, decisions and
-- audit entries stay, their author or decider set to null (ON DELETE SET NULL, V14).
DELETE FROM account WHERE id = :id
