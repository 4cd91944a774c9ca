package com.onecloud.console.ticket;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A ticket's requests per day as an SVG bar chart the server draws: attributes only, no script and no inline style,
 * so the page's Content-Security-Policy holds. Each bar stacks allowed, forbidden and invalid requests; the table
 * beside it says the same in numbers for screen readers.
 */
public final class UsageChart {

    static final int HEIGHT = 120;
    static final int BAR_WIDTH = 18;
    static final int GAP = 6;

    private UsageChart() {
    }

    /** One day's bar: heights in pixels, from the bottom up: allowed, forbidden, invalid. */
    public record Bar(String date, long allowed, long forbidden, long invalid, int x, int allowedY, int allowedHeight,
            int forbiddenY, int forbiddenHeight, int invalidY, int invalidHeight) {
    }

    public record Chart(List<Bar> bars, int width, int height, long peak) {

        public boolean empty() {
            return bars.stream().allMatch(bar -> bar.allowed + bar.forbidden + bar.invalid == 0);
        }
    }

    public static Chart of(JsonNode usage) {
        List<JsonNode> days = new ArrayList<>();
        usage.path("days").forEach(days::add);
        long peak = 1;
        for (JsonNode day : days) {
            peak = Math.max(peak, total(day));
        }
        List<Bar> bars = new ArrayList<>();
        int x = GAP;
        for (JsonNode day : days) {
            long allowed = day.path("allowed").asLong();
            long forbidden = day.path("forbidden").asLong();
            long invalid = day.path("invalid").asLong();
            int allowedHeight = scale(allowed, peak);
            int forbiddenHeight = scale(forbidden, peak);
            int invalidHeight = scale(invalid, peak);
            int allowedY = HEIGHT - allowedHeight;
            int forbiddenY = allowedY - forbiddenHeight;
            int invalidY = forbiddenY - invalidHeight;
            bars.add(new Bar(day.path("date").asText(), allowed, forbidden, invalid, x, allowedY, allowedHeight,
                    forbiddenY, forbiddenHeight, invalidY, invalidHeight));
            x += BAR_WIDTH + GAP;
        }
        return new Chart(bars, Math.max(x, 2 * GAP), HEIGHT, peak);
    }

    private static long total(JsonNode day) {
        return day.path("allowed").asLong() + day.path("forbidden").asLong() + day.path("invalid").asLong();
    }

    /** A count as pixels of the chart's height; any non-zero count gets at least one pixel, so it shows. */
    static int scale(long count, long peak) {
        if (count == 0) {
            return 0;
        }
        return (int) Math.max(1, Math.round((double) count * (HEIGHT - 10) / peak));
    }
}
