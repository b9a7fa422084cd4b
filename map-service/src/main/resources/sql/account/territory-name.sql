SELECT name FROM territory WHERE kind = :kind AND code = :code
