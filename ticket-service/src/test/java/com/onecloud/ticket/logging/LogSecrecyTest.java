package com.onecloud.ticket.logging;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

import com.onecloud.testsupport.AuthServiceDouble;
import com.onecloud.testsupport.EmbeddedKafkaResource;
import com.onecloud.testsupport.TicketDatabase;
import com.onecloud.ticket.support.IssuedCredentials;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

/** Runs after the other tests: the log they produced holds none of the tokens and secrets they issued or used. */
@QuarkusTest
@QuarkusTestResource(TicketDatabase.class)
@QuarkusTestResource(EmbeddedKafkaResource.class)
@QuarkusTestResource(AuthServiceDouble.class)
@Order(Integer.MAX_VALUE)
class LogSecrecyTest {

    private static final Pattern TOKEN = Pattern.compile("oc_[0-9A-Za-z]{16}_[0-9A-Za-z]{38}");

    @Test
    void theLogHoldsNoCredential() throws Exception {
        String log = Files.readString(Path.of("target/ticket-service-test.log"));
        // The other tests ran before this one: every path that handles a credential has left its trace.
        assertThat(log).as("the other tests ran and logged").contains("Issued APPLICATION ticket")
                .contains("Issued USER ticket").contains("Issued SUPERUSER ticket").contains("Rotated ticket")
                .contains("Rotation grace of credential").contains("Revoked ticket").contains("User deleted (event")
                .contains("Created bootstrap SUPERUSER ticket");
        assertThat(IssuedCredentials.all()).as("the other tests issued credentials").hasSizeGreaterThan(20);
        for (String credential : IssuedCredentials.all()) {
            assertThat(log).doesNotContain(credential);
        }
        assertThat(TOKEN.matcher(log).find()).as("no OneCloud token at all").isFalse();
    }
}
