package org.exotrace.platform.boundary;

import java.util.List;

/** One page of a list, with what a client needs to ask for the next one. */
public record Page<T>(List<T> items, int page, int size, long total) {

    public static <T> Page<T> of(List<T> items, PageRequest request, long total) {
        return new Page<>(items, request.page(), request.size(), total);
    }
}
