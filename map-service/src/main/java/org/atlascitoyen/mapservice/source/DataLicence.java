package org.atlascitoyen.mapservice.source;

/**
 * The licence of one directory's data, as exports and OGC collections carry it for what they hold.
 *
 * @param source      the directory's name
 * @param licence     its licence, null when it was not given at import (« licence inconnue »)
 * @param licenceUrl  where the licence text is (http or https), null when unknown
 * @param attribution the credit line its producer asks for, null when none was given
 */
public record DataLicence(String source, String licence, String licenceUrl, String attribution) {
}
