package com.onecloud.testsupport.contract;

import java.util.Set;

import com.onecloud.access.Api;
import com.onecloud.access.PrincipalKind;

/** Makes a credential exist for the implementation under contract: rows in the database, or an entry in a double. */
public interface CredentialIssuer {

    IssuedCredential issue(PrincipalKind kind, Set<Api> apis, CredentialState state);
}
