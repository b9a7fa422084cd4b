package org.atlascitoyen.mapservice.export;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** An export refused before its first byte, answered as problem details (RFC 9457). */
final class ExportRefusal extends ErrorResponseException {

    /** Seconds a client is asked to wait when every export slot is taken. */
    private static final int RETRY_AFTER_SECONDS = 30;

    private ExportRefusal(HttpStatus status, String title, String detail) {
        super(status, problem(status, title, detail), null);
    }

    /** More records match than an export holds: the client narrows the filter. */
    static ExportRefusal tooLarge(long max) {
        ExportRefusal refusal = new ExportRefusal(HttpStatus.BAD_REQUEST, "Export too large", "More than " + max
                + " records match; an export holds at most " + max + ". Narrow the filter (territory, theme, type, "
                + "bbox...) or export in parts.");
        refusal.getBody().setProperty("numberMatchedMoreThan", max);
        refusal.getBody().setProperty("maxRows", max);
        return refusal;
    }

    /** Every export slot is taken. */
    static ExportRefusal busy(int max) {
        ExportRefusal refusal = new ExportRefusal(HttpStatus.SERVICE_UNAVAILABLE, "Exports busy", max
                + " exports are running, the most the service runs at once; try again in a moment.");
        refusal.getHeaders().set(HttpHeaders.RETRY_AFTER, Integer.toString(RETRY_AFTER_SECONDS));
        return refusal;
    }

    private static ProblemDetail problem(HttpStatus status, String title, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setTitle(title);
        return problem;
    }
}
