package org.atlascitoyen.mapservice.ratelimit;

import java.net.URI;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * A request over a rate limit: a 429 problem with {@code Retry-After} (seconds). An
 * {@link ErrorResponseException}, so the service's problem handler answers it as it is.
 */
public class RateLimitExceededException extends ErrorResponseException {

    private static final long serialVersionUID = 1L;

    public RateLimitExceededException(String limitName, long retryAfterSeconds) {
        super(HttpStatus.TOO_MANY_REQUESTS, problem(limitName, retryAfterSeconds), null);
        getHeaders().set(HttpHeaders.RETRY_AFTER, Long.toString(retryAfterSeconds));
    }

    private static ProblemDetail problem(String limitName, long retryAfterSeconds) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.TOO_MANY_REQUESTS,
                "Trop de demandes : réessayez dans " + retryAfterSeconds + " s.");
        problem.setTitle("Too many requests");
        problem.setType(URI.create("about:blank"));
        problem.setProperty("limit", limitName);
        problem.setProperty("retryAfter", retryAfterSeconds);
        return problem;
    }
}
