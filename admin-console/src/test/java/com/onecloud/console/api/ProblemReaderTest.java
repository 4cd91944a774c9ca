package com.onecloud.console.api;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** An API's refusal becomes a sentence and a log token; a body that is not a problem never reaches the page. */
class ProblemReaderTest {

    @Test
    void aProblemGivesItsDetailLogTokenAndFields() {
        ApiProblem problem = ProblemReader.read("resource-service", 400, """
                {"type":"about:blank","title":"Bad Request","status":400,"detail":"The request is invalid.",
                 "logToken":"a1b2c3","validationResult":[{"field":"email","message":"must be an email address"}]}""",
                null);
        assertThat(problem.message()).isEqualTo("resource-service refused this (400): The request is invalid.");
        assertThat(problem.logToken()).isEqualTo("a1b2c3");
        assertThat(problem.fields()).containsExactly("email: must be an email address");
    }

    @Test
    void withoutDetailTheTitleAndWithoutLogTokenTheWarningHeaderServe() {
        ApiProblem problem = ProblemReader.read("ticket-service", 409, "{\"title\":\"Conflict\"}",
                "703 ticket-service \"Error occurred, see x9y8z7\"");
        assertThat(problem.detail()).isEqualTo("Conflict");
        assertThat(problem.logToken()).isEqualTo("x9y8z7");
    }

    @Test
    void aBodyThatIsNotAProblemIsNotShown() {
        ApiProblem problem = ProblemReader.read("ticket-service", 502, "<html><body>java.lang.NullPointerException"
                + " at com.example.Foo</body></html>", null);
        assertThat(problem.message()).doesNotContain("html").doesNotContain("Exception")
                .contains("the answer carried no explanation");
        assertThat(problem.logToken()).isNull();
        assertThat(problem.fields()).isEmpty();
    }

    @Test
    void aWarningThatIsNotOursGivesNoLogToken() {
        assertThat(ProblemReader.fromWarning("199 proxy \"see <script>alert(1)</script>\"")).isNull();
        assertThat(ProblemReader.fromWarning(null)).isNull();
    }
}
