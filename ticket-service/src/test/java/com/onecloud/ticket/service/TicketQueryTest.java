package com.onecloud.ticket.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

import com.onecloud.access.PrincipalKind;
import com.onecloud.http.paging.PageRequest;
import com.onecloud.http.problem.ApiException;
import com.onecloud.http.problem.InvalidInput;
import com.onecloud.http.problem.Violation;
import com.onecloud.ticket.repository.TicketFilter;
import com.onecloud.ticket.repository.TicketStatus;

/** A ticket list's query parameters as filters and paging. */
class TicketQueryTest {

    @Test
    void absentOrEmptyFiltersMatchEveryTicketOnTheDefaultPage() {
        TicketQuery query = new TicketQuery(null, "", "", null, null);
        assertThat(query.filter()).isEqualTo(new TicketFilter(null, null, null));
        assertThat(query.page()).isEqualTo(new PageRequest(PageRequest.DEFAULT_LIMIT, 0));
    }

    @Test
    void filtersAreNamesInAnyCase() {
        TicketQuery query = new TicketQuery("revoked", " Application ", "u1", "10", "20");
        assertThat(query.filter()).isEqualTo(new TicketFilter(TicketStatus.REVOKED, PrincipalKind.APPLICATION, "u1"));
        assertThat(query.page()).isEqualTo(new PageRequest(10, 20));
    }

    @Test
    void aBadValueIsRefusedNamingItsParameter() {
        assertRefused(new TicketQuery("gone", null, null, null, null)::filter, "status",
                "status must be one of ACTIVE, REVOKED, EXPIRED.");
        assertRefused(new TicketQuery(null, "ROBOT", null, null, null)::filter, "kind",
                "kind must be one of USER, APPLICATION, SUPERUSER.");
        assertRefused(new TicketQuery(null, null, null, "many", null)::page, "limit", "Invalid paging parameters.");
    }

    private static void assertRefused(Runnable parse, String field, String message) {
        assertThatThrownBy(parse::run).isInstanceOf(InvalidInput.class).hasMessage(message)
                .satisfies(e -> assertThat(((ApiException) e).violations()).extracting(Violation::field)
                        .containsExactly(field));
    }
}
