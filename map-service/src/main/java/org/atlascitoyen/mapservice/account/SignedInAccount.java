package org.atlascitoyen.mapservice.account;

import java.io.Serializable;
import java.util.List;
import org.springframework.security.core.AuthenticatedPrincipal;

/**
 * Who is signed in, as controllers see them ({@code @AuthenticationPrincipal SignedInAccount},
 * null when anonymous) and as {@link CurrentAccount} gives it. Read fresh from the database at
 * each request that asks for it, so a role granted or revoked applies at the next request.
 *
 * <p>Its name (Spring Security's principal name, which Spring Session stores with the session) is
 * {@code account:ID}, and {@link #toString()} leaves the address out: a log line or a session row
 * never shows it.
 *
 * @param id            the account's id ({@code account.id})
 * @param email         the address it signs in with: private, shown to its owner only
 * @param admin         an admin (an {@code admin} row in {@code account_role}, or an address of
 *                      {@code ATLAS_ADMIN_EMAILS})
 * @param coordinatorOf the territories it coordinates
 */
public record SignedInAccount(long id, String email, boolean admin, List<TerritoryRole> coordinatorOf)
        implements AuthenticatedPrincipal, Serializable {

    public SignedInAccount {
        coordinatorOf = List.copyOf(coordinatorOf);
    }

    /** Coordinates at least one territory. */
    public boolean coordinator() {
        return !coordinatorOf.isEmpty();
    }

    @Override
    public String getName() {
        return principalName(id);
    }

    /** The principal name of an account: what Spring Session's principal_name column holds. */
    public static String principalName(long id) {
        return "account:" + id;
    }

    @Override
    public String toString() {
        return "SignedInAccount[id=" + id + ", admin=" + admin + ", coordinatorOf=" + coordinatorOf + "]";
    }
}
