package dev.covet.benchmarks.child;

/** Runs what a child was asked to: picks the tool's call for the scenario. */
public final class Tasks {

    private Tasks() {
    }

    public static CallResult run(ChildArgs a) throws Exception {
        return switch (a.scenario()) {
            case "startup" -> switch (a.tool()) {
                case "covet" -> CovetCalls.migrate(a.target(), a.dir(), a.db().dialect());
                case "flyway" -> FlywayCalls.migrate(a.target(), a.dir());
                case "liquibase" -> LiquibaseCalls.update(a.target(), a.dir());
                case "jdbc" -> JdbcFloor.start(a.target(), a.dir());
                default -> throw unknown(a);
            };
            case "fresh", "squash" -> switch (a.tool()) {
                case "covet" -> CovetCalls.migrate(a.target(), a.dir(), a.db().dialect());
                case "flyway" -> FlywayCalls.migrate(a.target(), a.dir());
                case "liquibase" -> LiquibaseCalls.update(a.target(), a.dir());
                case "jdbc" -> JdbcFloor.apply(a.target(), a.dir());
                default -> throw unknown(a);
            };
            case "introspect" -> switch (a.tool()) {
                case "covet" -> CovetCalls.introspect(a.target(), a.db().dialect());
                case "liquibase" -> LiquibaseCalls.snapshot(a.target());
                default -> throw unknown(a);
            };
            case "rebuild" -> switch (a.tool()) {
                case "covet" -> CovetCalls.forcedRebuild(a.target(), a.dir());
                case "plain" -> JdbcFloor.plainCopy(a.target());
                case "manual" -> JdbcFloor.manualRebuild(a.target());
                default -> throw unknown(a);
            };
            case "info" -> switch (a.tool()) {
                case "flyway" -> FlywayCalls.info(a.target(), a.dir());
                default -> throw unknown(a);
            };
            case "rename" -> CovetCalls.detectRenames();
            case FleetCalls.SCENARIO -> switch (a.tool()) {
                case "covet" -> FleetCalls.covet(a.target(), a.dir(), Integer.parseInt(a.options().getOrDefault("parallelism", "1")),
                        Integer.parseInt(a.options().getOrDefault("pool", "0")));
                case "flyway" -> FleetCalls.flywayLoop(a.target(), a.dir(), Integer.parseInt(a.options().getOrDefault("pool", "0")));
                default -> throw unknown(a);
            };
            default -> throw unknown(a);
        };
    }

    private static IllegalArgumentException unknown(ChildArgs a) {
        return new IllegalArgumentException("no tool '" + a.tool() + "' for scenario '" + a.scenario() + "'");
    }
}
