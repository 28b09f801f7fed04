import BacaStore
import Foundation
import Testing

@testable import BacaTUI

@Suite("Daily-workflow settings")
struct WorkflowSettingsTests {
    @Test("reload interval, notify command, limits and rules are read; problems are named")
    func settings() {
        let config = BacaConfig.parse("""
            reload-interval = "2h"
            notify-command = ["notify-send", "baca"]
            [limits]
            keep-articles = 300
            keep-days = 30
            [[rule]]
            name = "gosip"
            title = ["gosip", "viral"]
            action = "hide"
            [[rule]]
            feed = "hiburan"
            author = "Redaksi"
            action = "mark-read"
            """, file: "config.toml")
        #expect(config.warnings.isEmpty, "\(config.warnings)")
        let workflow = config.workflow
        #expect(workflow.reloadMinutes == 120)
        #expect(workflow.notifyCommand == ["notify-send", "baca"])
        #expect(workflow.limits == RetentionLimits(keepArticles: 300, keepDays: 30))
        #expect(workflow.rules == [
            ArrivalRule(name: "gosip", title: ["gosip", "viral"], action: .hide),
            ArrivalRule(name: "rule 2", feeds: ["hiburan"], authors: ["Redaksi"], action: .markRead),
        ])

        let bad = BacaConfig.parse("""
            reload-interval = "sebentar"
            notify-command = "notify-send baca"
            [limits]
            keep-articles = -1
            [[rule]]
            action = "hide"
            """, file: "config.toml")
        #expect(bad.workflow.problems.count == 4, "\(bad.workflow.problems)")
        #expect(bad.workflow.problems.allSatisfy { $0.hasPrefix("config.toml: ") })
        #expect(bad.workflow.rules.isEmpty, "a rule without criteria would match everything")
        #expect(bad.workflow.notifyCommand.isEmpty, "a shell string is refused")
    }
}
