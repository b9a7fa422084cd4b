// French words of the write side, shared by the pages that show contributions.

export const KIND_LABELS = {
  new: 'Nouvelle fiche', change: 'Modification', claim: 'C’est ma structure', report: 'Signalement', import_conflict: 'Conflit d’import',
};

export const STATUS_LABELS = {
  unconfirmed: 'À confirmer : ouvrez le lien reçu par e-mail',
  pending: 'En attente d’un coordinateur',
  approved: 'Validée',
  rejected: 'Refusée',
  withdrawn: 'Retirée',
};

export const RECORD_KIND_LABELS = { actor: 'acteur', initiative: 'initiative', person: 'personne ressource' };

export const REPORT_REASONS = {
  wrong: 'Informations fausses ou périmées',
  closed: 'La structure n’existe plus, ou l’initiative est arrêtée',
  spam: 'Publicité ou spam',
  offensive: 'Contenu choquant, injurieux ou illégal',
};

/** French names of a record's fields. */
export const FIELD_LABELS = {
  name: 'nom', type: 'type', status: 'statut', themes: 'thèmes', description: 'description',
  lessonsLearned: 'retour d’expérience', startDate: 'début', endDate: 'fin', website: 'site web',
  address: 'adresse', postcode: 'code postal', place: 'lieu', lon: 'lieu', lat: 'lieu', commune: 'commune',
  role: 'rôle', structureName: 'structure', structureActorId: 'structure (fiche acteur n°)', perimeter: 'périmètre couvert',
  visibility: 'visibilité des champs', relayEnabled: 'relais de contact',
};
