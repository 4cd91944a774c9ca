package com.onecloud.console.oidc;

import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.ConfigProvider;

import com.onecloud.console.config.ConsoleConfig;

import io.quarkus.runtime.Startup;

/**
 * Whether the console offers sign-in through an OpenID Connect provider, and under which name. Made at start, so that
 * a console switched on without the provider's address or its own client fails to start rather than showing a
 * button that cannot work.
 */
@Startup
@ApplicationScoped
public class ProviderSignIn {

    private final ConsoleConfig.Oidc config;

    ProviderSignIn(ConsoleConfig config) {
        this.config = config.oidc();
        if (this.config.enabled()) {
            requireSettings(List.of(
                    new Setting("quarkus.oidc.auth-server-url", "ONECLOUD_CONSOLE_OIDC_AUTH_SERVER_URL"),
                    new Setting("quarkus.oidc.client-id", "ONECLOUD_CONSOLE_OIDC_CLIENT_ID"),
                    new Setting("quarkus.oidc.credentials.secret", "ONECLOUD_CONSOLE_OIDC_CLIENT_SECRET")));
        }
    }

    static void requireSettings(List<Setting> settings) {
        for (Setting setting : settings) {
            Optional<String> value = ConfigProvider.getConfig().getOptionalValue(setting.property(), String.class)
                    .filter(v -> !v.isBlank());
            if (value.isEmpty()) {
                throw new IllegalStateException("Sign-in through OpenID Connect is enabled"
                        + " (ONECLOUD_CONSOLE_OIDC_ENABLED) but " + setting.variable() + " (" + setting.property()
                        + ") is not set");
            }
        }
    }

    public boolean enabled() {
        return config.enabled();
    }

    /** The provider's name for the sign-in button, or null when sign-in through a provider is off. */
    public String providerName() {
        return config.enabled() ? config.providerName() : null;
    }

    public String apisClaim() {
        return config.apisClaim();
    }

    record Setting(String property, String variable) {
    }
}
