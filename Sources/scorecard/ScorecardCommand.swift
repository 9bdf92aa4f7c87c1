import ArgumentParser
import ScorecardBase

/// `scorecard`: the liaison-officer policy as data. Parses the command line, calls the engine,
/// renders; no rule or evaluation logic lives here.
@main
struct ScorecardCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "scorecard",
        abstract: "政工联系员考核：按规则文件（YAML）计算每季度的考核结果。",
        usage: "scorecard <子命令> [<选项>]",
        discussion: """
            政工联系员制度写成规则文件（YAML），程序按规则计算考核结果。不写路径时，规则从 ./rules 读取，\
            证据从 ./seeds 读取。

            退出码：0 成功；1 发现问题（证据有误、存档核对不符、有联系员的结果无法计算）；2 用法错误或规则有误；3 存档或输出文件无法写入（磁盘已满、文件夹只读）。
            """,
        version: ScorecardVersion.current,
        subcommands: [
            CheckCommand.self, EvaluateCommand.self, ExplainCommand.self, AnnualCommand.self, VacancyCommand.self,
            EligibilityCommand.self, DiffCommand.self, TemplateCommand.self, TestCommand.self, EvalCommand.self,
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
            // Help screens and usage errors are put in Chinese; completion scripts and
            // --version are left as they are.
            if exitCode(for: error) == .success {
                let text = fullMessage(for: error, columns: 10_000)
                guard text.hasPrefix("OVERVIEW: ") || text.hasPrefix("USAGE: ") else { exit(withError: error) }
                writeOutput(ChineseUsage.help(text, width: Terminal.width() ?? 80) + "\n")
                exitProcess(0)
            }
            let subcommands = configuration.subcommands.map { $0._commandName }
            writeError(ChineseUsage.error(fullMessage(for: error), subcommands: subcommands) + "\n")
            exitProcess(2)
        }
    }
}
