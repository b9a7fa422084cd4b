package org.atlascitoyen.mapservice.account;

import com.icegreen.greenmail.util.GreenMail;
import jakarta.mail.Message;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.atlascitoyen.importers.db.DatabaseConfig;

/**
 * Signs an address in through the real flow against a running test service: asks for a link
 * ({@code POST /api/account/signin-link}), reads the link from the mail (GreenMail, or the outbox
 * folder when the test has no SMTP server), posts its token ({@code POST /api/account/signin}),
 * and returns the session cookie and the CSRF token to send with the next requests
 * ({@link Session#with}). Also grants roles in a test database, as its owner.
 *
 * <pre>{@code
 * SignIn.Session admin = SignIn.as(port, SignIn.mailbox(smtp), "admin@example.org");
 * HttpResponse<String> r = HTTP.send(admin.with(HttpRequest.newBuilder(uri)).POST(...).build(), ofString());
 * }</pre>
 */
public final class SignIn {

    /** The link's token in a sign-in mail. */
    public static final Pattern TOKEN = Pattern.compile("/connexion\\.html#jeton=([A-Za-z0-9_-]+)");
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final Duration MAIL_WAIT = Duration.ofSeconds(10);

    private SignIn() {
    }

    /** Reads the newest mail to an address, as text (headers and every part); empty when there is none yet. */
    @FunctionalInterface
    public interface Mailbox {
        Optional<String> newestTo(String email) throws Exception;
    }

    /**
     * A signed-in session: its cookies and its CSRF token.
     *
     * @param cookies   the {@code Cookie} header value (session and CSRF cookies)
     * @param csrfToken the value to send in {@code X-XSRF-TOKEN}
     */
    public record Session(String cookies, String csrfToken) {

        /** Adds the cookies and the CSRF header to a request. */
        public HttpRequest.Builder with(HttpRequest.Builder request) {
            return request.header("Cookie", cookies).header("X-XSRF-TOKEN", csrfToken);
        }
    }

    /** The mails GreenMail received, as their decoded text (every text part, one after the other). */
    public static Mailbox mailbox(GreenMail smtp) {
        return email -> {
            MimeMessage[] received = smtp.getReceivedMessages();
            for (int i = received.length - 1; i >= 0; i--) {
                if (Arrays.stream(received[i].getRecipients(Message.RecipientType.TO)).anyMatch(a -> a.toString().equalsIgnoreCase(email))) {
                    return Optional.of(text(received[i]));
                }
            }
            return Optional.empty();
        };
    }

    /** The decoded text of a mail or a part: its text parts, with their content types. */
    public static String text(Part part) throws Exception {
        Object content = part.getContent();
        if (content instanceof Multipart multipart) {
            StringBuilder text = new StringBuilder();
            for (int i = 0; i < multipart.getCount(); i++) {
                text.append(text(multipart.getBodyPart(i))).append('\n');
            }
            return text.toString();
        }
        return part.getContentType() + "\n" + content;
    }

    /** The {@code .eml} files of an outbox folder (no SMTP server set). */
    public static Mailbox outbox(Path folder) {
        return email -> {
            if (!Files.isDirectory(folder)) {
                return Optional.empty();
            }
            try (Stream<Path> files = Files.list(folder)) {
                for (Path file : files.filter(f -> f.toString().endsWith(".eml")).sorted(Comparator.reverseOrder()).toList()) {
                    String mail = Files.readString(file, StandardCharsets.UTF_8);
                    if (mail.toLowerCase().contains("to: " + email.toLowerCase())) {
                        return Optional.of(mail);
                    }
                }
            }
            return Optional.empty();
        };
    }

    /** Signs {@code email} in on the service at {@code port}, reading the link from {@code mailbox}. */
    public static Session as(int port, Mailbox mailbox, String email) throws Exception {
        String token = requestLink(port, mailbox, email);
        String csrf = csrfToken(port, null);
        HttpResponse<String> signin = HTTP.send(HttpRequest.newBuilder(uri(port, "/api/account/signin"))
                .header("Cookie", "XSRF-TOKEN=" + csrf).header("X-XSRF-TOKEN", csrf)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("token=" + URLEncoder.encode(token, StandardCharsets.UTF_8)))
                .build(), HttpResponse.BodyHandlers.ofString());
        if (signin.statusCode() != 200) {
            throw new IllegalStateException("sign-in answered " + signin.statusCode() + ": " + signin.body());
        }
        String session = cookie(signin, "ATLAS_SESSION").orElseThrow(() -> new IllegalStateException("no session cookie"));
        // Signing in renews the CSRF token (Spring Security): fetch the new one with the session.
        String sessionCookie = "ATLAS_SESSION=" + session;
        String renewed = csrfToken(port, sessionCookie);
        return new Session(sessionCookie + "; XSRF-TOKEN=" + renewed, renewed);
    }

    /** Asks for a sign-in link for {@code email} and returns the token of the mail it brings. */
    public static String requestLink(int port, Mailbox mailbox, String address) throws Exception {
        String email = address.strip().toLowerCase(java.util.Locale.ROOT);
        Instant asked = Instant.now();
        String before = mailbox.newestTo(email).orElse("");
        String csrf = csrfToken(port, null);
        HttpResponse<String> link = HTTP.send(HttpRequest.newBuilder(uri(port, "/api/account/signin-link"))
                .header("Cookie", "XSRF-TOKEN=" + csrf).header("X-XSRF-TOKEN", csrf)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"email\":\"" + email + "\"}")).build(), HttpResponse.BodyHandlers.ofString());
        if (link.statusCode() != 202) {
            throw new IllegalStateException("signin-link answered " + link.statusCode() + ": " + link.body());
        }
        while (Duration.between(asked, Instant.now()).compareTo(MAIL_WAIT) < 0) {
            Optional<String> mail = mailbox.newestTo(email).filter(m -> !m.equals(before));
            if (mail.isPresent()) {
                Matcher m = TOKEN.matcher(mail.get());
                if (m.find()) {
                    return m.group(1);
                }
                throw new IllegalStateException("the sign-in mail has no link: " + mail.get());
            }
            Thread.sleep(50);
        }
        throw new IllegalStateException("no sign-in mail to " + email + " within " + MAIL_WAIT);
    }

    /** A CSRF token, from the cookie that {@code GET /api/csrf} sets (with a session's cookie, or none). */
    public static String csrfToken(int port, String cookies) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(port, "/api/csrf"));
        if (cookies != null) {
            request.header("Cookie", cookies);
        }
        HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        return cookie(response, "XSRF-TOKEN").filter(v -> !v.isEmpty())
                .orElseThrow(() -> new IllegalStateException("GET /api/csrf set no XSRF-TOKEN cookie: " + response.headers()));
    }

    /** The value of a cookie a response sets. */
    public static Optional<String> cookie(HttpResponse<?> response, String name) {
        return response.headers().allValues("Set-Cookie").stream()
                .filter(c -> c.startsWith(name + "="))
                .map(c -> c.substring(name.length() + 1).split(";", 2)[0])
                .reduce((first, last) -> last);
    }

    /** Makes {@code email} an admin in a test database (its account created if it has none). */
    public static long grantAdmin(DatabaseConfig db, String email) throws SQLException {
        return grant(db, email, "admin", null, null);
    }

    /** Makes {@code email} the coordinator of a territory in a test database. */
    public static long grantCoordinator(DatabaseConfig db, String email, String kind, String code) throws SQLException {
        return grant(db, email, "coordinator", kind, code);
    }

    private static long grant(DatabaseConfig db, String email, String role, String kind, String code) throws SQLException {
        try (Connection c = DriverManager.getConnection(db.url(), db.user(), db.password());
             PreparedStatement account = c.prepareStatement(
                     "INSERT INTO account (email) VALUES (?) ON CONFLICT (email) DO UPDATE SET email = EXCLUDED.email RETURNING id");
             PreparedStatement grant = c.prepareStatement(
                     "INSERT INTO account_role (account_id, role, territory_kind, territory_code) VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING")) {
            account.setString(1, email.toLowerCase());
            long id;
            try (var rs = account.executeQuery()) {
                rs.next();
                id = rs.getLong(1);
            }
            grant.setLong(1, id);
            grant.setString(2, role);
            grant.setString(3, kind);
            grant.setString(4, code);
            grant.executeUpdate();
            return id;
        }
    }

    private static URI uri(int port, String path) {
        return URI.create("http://localhost:" + port + path);
    }
}
