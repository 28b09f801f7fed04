import Synchronization
#if canImport(Glibc)
import Glibc
#endif

extension NcursesTerminal {
    /// Takes back a Ctrl-C the reader used for itself (to cancel the prompt, as readline does):
    /// the quit request and its watchdog are dropped. Returns false, and changes nothing, when
    /// the quit came from another signal or there was none.
    public func withdrawInterrupt() -> Bool {
        guard quitSignal == SIGINT else { return false }
        _ = alarm(0)
        SignalState.quitSignal.store(0, ordering: .sequentiallyConsistent)
        return true
    }
}
