package org.atlascitoyen.mapservice.account;

/** {@code POST /api/account/signin-link}: the address to send a sign-in link to. */
public record SigninLinkRequest(String email) {
}
