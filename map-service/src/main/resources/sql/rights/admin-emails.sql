-- The addresses of the accounts with the admin role, to mail them an overdue rights request.
SELECT a.email FROM account a JOIN account_role r ON r.account_id = a.id WHERE r.role = 'admin'
