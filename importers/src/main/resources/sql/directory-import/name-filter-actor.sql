AND NOT r.natural_person
