package dev.covet.migrations.cli;

/** A command holding its {@link CommandSpec}, so each command declares what it accepts once, in its constructor. */
abstract class SpecifiedCommand implements CovetCommand {

    private final CommandSpec spec;

    SpecifiedCommand(CommandSpec spec) {
        this.spec = spec;
    }

    @Override
    public final CommandSpec spec() {
        return spec;
    }
}
