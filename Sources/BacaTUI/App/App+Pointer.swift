import Foundation

/// The mouse and pasted text: input events like keys, handed to the top component.
///
/// A click means what the top component drew under it in the last frame (its `HitMap`
/// regions); the wheel is a line movement of three, as `j`/`k` pressed three times would be.
extension App {
    /// Lines the wheel moves per notch.
    static let wheelLines = 3
    /// Two presses on one cell within this are a double click.
    static let doubleClickSeconds = 0.5

    func handle(_ mouse: MouseEvent) -> [Effect] {
        guard context.isLargeEnough, top.keyContext != .prompt else { return [] }
        switch mouse.action {
        case .wheelUp, .wheelDown:
            pendingKeys = []
            return run(.move(.lines(mouse.action == .wheelDown ? Self.wheelLines : -Self.wheelLines)))
        case .press(.left):
            pendingKeys = []
            // The second half of a double click that opened something lands on the new screen:
            // it is not a click of its own there.
            let now = Date()
            if let last = lastClick, last.row == mouse.row, last.column == mouse.column, last.depth != depth,
               now.timeIntervalSince(last.time) < Self.doubleClickSeconds {
                lastClick = nil
                return []
            }
            lastClick = (mouse.row, mouse.column, depth, now)
            guard let target = lastHitMap.target(row: mouse.row, column: mouse.column, owner: depth - 1) else { return [] }
            message = nil
            return apply(top.handle(click: target, context: context))
        default:
            return []
        }
    }

    /// A paste goes to the prompt; anywhere else it is dropped, so its text never runs as keys.
    func handle(paste text: String) -> [Effect] {
        guard top.keyContext == .prompt else { return [] }
        return apply(top.handle(paste: text, context: context))
    }
}
