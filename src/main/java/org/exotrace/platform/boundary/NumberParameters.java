package org.exotrace.platform.boundary;

import jakarta.annotation.Priority;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.ext.Provider;
import org.exotrace.platform.problem.Problems;
import org.exotrace.platform.problem.RequestIds;

import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Refuses a whole-number query parameter of a {@code @BeanParam} that is not one ({@code ?page=abc},
 * {@code ?withinDays=x}) with the 400 {@code VALIDATION_FAILED} that the mapper gives Jersey's own refusal: Jersey's
 * injection of a bean parameter first logs its failure with three stack traces, 21 KB for each such request. Not a CDI
 * bean: one instance per JAX-RS application, so that {@link ResourceInfo} is that application's.
 */
@Provider
@Priority(Priorities.USER)
public class NumberParameters implements ContainerRequestFilter {

    private static final Set<Class<?>> WHOLE = Set.of(int.class, Integer.class, long.class, Long.class, short.class, Short.class);
    private static final Map<Method, List<Whole>> BY_METHOD = new ConcurrentHashMap<>();

    @Context
    ResourceInfo resource;

    @Override
    public void filter(ContainerRequestContext request) {
        Method method = resource == null ? null : resource.getResourceMethod();
        if (method != null) {
            notANumber(method, request.getUriInfo().getQueryParameters())
                    .ifPresent(name -> request.abortWith(Problems.invalidQueryParameter(name, RequestIds.of(request))));
        }
    }

    /** The first whole-number query parameter of the method's bean parameters whose value Jersey could not convert. */
    static Optional<String> notANumber(Method method, MultivaluedMap<String, String> query) {
        for (Whole p : BY_METHOD.computeIfAbsent(method, NumberParameters::wholeParameters)) {
            String value = query.getFirst(p.name());
            if (value != null && !value.isBlank() && !p.accepts(value.strip())) {
                return Optional.of(p.name());
            }
        }
        return Optional.empty();
    }

    private static List<Whole> wholeParameters(Method method) {
        List<Whole> found = new ArrayList<>();
        for (Parameter parameter : method.getParameters()) {
            if (parameter.isAnnotationPresent(BeanParam.class)) {
                for (Class<?> type = parameter.getType(); type != null && type != Object.class; type = type.getSuperclass()) {
                    for (Field field : type.getDeclaredFields()) {
                        QueryParam name = field.getAnnotation(QueryParam.class);
                        if (name != null && WHOLE.contains(field.getType())) {
                            found.add(new Whole(name.value(), field.getType()));
                        }
                    }
                }
            }
        }
        return List.copyOf(found);
    }

    private record Whole(String name, Class<?> type) {
        boolean accepts(String value) {
            try {
                if (type == int.class || type == Integer.class) {
                    Integer.parseInt(value);
                } else if (type == short.class || type == Short.class) {
                    Short.parseShort(value);
                } else {
                    Long.parseLong(value);
                }
                return true;
            } catch (NumberFormatException e) {
                return false;
            }
        }
    }
}
