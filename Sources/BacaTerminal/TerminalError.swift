/// Why the interactive reader could not take over the terminal.
public enum TerminalError: Error, Equatable, CustomStringConvertible, Sendable {
    /// Standard input or output is not a terminal (a pipe, a file, `/dev/null`).
    case notATerminal
    /// `TERM` names a type terminfo does not know, or one that cannot move the cursor.
    case unsupportedTerminal(type: String, reason: String)
    /// A session is already running in this process.
    case alreadyRunning

    public var description: String {
        switch self {
        case .notATerminal:
            return "the reader needs a terminal; try 'baca list' or 'baca show ID'"
        case .unsupportedTerminal(let type, let reason):
            return "cannot use terminal type '\(type)': \(reason)"
        case .alreadyRunning:
            return "the terminal is already in use by the reader"
        }
    }
}
