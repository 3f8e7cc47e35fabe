import HubCore

extension Shell {
    /// Runs `statements` in order, stopping at the first failure unless `keepGoing` is set.
    ///
    /// `step`, when given, is asked before each statement it stops at whether to run it
    /// (`source --step`).
    func run(_ statements: [Statement], step: StepPrompt? = nil) -> RunResult {
        var worst: Int32 = 0
        for statement in statements {
            if let step, StepPrompt.stops(before: statement) {
                // The narration printed so far belongs above the question.
                context.output.flush()
                switch step.confirm(statement) {
                case .run: break
                case .stop: return .finished(worst)
                case .interrupted: return .interrupted
                }
            }

            context.clearInterrupt()
            let status: Int32
            do {
                try execute(statement)
                status = 0
            } catch let request as ExitRequest {
                lastStatus = request.status
                return .exit(request.status)
            } catch {
                status = report(error, at: statement.location)
            }
            lastStatus = status

            // A command that Ctrl-C cut short ends the run, whatever it returned; one that
            // SIGTERM or SIGHUP cut short ends the process.
            if context.isInterrupted {
                TerminationSignals.endProcessIfCaught(context.output)
                lastStatus = RunResult.interruptedStatus
                return .interrupted
            }
            guard status != 0 else { continue }
            guard options.keepGoing else { return .stopped(status) }
            worst = (worst == 2 || status == 2) ? 2 : 1
        }
        return .finished(worst)
    }

    /// Expands, matches and runs one statement; throws whatever the command throws.
    func execute(_ statement: Statement) throws {
        let tokens = try Expander(lookup: { [context] in context.variable($0) })
            .expand(statement.words)
        guard let (command, used) = registry.match(tokens.map(\.text)) else {
            try runFamilyOrFail(tokens)
            return
        }
        let words = Array(tokens.dropFirst(used))
        let arguments = try Arguments(
            spec: command.spec(for: words.map(\.text), context: context), words: words,
            location: tokens[0].location)
        if arguments.wantsHelp {
            context.output.line(HelpText.command(arguments.spec))
            return
        }
        try command.run(arguments, context)
    }

    /// No command matched: `hub --help` shows the family; anything else is a usage error
    /// that suggests the likely command.
    private func runFamilyOrFail(_ tokens: [Token]) throws {
        let first = tokens[0]
        let family = registry.family(first.text)
        guard !family.isEmpty else {
            let disabled = context.plugins.disabledHint(command: first.text)
            guard disabled.isEmpty else {
                throw UsageError("unknown command '\(first.text)'" + disabled, at: first.location)
            }
            let guess = Suggest.closest(to: first.text, among: registry.topLevelWords)
            throw UsageError(
                "unknown command '\(first.text)'" + (guess.map { "; did you mean '\($0)'?" } ?? "")
                    + " (type 'help' for the list)",
                at: first.location)
        }
        if tokens.count == 2, tokens[1].text == "--help" || tokens[1].text == "-h" {
            context.output.line(HelpText.family(first.text, family))
            return
        }
        guard tokens.count > 1, !tokens[1].text.hasPrefix("-") else {
            throw UsageError(
                "'\(first.text)' needs a subcommand:\n" + HelpText.list(family),
                at: first.location)
        }
        let subcommands = family.compactMap { $0.spec.path.count > 1 ? $0.spec.path[1] : nil }
        let guess = Suggest.closest(to: tokens[1].text, among: subcommands)
        throw UsageError(
            "unknown command '\(first.text) \(tokens[1].text)'"
                + (guess.map { "; did you mean '\(first.text) \($0)'?" } ?? "")
                + " (type 'help \(first.text)' for its subcommands)",
            at: tokens[1].location)
    }

    // MARK: - Errors

    /// Prints `error` as one diagnostic on stderr and returns the exit status it stands for.
    ///
    /// Errors from a script file start with `file:line:column: `; `fallback` is the place of
    /// the statement, for errors that carry none.
    func report(_ error: Error, at fallback: SourceLocation) -> Int32 {
        let output = context.output
        switch error {
        case let usage as UsageError:
            let location = usage.location.line > 0 ? usage.location : fallback
            output.error(prefix(location) + usage.message)
            return 2
        case let language as LanguageError:
            output.error(Shell.describe(language))
            return 2
        case let failure as CommandFailure:
            if let message = failure.message { output.error(prefix(fallback) + message) }
            return failure.status
        case let readError as FileReadError:
            guard readError.reason != .interrupted else { return RunResult.interruptedStatus }
            output.error(prefix(fallback) + readError.description)
            return 1
        case let hubError as HubError:
            output.error(prefix(fallback) + hubError.description)
            return hubError.isUsageError ? 2 : 1
        case let registryError as RegistryError:
            output.error(prefix(fallback) + registryError.description)
            return registryError.isUsageError ? 2 : 1
        default:
            output.error(prefix(fallback) + String(describing: error))
            return 1
        }
    }

    /// `tour.hsh:3:8: ` for a place in a script file, `line 3: ` in a script of several lines
    /// without one (`-c`, piped input), and nothing for a line typed at the prompt.
    func prefix(_ location: SourceLocation) -> String {
        guard location.line > 0, location.file != nil || numbersLines else { return "" }
        return "\(location): "
    }

    /// A syntax error with its place: in front for a file, in the sentence otherwise.
    static func describe(_ error: LanguageError) -> String {
        let location = error.location
        if location.file != nil { return "\(location): " + error.message }
        guard location.line > 0 else { return error.message }
        let place = location.line > 1
            ? "line \(location.line), column \(location.column)" : "column \(location.column)"
        return error.message(at: place)
    }
}

extension HubError {
    /// True when the mistake is in what was typed (a name, a value out of range), which no
    /// state of the log could make right: exit status 2, as for a usage error. A hub or group
    /// that does not exist, or a log that fails, is a run-time failure: status 1.
    var isUsageError: Bool {
        switch self {
        case .invalidHubName, .invalidGroupName, .invalidPartitionCount, .invalidRetention,
            .invalidMaxEventSize, .invalidReplicas, .keyAndPartition, .invalidPosition,
            .invalidSequenceNumber, .invalidProperty:
            return true
        default:
            return false
        }
    }
}

extension RegistryError {
    /// True for a schema group or schema name that can never be valid: exit status 2.
    var isUsageError: Bool {
        switch self {
        case .invalidGroupName, .invalidSchemaName, .invalidQualifiedName: return true
        default: return false
        }
    }
}
