package org.atlascitoyen.mapservice.territory;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * A former territory code without one successor, as the 400 problem details of any bad parameter
 * ({@code parameter} names it) plus {@code replacements}: the current {@code kind:code} to use
 * instead (empty when the territory was withdrawn). Ordered before the general handler, which
 * would otherwise answer it as a plain bad parameter.
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class TerritoryReplacedAdvice {

    @ExceptionHandler(TerritoryReplacedException.class)
    ProblemDetail replaced(TerritoryReplacedException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, e.getMessage());
        problem.setTitle("Bad parameter: " + e.parameter());
        problem.setProperty("parameter", e.parameter());
        problem.setProperty("replacements", e.replacements());
        return problem;
    }
}
