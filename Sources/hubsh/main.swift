import CSupport
import Foundation
import HubCore
import HubLMDB
import HubShell

/// hubsh: parse the command line, open the namespace's engine, and run the shell.
func main() -> Int32 {
    hubsh_ignore_sigpipe()
    let environment = ProcessInfo.processInfo.environment
    let options: Options
    do {
        options = try Options.parse(Array(CommandLine.arguments.dropFirst()))
    } catch {
        FileHandle.standardError.write(Data("hubsh: \(error)\n".utf8))
        return 2
    }
    if options.showHelp {
        print(Options.usage)
        return 0
    }
    if options.showVersion {
        print("hubsh \(HubshVersion.current)")
        return 0
    }

    let output = Output.standard(json: options.json, noColor: options.noColor)
    output.verbose = options.verbose
    let engine: OpenedEngine
    do {
        let start = try Engines.startingTarget(options, environment: environment)
        // A directory hubsh picks itself is made quietly on the first run; one a person
        // named is announced when it is new, in case the name was a typo.
        let picked = Engines.picksTheDirectory(options, environment: environment)
        engine = try Engines.open(
            start.target, label: start.label, makesParents: picked,
            notice: { if !picked { output.note("hubsh: \($0)") } })
    } catch let error as OptionError {
        FileHandle.standardError.write(Data("hubsh: \(error)\n".utf8))
        return 2
    } catch {
        output.error("\(error)")
        output.flush()
        return 1
    }

    let interactive = options.commands == nil && options.scriptFile == nil && isatty(0) == 1
    let context = ShellContext(
        engine: engine, output: output, isInteractive: interactive,
        engineOpener: { try Engines.open($0) })
    let registry = CommandRegistry(DomainCommands.all)
    let shell = Shell(
        context: context, registry: registry,
        options: ShellOptions(
            keepGoing: options.keepGoing, historyPath: interactive ? History.defaultPath() : nil))
    if !options.noPlugins {
        shell.autoloadPlugins(PluginSearchPath.files(environment: environment))
    }

    let status: Int32
    if let commands = options.commands {
        status = shell.runScript(commands, file: nil)
    } else if let file = options.scriptFile, file != Options.standardInputName {
        status = shell.runScriptFile(file)
    } else if interactive {
        status = shell.runInteractive()
    } else {
        status = shell.runStandardInput()
    }
    output.flush()
    return status
}

exit(main())
