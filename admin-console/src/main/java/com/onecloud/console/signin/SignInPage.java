package com.onecloud.console.signin;

import jakarta.enterprise.context.ApplicationScoped;

import com.onecloud.console.oidc.ProviderSignIn;
import com.onecloud.console.web.Pages;

import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateInstance;

/** The sign-in page: the ticket form, and the provider's button when sign-in through a provider is on. */
@ApplicationScoped
public class SignInPage {

    private final Pages pages;
    private final Template signIn;
    private final ProviderSignIn provider;

    SignInPage(Pages pages, @Location("sign-in.html") Template signIn, ProviderSignIn provider) {
        this.pages = pages;
        this.signIn = signIn;
        this.provider = provider;
    }

    public TemplateInstance render() {
        return pages.page(signIn, "Sign in").data("provider", provider.providerName());
    }
}
