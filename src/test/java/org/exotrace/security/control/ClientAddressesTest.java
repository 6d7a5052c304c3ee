package org.exotrace.security.control;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class ClientAddressesTest {

    final ClientAddresses behindProxy = ClientAddresses.trusting(List.of("10.0.0.5", "::1"));
    final ClientAddresses direct = ClientAddresses.trusting(List.of());

    @Test
    void withoutTrustedProxiesTheHeaderIsNeverRead() {
        assertEquals("192.0.2.10", direct.client("192.0.2.10", "203.0.113.7"));
    }

    @Test
    void aRequestFromATrustedProxyIsCountedByTheAddressThatProxySaw() {
        assertEquals("203.0.113.7", behindProxy.client("10.0.0.5", "203.0.113.7"));
        assertEquals("203.0.113.7", behindProxy.client("0:0:0:0:0:0:0:1", "203.0.113.7"));
    }

    @Test
    void whatTheClientWroteIntoTheHeaderItselfIsIgnored() {
        // the client sent "X-Forwarded-For: 198.51.100.1"; the proxy appended the address it saw
        assertEquals("203.0.113.7", behindProxy.client("10.0.0.5", "198.51.100.1, 203.0.113.7"));
    }

    @Test
    void aHeaderFromAnUntrustedPeerIsIgnored() {
        assertEquals("192.0.2.10", behindProxy.client("192.0.2.10", "203.0.113.7"));
    }

    @Test
    void chainedTrustedProxiesAreSkippedFromTheRight() {
        assertEquals("203.0.113.7", behindProxy.client("10.0.0.5", "203.0.113.7, 10.0.0.5"));
    }

    @Test
    void aMalformedOrMissingHeaderLeavesTheProxysAddress() {
        assertEquals("10.0.0.5", behindProxy.client("10.0.0.5", null));
        assertEquals("10.0.0.5", behindProxy.client("10.0.0.5", "not an address"));
        assertEquals("10.0.0.5", behindProxy.client("10.0.0.5", " , "));
    }
}
