import BacaCore

/// The line editor on the bottom row: `/` to search, `:` for a command. On Enter it pops
/// itself and hands the search or the command to the component below.
final class PromptOverlay: Component {
    private(set) var state: PromptState
    /// Tab completion: the candidates and which one is shown.
    private var completion: (candidates: [String], index: Int)?

    var kind: ScreenKind { .prompt }
    var keyContext: KeyContext { .prompt }
    var isOverlay: Bool { true }

    init(kind: PromptState.Kind, text: String = "", context: AppContext) {
        state = PromptState(kind: kind, text: text)
    }

    private func history(_ context: AppContext) -> PromptHistory {
        state.kind == .search ? context.searchHistory : context.commandHistory
    }

    func handle(character: Character, context: AppContext) -> EventResult {
        state.insert(character)
        completion = nil
        return .done
    }

    /// A paste is inserted at the cursor as one piece of text (already one line, no controls).
    func handle(paste text: String, context: AppContext) -> EventResult {
        state.insert(contentsOf: text)
        completion = nil
        return .done
    }

    func handle(_ command: Command, context: AppContext) -> EventResult {
        switch command {
        case .promptSubmit: return submit(context)
        case .promptCancel: return .perform(.pop)
        case .promptLeft: state.moveLeft()
        case .promptRight: state.moveRight()
        case .promptHome: state.moveHome()
        case .promptEnd: state.moveEnd()
        case .promptBackspace:
            if state.characters.isEmpty { return .perform(.pop) }
            state.backspace()
            completion = nil
        case .promptDelete:
            state.deleteForward()
            completion = nil
        case .promptKillLine:
            state.killToStart()
            completion = nil
        case .promptKillWord:
            state.killWord()
            completion = nil
        case .promptHistoryPrevious: state.browseHistory(history(context).entries, step: -1)
        case .promptHistoryNext: state.browseHistory(history(context).entries, step: 1)
        case .promptComplete: return complete(context)
        default: break
        }
        // Every other command is text here: keys bound elsewhere type themselves.
        return .done
    }

    private func submit(_ context: AppContext) -> EventResult {
        let text = state.text
        switch state.kind {
        case .search:
            context.searchHistory.add(text)
            return .perform(.pop, .dispatch(.search(text)))
        case .command:
            let trimmed = text.trimmingCharacters(in: .whitespaces)
            guard !trimmed.isEmpty else { return .perform(.pop) }
            context.commandHistory.add(trimmed)
            switch CommandLineParser.parse(trimmed) {
            case .success(let invocation): return .perform(.pop, .dispatch(Command(invocation)))
            case .failure(let error): return .perform(.pop, .message(.error(error.describe(in: context.language))))
            }
        }
    }

    /// Tab on the `:` line: completes the command name or argument, cycling through candidates.
    private func complete(_ context: AppContext) -> EventResult {
        guard state.kind == .command else { return .done }
        if var completion, !completion.candidates.isEmpty {
            completion.index = (completion.index + 1) % completion.candidates.count
            self.completion = completion
            state.setText(completion.candidates[completion.index])
            return .done
        }
        let candidates = CommandLineParser.completions(for: state.text)
        guard !candidates.isEmpty else {
            return .perform(.message(.warning(context.tr("Tidak ada perintah berawalan '\(state.text)'",
                                                         "No command starts with '\(state.text)'"))))
        }
        if candidates.count == 1 {
            state.setText(candidates[0] + " ")
            completion = nil
        } else {
            completion = (candidates, 0)
            state.setText(candidates[0])
        }
        return .done
    }

    func render(into buffer: inout ScreenBuffer, context: AppContext) {
        let size = context.size
        let row = size.rows - 1
        if let completion, size.rows >= 2 {
            buffer.fill(row: row - 1, column: 0, width: size.columns, height: 1, style: .status)
            buffer.write(" " + completion.candidates.joined(separator: "  "), row: row - 1, column: 0, style: .status,
                         maxWidth: size.columns)
        }
        buffer.fill(row: row, column: 0, width: size.columns, height: 1, style: .prompt)
        let symbol = state.kind.symbol
        let (visible, _) = visibleText(width: size.columns)
        buffer.write(symbol, row: row, column: 0, style: .prompt)
        buffer.write(visible, row: row, column: symbol.displayWidth, style: .prompt,
                     maxWidth: size.columns - 1 - symbol.displayWidth)
    }

    /// The text scrolled so the cursor stays visible, and the cursor's column in it.
    private func visibleText(width: Int) -> (String, Int) {
        let available = width - 1 - state.kind.symbol.displayWidth
        var characters = state.characters
        var cursorColumn = String(state.characters[..<state.cursor]).displayWidth
        var dropped = 0
        while cursorColumn - dropped > available, !characters.isEmpty {
            dropped += characters.removeFirst().displayWidth
        }
        cursorColumn -= dropped
        return (String(characters), cursorColumn)
    }

    func cursor(context: AppContext) -> CursorPosition? {
        let (_, column) = visibleText(width: context.size.columns)
        return CursorPosition(row: context.size.rows - 1, column: state.kind.symbol.displayWidth + column)
    }

    /// The prompt covers the status bar: nothing more to show.
    func status(context: AppContext) -> StatusContent { StatusContent() }
}
