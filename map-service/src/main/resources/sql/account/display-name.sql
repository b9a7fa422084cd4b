SELECT display_name FROM account WHERE id = :id
