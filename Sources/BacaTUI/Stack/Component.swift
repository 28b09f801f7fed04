import BacaCore
import BacaStore

/// One thing on the screen stack: a screen (the list, the reader, the feeds) or an overlay
/// (help, table of contents, the prompt). Each owns its state and its keys.
///
/// The compositor (`App`) resolves a key through the keymap in the component's `keyContext`
/// into a typed `Command` and hands it to the top component. The component changes its own
/// state and answers with `EventResult`: ignored (the app's global commands get a turn), or
/// consumed with effects for the app to perform (push, pop, a message, a background job…).
/// Drawing is separate and pure: `prepare` reads what the next frame needs (from SQLite too),
/// `render` only draws what was prepared. (helix's `Component` and `EventResult::Consumed`;
/// bubbletea's `Update` returning a `Cmd`.)
protocol Component: AnyObject {
    /// Which screen this is (tests and the help's order read it).
    var kind: ScreenKind { get }
    /// The `[keys.*]` table whose bindings apply while this component is on top.
    var keyContext: KeyContext { get }
    /// True when the component below shows through (help and the prompt cover only part).
    var isOverlay: Bool { get }

    /// Acts on a command; `.ignored` lets the app's global commands have it.
    func handle(_ command: Command, context: AppContext) -> EventResult
    /// A typed character that no binding claimed (the prompt takes it).
    func handle(character: Character, context: AppContext) -> EventResult
    /// A left click on cells this component marked in its last frame (`ScreenBuffer.addHit`).
    func handle(click target: HitTarget, context: AppContext) -> EventResult
    /// Pasted text, already cleaned (`InputSequenceDecoder`); only the prompt takes it.
    func handle(paste text: String, context: AppContext) -> EventResult
    /// Something changed outside: the repository (an import, a fetch, another process).
    func dataDidChange(context: AppContext)
    /// Back on top after the component above it was popped.
    func didBecomeTop(context: AppContext)

    /// Reads what the next frame needs for this size: rows, a layout. The only place a
    /// component reads the repository for drawing.
    func prepare(context: AppContext)
    /// Draws the prepared state; changes nothing.
    func render(into buffer: inout ScreenBuffer, context: AppContext)
    /// What the status bar shows for this component: hints and the position.
    func status(context: AppContext) -> StatusContent
    /// Where the terminal's cursor goes, or nil to hide it.
    func cursor(context: AppContext) -> CursorPosition?
}

extension Component {
    var isOverlay: Bool { false }
    func handle(character: Character, context: AppContext) -> EventResult { .ignored }
    func handle(click target: HitTarget, context: AppContext) -> EventResult { .ignored }
    func handle(paste text: String, context: AppContext) -> EventResult { .ignored }
    func dataDidChange(context: AppContext) {}
    func didBecomeTop(context: AppContext) {}
    func prepare(context: AppContext) {}
    func cursor(context: AppContext) -> CursorPosition? { nil }
}

/// A component's answer to an event.
enum EventResult {
    /// Not for this component: the app's global commands get it.
    case ignored
    /// Done, with what the app should do next (often nothing).
    case consumed([Action])

    static var done: EventResult { .consumed([]) }
    static func perform(_ actions: Action...) -> EventResult { .consumed(actions) }
}

/// What a component asks of the app. Stack changes and messages are applied by the app at
/// once; `effect` goes out to the loop (quit, a program, a theme, background work).
enum Action {
    case push(any Component)
    /// Removes the top component (the one that asked).
    case pop
    /// Hands a command to the component that is on top after the other actions.
    case dispatch(Command)
    case message(StatusMessage)
    /// Reads the list again everywhere (after this app wrote to the repository).
    case dataChanged
    case effect(Effect)
}

/// What the status bar shows for a component.
struct StatusContent {
    /// Key hints, most important first; dropped whole from the end when space runs short.
    var hints: [Hint] = []
    /// Where the reader is: `3/13`, `2/7 · Angsle dan Ronde`, `Atas`. Always shown.
    var position: String = ""
}

/// A key and what it does: `q kembali`.
struct Hint: Equatable {
    var keys: String
    var label: String
}
