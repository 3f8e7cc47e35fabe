import CSupport

/// SIGTERM and SIGHUP while a command runs that would leave storage behind if killed.
///
/// Outside such commands both signals keep their default action and end hubsh at once, as
/// they always have: `tail`, `read` or `publish` have nothing to undo, and a shell that waited
/// for a command to notice the signal could outlive its closed terminal. A benchmark makes a
/// throwaway hub and scratch files, so while one runs the signals are taken like Ctrl-C: the
/// run stops, removes what it made and reports the part run; then the shell ends the process
/// by the same signal (a parent shell shows 143 for SIGTERM, 129 for SIGHUP).
///
/// Everything here runs on the shell's thread; the handlers only set flags.
enum TerminationSignals {
    /// `command`, taking SIGTERM and SIGHUP like Ctrl-C while it runs.
    static func stopping(_ command: Command) -> Command {
        let run = command.run
        return Command(command.spec, extraFlags: command.extraFlags) { arguments, context in
            hubsh_catch_termination()
            defer { hubsh_release_termination() }
            try run(arguments, context)
        }
    }

    /// Ends the process when SIGTERM or SIGHUP stopped the last command, after flushing what
    /// it printed; returns otherwise. The shell calls it once a command has been reported.
    static func endProcessIfCaught(_ output: Output) {
        guard hubsh_termination_pending() != 0 else { return }
        output.flush()
        hubsh_end_by_termination()
    }
}
