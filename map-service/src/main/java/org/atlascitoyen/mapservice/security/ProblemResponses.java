package org.atlascitoyen.mapservice.security;

import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.csrf.CsrfException;
import org.springframework.security.web.firewall.RequestRejectedHandler;
import tools.jackson.databind.json.JsonMapper;

/**
 * The security filters' refusals as RFC 9457 problem details, as the rest of the API answers
 * (the filters run before Spring MVC and its problem handler): never a redirect to a login page,
 * never an HTML error page.
 */
final class ProblemResponses {

    private static final JsonMapper JSON = JsonMapper.shared();

    private ProblemResponses() {
    }

    /** The members of an RFC 9457 problem that these refusals use (as ProblemHandler writes them). */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Problem(String title, int status, String detail, String parameter) {
    }

    /**
     * A request the firewall refused (an encoded slash, a {@code ..} segment, a control character
     * in the path...): a 400 problem naming {@code path}, as ProblemReportValve answers the paths
     * Tomcat refuses.
     */
    static RequestRejectedHandler rejected() {
        return (request, response, e) -> write(response, new Problem("Bad parameter: path", 400,
                "The request path is not accepted (an encoded slash or dot, a .. or empty segment, a control character).", "path"));
    }

    /** Not signed in: 401. */
    static AuthenticationEntryPoint unauthenticated() {
        return (request, response, e) -> write(response, HttpStatus.UNAUTHORIZED, "Not signed in",
                "Connectez-vous pour accéder à cette page (POST /api/account/signin-link).");
    }

    /** Signed in without the role, or a state-changing request without its CSRF token: 403. */
    static AccessDeniedHandler denied() {
        return (request, response, e) -> {
            if (e instanceof CsrfException) {
                write(response, HttpStatus.FORBIDDEN, "CSRF token missing or wrong",
                        "A request that changes something must send the XSRF-TOKEN cookie's value in the X-XSRF-TOKEN header (GET /api/csrf sets the cookie).");
            } else {
                write(response, HttpStatus.FORBIDDEN, "Forbidden", "Votre compte n’a pas le rôle que cette action demande.");
            }
        };
    }

    /** A sign-in token that is unknown, used or expired: 401, the same answer for each. */
    static AuthenticationFailureHandler signinFailed() {
        return (request, response, e) -> write(response, HttpStatus.UNAUTHORIZED, "Sign-in link invalid",
                "Ce lien de connexion n’est plus valable (déjà utilisé, expiré ou incomplet) : demandez-en un nouveau.");
    }

    static void write(HttpServletResponse response, HttpStatus status, String title, String detail) throws IOException {
        write(response, new Problem(title, status.value(), detail, null));
    }

    private static void write(HttpServletResponse response, Problem problem) throws IOException {
        response.setStatus(problem.status());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE); // UTF-8, as JSON always is
        response.setHeader("Cache-Control", "no-store");
        response.getOutputStream().write(JSON.writeValueAsString(problem).getBytes(StandardCharsets.UTF_8));
    }
}
