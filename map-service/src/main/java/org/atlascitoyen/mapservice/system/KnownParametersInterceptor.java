package org.atlascitoyen.mapservice.system;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.springframework.core.MethodParameter;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;

/**
 * Rejects query parameters an endpoint does not know (a misspelt {@code limt} would otherwise be
 * ignored silently and the user would not know why the filter did nothing). The known ones are
 * the handler's {@link RequestParam}s and the components of the records it binds (such as the
 * filter parameters), so there is no list to keep in sync.
 */
public class KnownParametersInterceptor implements HandlerInterceptor {

    private final Map<HandlerMethod, Set<String>> known = new ConcurrentHashMap<>();

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        if (!(handler instanceof HandlerMethod method)) {
            return true;
        }
        Set<String> allowed = known.computeIfAbsent(method, KnownParametersInterceptor::requestParams);
        for (String name : request.getParameterMap().keySet()) {
            if (!allowed.contains(name)) {
                throw new BadParameterException(name, "Unknown parameter '" + name + "'"
                        + (allowed.isEmpty() ? "; this endpoint takes none" : "; known: " + String.join(", ", allowed.stream().sorted().toList())));
            }
        }
        return true;
    }

    /** The handler's {@link RequestParam}s, and the components of the records it binds parameters to. */
    private static Set<String> requestParams(HandlerMethod method) {
        return Arrays.stream(method.getMethodParameters())
                .flatMap(p -> p.hasParameterAnnotation(RequestParam.class) ? Stream.of(name(p))
                        : p.getParameterType().isRecord() ? Arrays.stream(p.getParameterType().getRecordComponents())
                                .map(RecordComponent::getName)
                        : Stream.empty())
                .collect(Collectors.toUnmodifiableSet());
    }

    private static String name(MethodParameter parameter) {
        RequestParam annotation = parameter.getParameterAnnotation(RequestParam.class);
        String name = annotation == null ? "" : annotation.name();
        return name.isEmpty() ? parameter.getParameterName() : name;
    }
}
