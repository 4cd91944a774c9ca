package com.onecloud.http.access;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import com.onecloud.access.Api;
import com.onecloud.access.Audience;
import com.onecloud.access.Internal;
import com.onecloud.access.Protected;
import com.onecloud.http.access.EndpointAccess.Guarded;
import com.onecloud.http.access.EndpointAccess.InternalOnly;
import com.onecloud.http.access.EndpointAccess.Mistake;

class EndpointAccessTest {

    @Protected(audience = Audience.ADMIN_API, api = Api.USERS)
    static class ProtectedClass {
        public void inherits() {
        }

        @Protected(audience = Audience.PLATFORM)
        public void overrides() {
        }

        @Internal("probe")
        public void internal() {
        }
    }

    static class Undeclared {
        public void nothing() {
        }

        @Protected(audience = Audience.USER_API, api = { Api.CONTACTS, Api.USERS })
        public void twoApis() {
        }

        @Protected(audience = Audience.USER_API)
        @Internal("both")
        public void both() {
        }

        @Internal(" ")
        public void noReason() {
        }
    }

    @Test
    void theMethodsDeclarationWinsOverItsClasss() throws Exception {
        assertThat(of(ProtectedClass.class, "inherits")).isInstanceOfSatisfying(Guarded.class,
                g -> assertThat(g.protection().api()).containsExactly(Api.USERS));
        assertThat(of(ProtectedClass.class, "overrides")).isInstanceOfSatisfying(Guarded.class,
                g -> assertThat(g.protection().audience()).isEqualTo(Audience.PLATFORM));
        assertThat(of(ProtectedClass.class, "internal")).isEqualTo(new InternalOnly("probe"));
    }

    @Test
    void nothingBothTwoApisOrAnUnexplainedInternalAreMistakes() throws Exception {
        assertThat(of(Undeclared.class, "nothing")).isInstanceOfSatisfying(Mistake.class,
                m -> assertThat(m.problem()).contains("neither @Protected nor @Internal"));
        assertThat(of(Undeclared.class, "twoApis")).isInstanceOfSatisfying(Mistake.class,
                m -> assertThat(m.problem()).contains("2 APIs"));
        assertThat(of(Undeclared.class, "both")).isInstanceOfSatisfying(Mistake.class,
                m -> assertThat(m.problem()).contains("both"));
        assertThat(of(Undeclared.class, "noReason")).isInstanceOf(Mistake.class);
    }

    private static EndpointAccess of(Class<?> type, String method) throws NoSuchMethodException {
        return EndpointAccess.of(type.getMethod(method), type);
    }
}
