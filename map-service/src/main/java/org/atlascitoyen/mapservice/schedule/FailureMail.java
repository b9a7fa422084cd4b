package org.atlascitoyen.mapservice.schedule;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.atlascitoyen.importers.record.RecordKind;
import org.atlascitoyen.importers.schedule.ScheduledRun;

/**
 * The mail the admins get when a scheduled import fails, in French and in plain text (the error
 * and the URL are the source's words: no HTML part that could render them).
 */
record FailureMail(String subject, String text) {

    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("d MMMM yyyy 'à' HH'h'mm", Locale.FRENCH)
            .withZone(PARIS);

    static FailureMail of(ScheduledRun run, Instant nextTry) {
        String name = run.source().name();
        String kind = run.source().kind() == RecordKind.ACTOR ? "acteurs" : "initiatives";
        String text = """
                Bonjour,

                L'import planifié de la source « %s » a échoué le %s (heure de Paris).

                Adresse : %s
                Contenu : %s, format %s
                Erreur : %s

                Les données publiées n'ont pas changé : un import qui échoue n'en publie rien.
                Prochain essai : %s.

                Pour relancer l'import à la main : ./atlas import schedule run %s
                Pour voir l'état des sources planifiées : ./atlas import schedule list

                --\s
                Atlas Citoyen
                """.formatted(name, WHEN.format(run.startedAt()), plain(run.source().url().toString()), kind,
                run.source().format().key(), plain(run.message()), WHEN.format(nextTry), name);
        return new FailureMail("[Atlas Citoyen] Échec de l'import planifié « " + name + " »", text);
    }

    /** Text from elsewhere, without the control characters that could fake lines or headers of a mail reader. */
    static String plain(String value) {
        return value == null ? "" : value.replaceAll("[\\p{Cntrl}&&[^\n\t]]", " ").replace("\n", "\n  ");
    }
}
