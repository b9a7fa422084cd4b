package org.atlascitoyen.mapservice.system;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.HandlerExceptionResolver;

/**
 * Refuses a request whose query string is not clean text ({@link ParameterText}) before anything
 * reads its parameters: a NUL, invalid UTF-8, a malformed %-escape or an over-long value is a 400
 * problem naming the parameter, on every path (API, OGC, tiles, exports, actuator, pages), rather
 * than a 500 from the database or a value the container silently altered. The problem is written
 * by {@link ProblemHandler}, like every other.
 */
public class ParameterTextFilter extends OncePerRequestFilter {

    private final HandlerExceptionResolver problems;

    public ParameterTextFilter(HandlerExceptionResolver problems) {
        this.problems = problems;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Optional<ParameterText.Fault> fault = ParameterText.checkQuery(request.getQueryString());
        if (fault.isPresent()) {
            problems.resolveException(request, response, null,
                    new BadParameterException(fault.get().parameter(), fault.get().detail()));
            return;
        }
        chain.doFilter(request, response);
    }
}
