package com.onecloud.console.ticket;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

/** The usage chart's bars: stacked, scaled to the busiest day, every non-zero count visible. */
class UsageChartTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void barsStackFromTheBottomAndTheBusiestDayFillsTheChart() throws Exception {
        UsageChart.Chart chart = UsageChart.of(JSON.readTree("""
                {"ticketId":"t1","days":[
                  {"date":"2026-12-01","allowed":100,"forbidden":10,"invalid":0},
                  {"date":"2026-12-02","allowed":1,"forbidden":0,"invalid":0},
                  {"date":"2026-12-03","allowed":0,"forbidden":0,"invalid":0}]}"""));
        assertThat(chart.peak()).isEqualTo(110);
        assertThat(chart.empty()).isFalse();
        UsageChart.Bar busiest = chart.bars().get(0);
        assertThat(busiest.allowedHeight() + busiest.forbiddenHeight()).isEqualTo(UsageChart.HEIGHT - 10);
        assertThat(busiest.allowedY() + busiest.allowedHeight()).isEqualTo(UsageChart.HEIGHT);
        assertThat(busiest.forbiddenY() + busiest.forbiddenHeight()).isEqualTo(busiest.allowedY());
        assertThat(chart.bars().get(1).allowedHeight()).as("one request still shows").isEqualTo(1);
        assertThat(chart.bars().get(2).allowedHeight()).isZero();
        assertThat(chart.bars().get(1).x()).isGreaterThan(busiest.x());
    }

    @Test
    void noDaysOrOnlyZerosIsAnEmptyChart() throws Exception {
        assertThat(UsageChart.of(JSON.readTree("{\"days\":[]}")).empty()).isTrue();
        assertThat(UsageChart.of(JSON.readTree("{\"days\":[{\"date\":\"2026-12-01\",\"allowed\":0,\"forbidden\":0,"
                + "\"invalid\":0}]}")).empty()).isTrue();
    }

    @Test
    void theExpiryDayLastsUntilItsEndInUtcAndBadInputReachesTheApiToBeNamed() {
        assertThat(TicketPages.expiresAt("2027-01-31")).isEqualTo("2027-01-31T23:59:59Z");
        assertThat(TicketPages.expiresAt(" ")).isNull();
        assertThat(TicketPages.expiresAt("31.1.2027")).isEqualTo("31.1.2027");
        assertThat(TicketPages.grace("")).isEqualTo(3600);
        assertThat(TicketPages.grace("0")).isEqualTo(0);
        assertThat(TicketPages.grace("soon")).isEqualTo("soon");
    }
}
