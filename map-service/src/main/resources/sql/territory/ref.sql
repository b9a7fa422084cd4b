-- A territory's name, to name it in answers that list other territories.
SELECT kind, code, name FROM territory WHERE kind = :kind AND code = :code
