package org.atlascitoyen.mapservice.system;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Map;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.HandlerMapping;

/**
 * The path's variables ({@code /api/actors/{id}}, {@code /tiles/actors/{z}/{x}/{y}.pbf},
 * {@code /ogc/collections/{collectionId}/items/{featureId}}) held to the same text rules as query
 * parameters ({@link ParameterText}), so that a control character or an over-long value is a 400
 * naming the variable before any conversion or query sees it. (A NUL, or bytes that are not
 * UTF-8, never get this far: the container refuses such a path, see {@link ProblemReportValve}.)
 */
public class PathVariablesInterceptor implements HandlerInterceptor {

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        if (request.getAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE) instanceof Map<?, ?> variables) {
            for (Map.Entry<?, ?> variable : variables.entrySet()) {
                if (variable.getValue() instanceof String value) {
                    String name = String.valueOf(variable.getKey());
                    ParameterText.fault(value).ifPresent(fault -> {
                        throw new BadParameterException(name, "Path variable '" + name + "' " + fault);
                    });
                }
            }
        }
        return true;
    }
}
