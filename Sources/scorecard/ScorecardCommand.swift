import ArgumentParser
import ScorecardBase

/// `scorecard`: the liaison-officer policy as data. Parses the command line, calls the engine,
/// renders; no rule or evaluation logic lives here.
@main
struct ScorecardCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "scorecard",
        abstract: "政工联系员考核：按规则文件（YAML）计算每季度的考核结果。",
        discussion: """
            Rules-as-data evaluation of the liaison-officer policy (政工联系员制度).
            With no paths given, rules are read from ./rules and evidence from ./seeds.

            Exit codes: 0 success; 1 findings (bad evidence, failed record checks, officers \
            whose results could not be computed); 2 usage or rule errors.
            """,
        version: ScorecardVersion.current,
        subcommands: [
            CheckCommand.self, EvaluateCommand.self, ExplainCommand.self, AnnualCommand.self, VacancyCommand.self,
            EligibilityCommand.self, DiffCommand.self,
        ],
        defaultSubcommand: nil
    )

    static func main() {
        var pager: Pager?
        do {
            var command = try parseAsRoot()
            if let paged = command as? PagedCommand, paged.pagesOutput { pager = Pager.start() }
            try command.run()
            pager?.finish()
        } catch let code as ExitCode {
            pager?.finish()
            exitProcess(code.rawValue)
        } catch {
            pager?.finish()
            // Help and --version exit 0; every other parsing problem is a usage error (2).
            if exitCode(for: error) == .success { exit(withError: error) }
            writeError(fullMessage(for: error) + "\n")
            exitProcess(2)
        }
    }
}
