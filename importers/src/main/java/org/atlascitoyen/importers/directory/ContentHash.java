package org.atlascitoyen.importers.directory;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import org.atlascitoyen.importers.source.Names;

/**
 * SHA-1 digests of a cleaned record. The content hash covers the record's cleaned values, so that
 * a re-import rewrites only the records whose source changed ({@code known.sql}). The derived id stands in for the
 * external id of a row whose source gives none, from what identifies it (its name, commune and
 * address in matching form), so that the same record keeps its id from one import to the next.
 * Each value is followed by a zero byte, so that text moved from one field to the next changes the
 * digest. One instance per import: the digest is reused from row to row.
 */
final class ContentHash {

    private static final int DERIVED_ID_DIGITS = 20;

    private final MessageDigest digest;

    ContentHash() {
        try {
            this.digest = MessageDigest.getInstance("SHA-1");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-1 is part of every Java platform", e);
        }
    }

    /** The hash of the record's values; its line, its reject and the values derived from others are left out. */
    String of(CleanedRecord c) {
        String values = digest(c.externalId, c.name, c.type, c.status, String.valueOf(c.themes), c.description,
                c.lessonsLearned, String.valueOf(c.startDate), String.valueOf(c.endDate), c.address, c.postcode,
                c.communeName, c.communeCode, c.territoryKind, c.territoryCode, String.valueOf(c.lon),
                String.valueOf(c.lat), c.website, c.email, c.phone, c.siren, c.rna, String.valueOf(c.carriers));
        // A hidden natural person's real name counts too; the others keep the digest they had.
        return c.privateName == null ? values : digest(values, "natural person", c.privateName);
    }

    /** "h:" and 20 hex digits, from the record's name in matching form, commune, postcode and address. */
    String derivedId(CleanedRecord c) {
        return "h:" + digest(c.nameSearch, String.valueOf(c.communeCode), Names.normalize(c.communeName),
                String.valueOf(c.postcode), Names.normalize(c.address)).substring(0, DERIVED_ID_DIGITS);
    }

    /**
     * "p:" and 20 hex digits: the derived id of a natural person whose name is hidden. The plain
     * derived id would be a SHA-1 of the real name with the record's public commune, postcode and
     * address, served with the record's sources: a list of names would find the name back. This
     * one is an HMAC keyed by the database's own secret (import_key, V20), as stable from one
     * import to the next and as distinct between two persons.
     */
    String personId(CleanedRecord c, byte[] key) {
        try {
            javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA256");
            mac.init(new javax.crypto.spec.SecretKeySpec(key, "HmacSHA256"));
            for (String v : new String[] {Names.normalize(c.privateName), String.valueOf(c.communeCode),
                Names.normalize(c.communeName), String.valueOf(c.postcode), Names.normalize(c.address)}) {
                if (v != null) {
                    mac.update(v.getBytes(StandardCharsets.UTF_8));
                }
                mac.update((byte) 0);
            }
            return "p:" + HexFormat.of().formatHex(mac.doFinal()).substring(0, DERIVED_ID_DIGITS);
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every Java platform", e);
        }
    }

    private String digest(String... values) {
        digest.reset();
        for (String v : values) {
            if (v != null) {
                digest.update(v.getBytes(StandardCharsets.UTF_8));
            }
            digest.update((byte) 0);
        }
        return HexFormat.of().formatHex(digest.digest());
    }
}
