import Foundation

/// Runs one test of this test binary again in child processes, each with its local time zone
/// (`TZ`) set to a real zone, for code that reads the local zone from the C library
/// (`localtime_r`). Setting `TZ` in the test process itself would change the zone under every
/// test running beside it; a child has its own.
///
/// The test calls `LocalZoneChild.zone`: nil in the ordinary run, where it calls `run` to start
/// the children; in a child, the zone to compare against (`TimeZone(identifier:)`).
public enum LocalZoneChild {
    static let variable = "BACA_TEST_LOCAL_ZONE"

    /// The zone this process was started to check, or nil in the ordinary run.
    public static var zone: String? { ProcessInfo.processInfo.environment[variable] }

    /// What a child prints when its checks ran (a filter matching no test would pass silently).
    public static func marker(_ zone: String) -> String { "local-zone-checked:\(zone)" }

    /// One child's result: nil when it ran the checks and they passed, else what it printed.
    public static func run(test filter: String, zone: String) throws -> String? {
        let binary = try FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")
        var environment = ProcessInfo.processInfo.environment
        environment["TZ"] = zone
        environment[variable] = zone
        let output = try Spawn.run(
            [binary, "--testing-library", "swift-testing", "--filter", filter],
            environment: environment, timeout: 120)
        if output.status == 0 && output.signal == nil && output.stdout.contains(marker(zone)) { return nil }
        // The end of what it printed: the summary and the last failures.
        return "status \(output.status) in \(zone):\n\(output.stdout.suffix(3_000))\n\(output.stderr.suffix(1_000))"
    }

    /// Zones that catch a sign, half-hour, quarter-hour or daylight-saving mistake.
    public static let zones = ["America/New_York", "Australia/Lord_Howe", "Asia/Kathmandu", "Asia/Jakarta"]

    /// Instants across 2000–2030 every odd hour or so, and around each of `zone`'s
    /// daylight-saving changes in those years (a second and half an hour either side).
    public static func instants(in zone: TimeZone) -> [Date] {
        var instants = (0..<10_000).map { Date(timeIntervalSince1970: 946_684_800 + Double($0) * 97_213) }
        var transition = zone.nextDaylightSavingTimeTransition(after: Date(timeIntervalSince1970: 946_684_800))
        while let change = transition, change.timeIntervalSince1970 < 1_893_456_000 {
            instants += [-1_800, -1, 0, 1, 1_800].map { change.addingTimeInterval($0) }
            transition = zone.nextDaylightSavingTimeTransition(after: change)
        }
        return instants
    }
}
