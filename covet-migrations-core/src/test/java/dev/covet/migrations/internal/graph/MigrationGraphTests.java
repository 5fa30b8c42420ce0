package dev.covet.migrations.internal.graph;

import dev.covet.migrations.Migration;
import dev.covet.migrations.MigrationException;
import dev.covet.migrations.MigrationId;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MigrationGraphTests {

    private static Migration m(String id, String... deps) {
        MigrationId mid = MigrationId.parse(id, MigrationId.DEFAULT_APP);
        return new Migration(mid, "", Arrays.stream(deps).map(d -> MigrationId.parse(d, mid.app())).toList(),
                List.of(), null, null, List.of(), "c", id + ".yaml");
    }

    @Test
    void ordersByDependenciesThenFileNumber() {
        List<Migration> order = MigrationGraph.of(List.of(
                m("0003_c", "0002_b"), m("0002_b", "0001_a"), m("0001_a"),
                m("billing:0001_x", "default:0002_b"), m("billing:0002_y", "0001_x"))).order();
        assertThat(order).extracting(x -> x.id().toString())
                .containsExactly("0001_a", "0002_b", "billing:0001_x", "billing:0002_y", "0003_c");
    }

    @Test
    void unknownDependencyNamesTheFile() {
        assertThatThrownBy(() -> MigrationGraph.of(List.of(m("0001_a"), m("0002_b", "0001_z"))))
                .isInstanceOf(MigrationException.class)
                .hasMessageContaining("0002_b.yaml").hasMessageContaining("0001_z does not exist")
                .hasMessageContaining("did you mean 0001_a");
    }

    @Test
    void cyclesAreNamed() {
        assertThatThrownBy(() -> MigrationGraph.of(List.of(m("0001_a", "0003_c"), m("0002_b", "0001_a"), m("0003_c", "0002_b"))))
                .hasMessageContaining("cycle").hasMessageContaining("0001_a (0001_a.yaml) depends on 0003_c")
                .hasMessageContaining("0003_c (0003_c.yaml) depends on 0002_b");
    }

    @Test
    void twoUnmergedLeavesAreAConflict() {
        assertThatThrownBy(() -> MigrationGraph.of(List.of(m("0001_a"), m("0002_b", "0001_a"), m("0002_c", "0001_a"))))
                .hasMessageContaining("conflicting migrations in app 'default'")
                .hasMessageContaining("0002_b (0002_b.yaml)").hasMessageContaining("0002_c (0002_c.yaml)");
        assertThat(MigrationGraph.of(List.of(m("0001_a"), m("0002_b", "0001_a"), m("0002_c", "0001_a"),
                m("0003_merge", "0002_b", "0002_c"))).order()).hasSize(4);
    }

    @Test
    void dependentsAreTransitive() {
        MigrationGraph g = MigrationGraph.of(List.of(m("0001_a"), m("0002_b", "0001_a"), m("0003_c", "0002_b")));
        assertThat(g.dependentsOf(new MigrationId("default", "0001_a")))
                .containsExactlyInAnyOrder(new MigrationId("default", "0002_b"), new MigrationId("default", "0003_c"));
    }
}
