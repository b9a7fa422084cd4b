package org.atlascitoyen.mapservice.system;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.io.IOException;
import java.io.Writer;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.apache.coyote.ActionCode;
import org.springframework.http.HttpStatus;
import tools.jackson.databind.json.JsonMapper;

/**
 * The errors Tomcat answers itself, before the application sees the request (a NUL or bytes that
 * are not UTF-8 in the path, a malformed request line, headers over the limit), as RFC 9457
 * problem details like every other error of the service, instead of Tomcat's HTML page (which
 * names the server). Says what was wrong when the raw request shows it: {@code "parameter":"path"}
 * for the path, or the query parameter's name.
 */
public class ProblemReportValve extends ErrorReportValve {

    /** The members of the problem, in the order and with the names Spring's problems use. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Problem(String title, int status, String detail, String instance, String parameter) {
    }

    public ProblemReportValve() {
        setShowReport(false);
        setShowServerInfo(false);
    }

    @Override
    protected void report(Request request, Response response, Throwable throwable) {
        int status = response.getStatus();
        if (status < 400 || response.getContentWritten() > 0) {
            return;
        }
        AtomicBoolean ioAllowed = new AtomicBoolean(false);
        response.getCoyoteResponse().action(ActionCode.IS_IO_ALLOWED, ioAllowed);
        if (!ioAllowed.get()) {
            return;
        }
        try {
            Problem problem = problem(status, raw(request.getCoyoteRequest().requestURI().toString()),
                    raw(request.getCoyoteRequest().queryString().toString()));
            response.setContentType("application/problem+json");
            response.setCharacterEncoding("UTF-8");
            Writer writer = response.getReporter();
            if (writer != null) {
                writer.write(JsonMapper.shared().writeValueAsString(problem));
                response.finishResponse();
            }
        } catch (IOException | IllegalStateException e) {
            container.getLogger().debug("Problem report not written", e);
        }
    }

    static Problem problem(int status, String rawPath, String rawQuery) {
        HttpStatus known = HttpStatus.resolve(status);
        String title = known == null ? "Error " + status : known.getReasonPhrase();
        Optional<String> pathFault = pathFault(rawPath);
        String instance = rawPath.isEmpty() || pathFault.isPresent() ? null : rawPath;
        if (status == 400) {
            if (pathFault.isPresent()) {
                return new Problem("Bad parameter: path", status, "The path " + pathFault.get(), null, "path");
            }
            Optional<ParameterText.Fault> queryFault = ParameterText.checkQuery(rawQuery);
            if (queryFault.isPresent()) {
                ParameterText.Fault fault = queryFault.get();
                return new Problem("Bad parameter: " + fault.parameter(), status, fault.detail(), instance, fault.parameter());
            }
            return new Problem(title, status, "The request cannot be read: a malformed request line or path (a NUL,"
                    + " a control character, a space, bytes that are not UTF-8, a malformed %-escape, a '..' above the"
                    + " root) or headers over 16 KB in all.", instance, null);
        }
        return new Problem(title, status, title, instance, null);
    }

    /** What is wrong with a raw (percent-encoded) path, if the rules of parameters see it. */
    private static Optional<String> pathFault(String rawPath) {
        if (rawPath.isEmpty()) {
            return Optional.empty();
        }
        try {
            // '+' is a plus in a path, not a space: escaped so that decoding keeps it.
            return ParameterText.fault(ParameterText.decode(rawPath.replace("+", "%2B")));
        } catch (IllegalArgumentException e) {
            return Optional.of(e.getMessage());
        }
    }

    /** The raw text of the request line's parts as bytes read as ISO-8859-1 ({@code null}: empty). */
    private static String raw(String value) {
        return value == null ? "" : value;
    }
}
