package org.exotrace.testing;

import org.exotrace.testing.Api.Reply;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertTrue;

/** Requests sent at the same moment, each from a thread (and HTTP client) of its own, for races. */
public final class AtOnce {

    private AtOnce() {
    }

    /** Sends every request at once and answers the replies in the order of {@code requests}. */
    public static List<Reply> send(List<Supplier<Reply>> requests) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(requests.size());
        try {
            CountDownLatch ready = new CountDownLatch(requests.size());
            CountDownLatch go = new CountDownLatch(1);
            List<Future<Reply>> replies = new ArrayList<>();
            for (Supplier<Reply> request : requests) {
                replies.add(pool.submit(() -> {
                    ready.countDown();
                    go.await(30, TimeUnit.SECONDS);
                    return request.get();
                }));
            }
            assertTrue(ready.await(30, TimeUnit.SECONDS), "every client is ready");
            go.countDown();
            List<Reply> answers = new ArrayList<>();
            for (Future<Reply> reply : replies) {
                answers.add(reply.get(90, TimeUnit.SECONDS));
            }
            return answers;
        } finally {
            pool.shutdownNow();
        }
    }

    public static Map<Integer, Long> byStatus(List<Reply> replies) {
        return replies.stream().collect(Collectors.groupingBy(Reply::status, Collectors.counting()));
    }
}
