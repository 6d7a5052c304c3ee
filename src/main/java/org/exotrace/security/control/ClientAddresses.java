package org.exotrace.security.control;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The address a sign-in is counted by. A request's peer is its client, unless the peer is one of the configured
 * reverse proxies ({@code exotrace.sign-in.trusted-proxies}): then the client is the last address in
 * {@code X-Forwarded-For} that is not itself a trusted proxy, read from the right, because a proxy appends the address
 * it saw and everything to the left of that was written by the client. Only IP literals are compared; no name is
 * resolved.
 */
public final class ClientAddresses {

    /** An IPv4 or IPv6 literal (digits, hex, dots and colons); anything else in the header is not an address. */
    private static final Pattern LITERAL = Pattern.compile("[0-9A-Fa-f.:]{2,45}");

    private final Set<InetAddress> trusted;

    private ClientAddresses(Set<InetAddress> trusted) {
        this.trusted = trusted;
    }

    public static ClientAddresses trusting(List<String> proxies) {
        return new ClientAddresses(proxies.stream().map(ClientAddresses::parse).flatMap(Optional::stream).collect(Collectors.toUnmodifiableSet()));
    }

    /** The client of a request from {@code peer} that carried {@code forwardedFor} (null when it carried none). */
    public String client(String peer, String forwardedFor) {
        if (forwardedFor == null || !isTrusted(peer)) {
            return peer;
        }
        String[] hops = forwardedFor.split(",");
        for (int i = hops.length - 1; i >= 0; i--) {
            Optional<InetAddress> hop = parse(hops[i].strip());
            if (hop.isEmpty()) {
                return peer; // the chain is broken here: nothing further left can be believed
            }
            if (!trusted.contains(hop.get())) {
                return hops[i].strip();
            }
        }
        return peer;
    }

    private boolean isTrusted(String peer) {
        return peer != null && parse(peer).filter(trusted::contains).isPresent();
    }

    private static Optional<InetAddress> parse(String text) {
        if (text == null || !LITERAL.matcher(text).matches() || (text.indexOf(':') < 0 && !text.matches("\\d{1,3}(\\.\\d{1,3}){3}"))) {
            return Optional.empty();
        }
        try {
            return Optional.of(InetAddress.getByName(text)); // a literal: parsed, never looked up
        } catch (UnknownHostException e) {
            return Optional.empty();
        }
    }
}
