package dev.covet.migrations.autoconfigure.dashboard;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DashboardPageTests {

    @Test
    void theEndpointIsAddressedRelativeToThePageSoAContextPathIsKept() {
        assertThat(DashboardPage.relativeTo("/covet/dashboard", "/actuator/migrations/dashboard"))
                .isEqualTo("../actuator/migrations/dashboard");
        assertThat(DashboardPage.relativeTo("/dashboard", "/actuator/migrations/dashboard"))
                .isEqualTo("actuator/migrations/dashboard");
        assertThat(DashboardPage.relativeTo("/ops/covet/dashboard/", "/manage/migrations/dashboard"))
                .isEqualTo("../../manage/migrations/dashboard");
        assertThat(new DashboardPage("/manage/", "/covet/dashboard").html()).contains("\"../manage/migrations/dashboard\"");
    }

    @Test
    void aBasePathTheScriptCannotHoldSafelyIsRefused() {
        assertThatThrownBy(() -> new DashboardPage("/act\"uator", "/covet/dashboard"))
                .hasMessageContaining("management.endpoints.web.base-path");
    }
}
