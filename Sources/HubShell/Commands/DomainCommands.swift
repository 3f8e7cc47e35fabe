/// The commands that work on hubs and events, in the order `help` lists them.
public enum DomainCommands {
    public static let all: [Command] =
        HubCommands.all + GroupCommands.all
        + [Publish.command, Read.command, Tail.command, Consume.command]
        + CheckpointCommands.all + [Lag.command] + BenchCommands.all
}
