package jp.kodoku.platform.webhooks;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.Optional;

/**
 * Where the platform may send a webhook (server-side request forgery): never to this machine, the private networks,
 * link-local addresses (cloud metadata at 169.254.169.254), carrier-grade NAT, multicast or the unspecified
 * address, unless {@code platform.webhooks.allow-loopback-targets} lets loopback through for tests. Checked when a
 * client subscribes (literal addresses and the URL's form) and again before every send, with the name resolved then,
 * since a name may point elsewhere tomorrow.
 */
public final class TargetAddresses {

    private TargetAddresses() {
    }

    /** What is wrong with a subscription's URL, or empty when it may be subscribed to. */
    public static Optional<String> problemWithUrl(String url, boolean allowLoopback) {
        if (url == null || url.isBlank()) {
            return Optional.of("is required");
        }
        if (url.length() > 2000) {
            return Optional.of("must be at most 2000 characters");
        }
        URI uri;
        try {
            uri = new URI(url);
        } catch (Exception e) {
            return Optional.of("is not a URL");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        String host = uri.getHost();
        if (!uri.isAbsolute() || host == null || uri.getRawAuthority() == null) {
            return Optional.of("must be an absolute https URL with a host");
        }
        if (uri.getRawUserInfo() != null) {
            return Optional.of("must not carry a user name or password");
        }
        if (uri.getRawFragment() != null) {
            return Optional.of("must not have a fragment");
        }
        boolean loopbackName = isLoopbackName(host);
        if (!scheme.equals("https") && !(scheme.equals("http") && allowLoopback && loopbackName)) {
            return Optional.of("must use https");
        }
        if (loopbackName) {
            return allowLoopback ? Optional.empty() : Optional.of("must not point to this machine");
        }
        Optional<InetAddress> literal = literalAddress(host);
        return literal.flatMap(address -> problemWithAddress(address, allowLoopback));
    }

    /** Why the platform must not connect to this address, or empty. */
    public static Optional<String> problemWithAddress(InetAddress address, boolean allowLoopback) {
        if (address.isLoopbackAddress()) {
            return allowLoopback ? Optional.empty() : Optional.of("must not point to this machine");
        }
        if (address.isAnyLocalAddress() || address.isLinkLocalAddress() || address.isSiteLocalAddress()
            || address.isMulticastAddress() || isReservedIpv4(address) || isUniqueLocal(address)
            || isIpv4Mapped(address)) {
            return Optional.of("must not point to a private, link-local or reserved address (" + address.getHostAddress()
                               + ")");
        }
        return Optional.empty();
    }

    /** Resolves the host now and checks every address it has. */
    public static Optional<String> problemWithHostNow(String host, boolean allowLoopback) {
        try {
            for (InetAddress address : InetAddress.getAllByName(host)) {
                Optional<String> problem = problemWithAddress(address, allowLoopback);
                if (problem.isPresent()) {
                    return problem;
                }
            }
            return Optional.empty();
        } catch (UnknownHostException e) {
            return Optional.of("the host " + host + " is not known");
        }
    }

    private static boolean isLoopbackName(String host) {
        String h = host.toLowerCase(Locale.ROOT);
        if (h.equals("localhost") || h.endsWith(".localhost")) {
            return true;
        }
        return literalAddress(host).map(InetAddress::isLoopbackAddress).orElse(false);
    }

    /** The host as an address when it is written as one (no name is looked up here). */
    private static Optional<InetAddress> literalAddress(String host) {
        String h = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
        boolean ipv4 = h.matches("[0-9.]+");
        boolean ipv6 = h.contains(":") && h.matches("[0-9a-fA-F:.%]+");
        if (!ipv4 && !ipv6) {
            return Optional.empty();
        }
        try {
            return Optional.of(InetAddress.getByName(h)); // a literal: parsed, not looked up
        } catch (UnknownHostException e) {
            return Optional.empty();
        }
    }

    /** 0.0.0.0/8 ("this network") and 100.64.0.0/10 (carrier-grade NAT, often a provider's internal network). */
    private static boolean isReservedIpv4(InetAddress address) {
        byte[] b = address.getAddress();
        return address instanceof Inet4Address && ((b[0] & 0xff) == 0 || (b[0] & 0xff) == 100 && (b[1] & 0xc0) == 64);
    }

    private static boolean isUniqueLocal(InetAddress address) {
        return address instanceof Inet6Address && (address.getAddress()[0] & 0xfe) == 0xfc;
    }

    private static boolean isIpv4Mapped(InetAddress address) {
        // Java turns ::ffff:a.b.c.d into an Inet4Address already; this catches the deprecated compatible form
        byte[] b = address.getAddress();
        if (!(address instanceof Inet6Address)) {
            return false;
        }
        for (int i = 0; i < 12; i++) {
            if (b[i] != 0) {
                return false;
            }
        }
        return true;
    }
}
