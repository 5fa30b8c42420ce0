package dev.covet.migrations.internal.loader;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.core.JacksonException;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.dataformat.yaml.YAMLFactory;
import tools.jackson.dataformat.yaml.YAMLMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The streaming tree builder gives exactly the tree a Jackson mapper's readTree gives. */
class DocumentTreesTests {

    private static final YAMLMapper YAML_MAPPER = YAMLMapper.builder().build();
    private static final JsonMapper JSON_MAPPER = JsonMapper.builder().build();

    @ParameterizedTest
    @ValueSource(strings = {
            "description: text\noperations: []\n",
            "a: 1\nb: 3000000000\nc: 123456789012345678901234567890\nd: 1.25\ne: -0.5\nf: 1e3\n",
            "flags: [true, false, yes, no, on, null, ~]\nquoted: \"true\"\nnumeric_string: '0042'\n",
            "ops:\n  - {type: ADD_COLUMN, column: {name: x, type: \"DECIMAL(10,2)\", default: 0.10}}\n  - type: RUN_SQL\n    sql: [a, b]\n",
            "base: &b {name: id, type: BIGINT}\ncopy: *b\n",
            "nested:\n  deeper:\n    - - 1\n      - [2, {k: v}]\n    - {}\n    - []\n",
            "just a scalar",
            "- 1\n- two\n",
            "text: |\n  line one\n  line two\nfolded: >\n  a\n  b\n",
            ""})
    void yamlTreesMatchTheMapper(String yaml) {
        assertThat(DocumentTrees.read(YAMLFactory.builder().build(), yaml)).isEqualTo(YAML_MAPPER.readTree(yaml));
    }

    @ParameterizedTest
    @ValueSource(strings = {"{\"a\": 1, \"b\": [1.5, \"x\", null, true], \"c\": {\"d\": 9223372036854775808}}", "[]", "\"s\"", "  "})
    void jsonTreesMatchTheMapper(String json) {
        assertThat(DocumentTrees.read(JsonFactory.builder().build(), json)).isEqualTo(JSON_MAPPER.readTree(json));
    }

    @ParameterizedTest
    @ValueSource(strings = {"{\"operations\": [], \"operations\": [{\"type\": \"DROP_TABLE\"}]}", "[{\"a\": 1, \"b\": {\"c\": 1, \"c\": 2}}]"})
    void aRepeatedJsonKeyIsRefusedWithItsLine(String json) {
        assertThatThrownBy(() -> DocumentTrees.read(JsonFactory.builder().build(), json))
                .isInstanceOf(JacksonException.class).hasMessageContaining("duplicate key")
                .satisfies(e -> assertThat(((JacksonException) e).getLocation().getLineNr()).isPositive());
    }

    @Test
    void malformedInputFailsWithItsLocation() {
        assertThatThrownBy(() -> DocumentTrees.read(YAMLFactory.builder().build(), "a: [1, 2\nb: 3\n"))
                .isInstanceOf(JacksonException.class)
                .satisfies(e -> assertThat(((JacksonException) e).getLocation().getLineNr()).isPositive());
        assertThatThrownBy(() -> DocumentTrees.read(JsonFactory.builder().build(), "{\"a\": }"))
                .isInstanceOf(JacksonException.class);
        // As the mapper does, a second document is refused rather than silently ignored.
        String twoDocuments = "first: 1\n---\nsecond: 2\n";
        assertThatThrownBy(() -> YAML_MAPPER.readTree(twoDocuments)).isInstanceOf(JacksonException.class);
        assertThatThrownBy(() -> DocumentTrees.read(YAMLFactory.builder().build(), twoDocuments))
                .isInstanceOf(JacksonException.class).hasMessageContaining("one document per file");
    }
}
