package org.atlascitoyen.mapservice.system;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import org.springframework.http.CacheControl;
import org.springframework.http.ETag;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;

/**
 * Entity tags of the responses that depend only on the published data and on the request: a
 * hash of the {@link DataVersion} and of a canonical name of the resource (path and normalised
 * query). Computed without any database query, so that a request whose {@code If-None-Match}
 * matches is answered 304 at once.
 */
@Component
public class DataEtags {

    private final DataVersion version;

    DataEtags(DataVersion version) {
        this.version = version;
    }

    /**
     * The weak ETag ({@code W/"..."}) of a resource at the current data version, or null while the
     * version is unknown (then the response carries no ETag). Weak because the bytes differ with
     * the content coding: Tomcat rightly refuses to gzip a response with a strong ETag, which left
     * tiles, clusters and geometries uncompressed.
     *
     * @param resource the resource in one canonical form, e.g. {@code tiles/actors/14/8185/5937?theme=climat}
     */
    public String of(String resource) {
        DataVersion.Version current = version.current();
        if (current == null) {
            return null;
        }
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256")
                    .digest((current + "\n" + resource).getBytes(StandardCharsets.UTF_8));
            return "W/\"" + HexFormat.of().formatHex(hash, 0, 16) + "\"";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The 304 answer to a request whose {@code If-None-Match} {@link #matches} the ETag. */
    public static <T> ResponseEntity<T> notModified(String etag, CacheControl cacheControl) {
        return ResponseEntity.status(HttpStatus.NOT_MODIFIED).eTag(etag).cacheControl(cacheControl).build();
    }

    /**
     * Whether an {@code If-None-Match} header names this ETag (weak comparison, as RFC 9110 asks
     * for If-None-Match; {@code *} matches any); false when either is null.
     */
    public static boolean matches(String ifNoneMatch, String etag) {
        if (ifNoneMatch == null || etag == null) {
            return false;
        }
        ETag current = ETag.create(etag);
        return ETag.parse(ifNoneMatch).stream().anyMatch(tag -> tag.isWildcard() || tag.compare(current, false));
    }
}
