import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// An IPv4 or IPv6 address, and what kind of network it belongs to.
///
/// Hand-written: Foundation has no address classification on Linux, and the ranges are a short
/// fixed list (IANA's special-purpose registries, RFC 6890 and its successors).
public struct NetworkAddress: Sendable, Hashable, CustomStringConvertible {
    /// 4 bytes for IPv4, 16 for IPv6, in network order.
    public let bytes: [UInt8]

    public init?(bytes: [UInt8]) {
        guard bytes.count == 4 || bytes.count == 16 else { return nil }
        self.bytes = bytes
    }

    /// `127.0.0.1`, `::1`, `[::1]`, `fe80::1%eth0` (the zone is dropped).
    public init?(_ text: String) {
        var text = text
        if text.hasPrefix("["), text.hasSuffix("]") { text = String(text.dropFirst().dropLast()) }
        if let percent = text.firstIndex(of: "%") { text = String(text[..<percent]) }
        var v4 = in_addr()
        if inet_pton(AF_INET, text, &v4) == 1 {
            self.bytes = withUnsafeBytes(of: &v4) { Array($0) }
            return
        }
        var v6 = in6_addr()
        if inet_pton(AF_INET6, text, &v6) == 1 {
            self.bytes = withUnsafeBytes(of: &v6) { Array($0) }
            return
        }
        return nil
    }

    public var isIPv4: Bool { bytes.count == 4 }

    public var description: String {
        var buffer = [CChar](repeating: 0, count: Int(INET6_ADDRSTRLEN) + 1)
        var copy = bytes
        let family = isIPv4 ? AF_INET : AF_INET6
        guard inet_ntop(family, &copy, &buffer, socklen_t(buffer.count)) != nil else { return "?" }
        return String(decoding: buffer.prefix(while: { $0 != 0 }).map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }

    /// The kinds of network the address rule tells apart.
    public enum Kind: String, Sendable {
        case `public`
        case loopback
        /// RFC 1918, shared address space (100.64/10), unique local (fc00::/7).
        case `private`
        /// 169.254/16 and fe80::/10: where cloud metadata services live.
        case linkLocal = "link-local"
        /// Unspecified, multicast, broadcast, documentation, benchmarking and reserved ranges.
        case reserved
    }

    /// An IPv4 address carried in an IPv6 one (mapped `::ffff:a.b.c.d`, NAT64 `64:ff9b::/96`,
    /// IPv4-compatible `::a.b.c.d`, 6to4 `2002:aabb:ccdd::/16`), else nil.
    var embeddedIPv4: NetworkAddress? {
        guard bytes.count == 16 else { return nil }
        let b = bytes
        if b[0..<10].allSatisfy({ $0 == 0 }) && b[10] == 0xFF && b[11] == 0xFF { return NetworkAddress(bytes: Array(b[12..<16])) }
        if b[0] == 0x00 && b[1] == 0x64 && b[2] == 0xFF && b[3] == 0x9B && b[4..<12].allSatisfy({ $0 == 0 }) {
            return NetworkAddress(bytes: Array(b[12..<16]))
        }
        if b[0..<12].allSatisfy({ $0 == 0 }) && !(b[12] == 0 && b[13] == 0 && b[14] == 0 && b[15] <= 1) {
            return NetworkAddress(bytes: Array(b[12..<16]))
        }
        if b[0] == 0x20 && b[1] == 0x02 { return NetworkAddress(bytes: Array(b[2..<6])) }
        return nil
    }

    public var kind: Kind {
        if let inner = embeddedIPv4 { return inner.kind }
        return isIPv4 ? Self.kindIPv4(bytes) : Self.kindIPv6(bytes)
    }

    public var isPublic: Bool { kind == .public }

    private static func kindIPv4(_ b: [UInt8]) -> Kind {
        switch (b[0], b[1], b[2]) {
        case (127, _, _): return .loopback
        case (10, _, _), (192, 168, _): return .private
        case (172, 16...31, _): return .private
        case (100, 64...127, _): return .private
        case (169, 254, _): return .linkLocal
        case (0, _, _), (224...255, _, _): return .reserved
        case (192, 0, 0), (192, 0, 2), (198, 51, 100), (203, 0, 113), (198, 18...19, _): return .reserved
        default: return .public
        }
    }

    private static func kindIPv6(_ b: [UInt8]) -> Kind {
        if b[0..<15].allSatisfy({ $0 == 0 }) {
            return b[15] == 1 ? .loopback : .reserved
        }
        if b[0] & 0xFE == 0xFC { return .private }
        if b[0] == 0xFE && b[1] & 0xC0 == 0x80 { return .linkLocal }
        if b[0] == 0xFE && b[1] & 0xC0 == 0xC0 { return .private }  // site-local, deprecated
        if b[0] == 0xFF { return .reserved }
        if b[0] == 0x20 && b[1] == 0x01 && b[2] == 0x0D && b[3] == 0xB8 { return .reserved }
        if b[0] == 0x01 && b[1] == 0x00 && b[2..<8].allSatisfy({ $0 == 0 }) { return .reserved }
        // Only the global unicast block 2000::/3 is public.
        return b[0] & 0xE0 == 0x20 ? .public : .reserved
    }
}

/// Turns a host name into addresses. The system's resolver is the default; tests inject their
/// own (a public-looking name mapped to a loopback server).
public protocol HostResolver: Sendable {
    /// Every address `host` has; throws `FetchFailure` naming the host when there is none.
    func addresses(of host: String, port: Int) throws -> [NetworkAddress]
}

/// `getaddrinfo`.
public struct SystemResolver: HostResolver {
    public init() {}

    public func addresses(of host: String, port: Int) throws -> [NetworkAddress] {
        var hints = addrinfo()
        hints.ai_family = AF_UNSPEC
        #if canImport(Glibc)
        hints.ai_socktype = Int32(SOCK_STREAM.rawValue)
        #else
        hints.ai_socktype = SOCK_STREAM
        #endif
        var list: UnsafeMutablePointer<addrinfo>?
        let status = getaddrinfo(host, String(port), &hints, &list)
        guard status == 0, let first = list else {
            throw FetchFailure("cannot find host \(host) (DNS)")
        }
        defer { freeaddrinfo(first) }
        var found: [NetworkAddress] = []
        var entry: UnsafeMutablePointer<addrinfo>? = first
        while let current = entry {
            if let pointer = current.pointee.ai_addr, let address = NetworkAddress(socketAddress: UnsafePointer(pointer)), !found.contains(address) {
                found.append(address)
            }
            entry = current.pointee.ai_next
        }
        guard !found.isEmpty else { throw FetchFailure("cannot find host \(host) (DNS)") }
        return found
    }
}

extension NetworkAddress {
    /// The address of a `sockaddr_in` or `sockaddr_in6`.
    init?(socketAddress: UnsafePointer<sockaddr>) {
        switch Int32(socketAddress.pointee.sa_family) {
        case AF_INET:
            let bytes = socketAddress.withMemoryRebound(to: sockaddr_in.self, capacity: 1) { pointer in
                withUnsafeBytes(of: pointer.pointee.sin_addr) { Array($0) }
            }
            self.init(bytes: bytes)
        case AF_INET6:
            let bytes = socketAddress.withMemoryRebound(to: sockaddr_in6.self, capacity: 1) { pointer in
                withUnsafeBytes(of: pointer.pointee.sin6_addr) { Array($0) }
            }
            self.init(bytes: bytes)
        default:
            return nil
        }
    }
}

/// Which addresses one request may connect to.
///
/// Trust follows the user's choice: what the user named (a subscription, `feed add`) is fetched
/// wherever it lives; what a server on a public address names (a redirect, an item's page, an
/// image, a feed a page links to) is fetched only from public addresses. A server on a private
/// or loopback address is the user's own, and may name its neighbours.
public enum AddressScope: Sendable, Equatable {
    /// Any address.
    case anywhere
    /// Public addresses only, on every hop.
    case publicOnly
    /// Named by the user: the first hop anywhere; later hops (redirects) public only when the
    /// first one was public.
    case userNamed

    /// The scope for what a response from `address` names.
    public static func namedBy(_ address: NetworkAddress?, rule: AddressRule) -> AddressScope {
        guard let address else { return .publicOnly }
        return rule.isPublic(address) ? .publicOnly : .anywhere
    }
}

/// How addresses are found and judged: the resolver, the classification, and the setting that
/// lets everything through (`allow_private_addresses` in config.toml).
public struct AddressRule: Sendable {
    public var resolver: any HostResolver
    public var allowsPrivateAddresses: Bool
    /// Whether an address counts as public. Tests may mark one loopback address as "the
    /// internet"; everything else uses `NetworkAddress.isPublic`.
    public var classify: @Sendable (NetworkAddress) -> NetworkAddress.Kind

    public init(
        resolver: any HostResolver = SystemResolver(), allowsPrivateAddresses: Bool = false,
        classify: @escaping @Sendable (NetworkAddress) -> NetworkAddress.Kind = { $0.kind }
    ) {
        self.resolver = resolver
        self.allowsPrivateAddresses = allowsPrivateAddresses
        self.classify = classify
    }

    public func isPublic(_ address: NetworkAddress) -> Bool { classify(address) == .public }

    /// Whether `scope` lets a connection to `address` through.
    func allows(_ address: NetworkAddress, in scope: AddressScope) -> Bool {
        allowsPrivateAddresses || scope != .publicOnly || isPublic(address)
    }
}
