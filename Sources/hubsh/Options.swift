import HubCore
import Foundation
import HubShell

/// hubsh's own command line: where the data lives, how to run, and what to run.
struct Options {
    var dataDirectory: String?
    /// `--engine TARGET`: a NATS cluster, or the embedded log in a directory.
    var engine: EngineTarget?
    var json = false
    var keepGoing = false
    var noColor = false
    var verbose = false
    var noPlugins = false
    var commands: String?
    var scriptFile: String?
    var showHelp = false
    var showVersion = false

    /// The script name that means standard input: `hubsh -f -`, `hubsh -`.
    static let standardInputName = "-"

    static let usage = """
        usage: hubsh [--data DIR | --engine TARGET] [--json] [--keep-going] [--no-color]
                     [--no-plugins] [--verbose] [-c COMMANDS | -f SCRIPT | SCRIPT]

        An interactive, scriptable shell for Event-Hubs-style event streams, on this machine's
        embedded log or on a NATS JetStream cluster.

          --data DIR      the data directory of the embedded log (default $HUBSH_HOME, else
                          $XDG_DATA_HOME/hubsh, else ~/.local/share/hubsh); one directory is
                          one namespace
          --engine TARGET nats://HOST:PORT[,HOST:PORT...][/NAMESPACE] for a NATS JetStream
                          cluster (namespace default 'default'); lmdb:DIR or a plain path
                          for the embedded log in DIR. Default $HUBSH_ENGINE, else the
                          data directory above. Not together with --data
          --json          print JSON from every command, one object per line
          -c COMMANDS     run COMMANDS (separated by ';' or newlines) and exit
          -f SCRIPT       run the script file and exit (also: hubsh SCRIPT); - reads
                          the script from standard input
          --keep-going    in -c, -f and piped input, go on after a failing command
          --no-color      no colours, even on a terminal (NO_COLOR=1 does the same)
          --no-plugins    load no plugins at start; otherwise hubsh loads those in
                          $HUBSH_PLUGIN_PATH (files or folders, separated by ':') and in
                          $XDG_DATA_HOME/hubsh/plugins (else ~/.local/share/hubsh/plugins)
          --verbose       debug diagnostics on stderr
          --version       print the version
          -h, --help      print this help

        Without -c or -f, hubsh reads commands from the terminal with line editing, or from
        standard input when it is not a terminal. Type 'help' inside for the commands;
        'open TARGET' switches to another data directory or cluster.

        exit status: 0 success, 1 a command failed, 2 a usage error, 130 interrupted
        """

    /// The value of `--data`, which must name a directory: an empty path would put the store
    /// in the working directory without saying so.
    private static func directory(_ path: String) throws -> String {
        guard !path.isEmpty else {
            throw OptionError("--data needs a directory path, not an empty one")
        }
        return path
    }

    /// The target of `--engine`, or a usage error naming what is wrong with it.
    static func engine(_ text: String, from source: String = "--engine") throws -> EngineTarget {
        do {
            return try EngineTarget.parse(text)
        } catch let error as EngineTargetError {
            throw OptionError("\(source): \(error)")
        }
    }

    /// Parses `arguments` (without the program name); throws a message for a usage error.
    static func parse(_ arguments: [String]) throws -> Options {
        var options = Options()
        var index = 0
        func value(for flag: String) throws -> String {
            index += 1
            guard index < arguments.count else { throw OptionError("\(flag) needs a value") }
            return arguments[index]
        }
        while index < arguments.count {
            let argument = arguments[index]
            switch argument {
            case "--data", "-d": options.dataDirectory = try directory(value(for: argument))
            case "--engine": options.engine = try engine(value(for: argument))
            case "--json": options.json = true
            case "--keep-going", "-k": options.keepGoing = true
            case "--no-color", "--no-colour": options.noColor = true
            case "--verbose", "-v": options.verbose = true
            case "--no-plugins": options.noPlugins = true
            case "-c", "--command": options.commands = try value(for: argument)
            case "-f", "--file": options.scriptFile = try value(for: argument)
            case "-h", "--help": options.showHelp = true
            case "--version": options.showVersion = true
            default:
                if argument.hasPrefix("--data=") {
                    options.dataDirectory = try directory(
                        String(argument.dropFirst("--data=".count)))
                } else if argument.hasPrefix("--engine=") {
                    options.engine = try engine(String(argument.dropFirst("--engine=".count)))
                } else if argument.hasPrefix("-") && argument != "-" {
                    throw OptionError(
                        "unknown option '\(argument)' (see 'hubsh --help')")
                } else if options.scriptFile == nil {
                    options.scriptFile = argument
                } else {
                    throw OptionError("unexpected argument '\(argument)'; give one script")
                }
            }
            index += 1
        }
        if options.commands != nil && options.scriptFile != nil {
            throw OptionError("give -c COMMANDS or a script, not both")
        }
        if options.dataDirectory != nil && options.engine != nil {
            throw OptionError(
                "give --data DIR or --engine TARGET, not both (--engine lmdb:DIR names a data"
                    + " directory too)")
        }
        return options
    }
}

struct OptionError: Error, CustomStringConvertible {
    var description: String

    init(_ description: String) { self.description = description }
}

/// Where the namespace lives when `--data` is not given.
enum DataDirectory {
    /// `$HUBSH_HOME`, else `$XDG_DATA_HOME/hubsh`, else `~/.local/share/hubsh`, where `~` is
    /// `$HOME` when set (`HomeDirectory`).
    static func resolve(_ given: String?, environment: [String: String]) -> String {
        if let given { return expand(given, environment: environment) }
        if let home = environment["HUBSH_HOME"], !home.isEmpty {
            return expand(home, environment: environment)
        }
        if let data = environment["XDG_DATA_HOME"], !data.isEmpty {
            return (expand(data, environment: environment) as NSString)
                .appendingPathComponent("hubsh")
        }
        return HomeDirectory.expand("~/.local/share/hubsh", environment: environment)
    }

    /// The namespace's name for the prompt: the folder's name, or `default` for the default.
    static func namespace(of directory: String, given: String?, environment: [String: String])
        -> String
    {
        if given == nil && (environment["HUBSH_HOME"] ?? "").isEmpty { return "default" }
        let name = (directory as NSString).lastPathComponent
        return name.isEmpty ? "default" : name
    }

    static func expand(_ path: String, environment: [String: String]) -> String {
        let home = HomeDirectory.expand(path, environment: environment)
        let expanded = (home as NSString).expandingTildeInPath
        if expanded.hasPrefix("/") { return expanded }
        return (FileManager.default.currentDirectoryPath as NSString)
            .appendingPathComponent(expanded)
    }
}
