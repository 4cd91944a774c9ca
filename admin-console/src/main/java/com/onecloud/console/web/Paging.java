package com.onecloud.console.web;

/**
 * The position in a paged list and its links: the console shows {@link #SIZE} rows a page, whatever the list.
 *
 * @param offset the first row shown (from 0)
 * @param total how many rows there are
 * @param link the list's URL with its filters, ending in {@code ?…&} or {@code ?}, to which {@code offset=} is added
 */
public record Paging(int offset, long total, String link) {

    public static final int SIZE = 20;

    /** A requested offset as a row number: anything not a non-negative number is the first page. */
    public static int offset(String requested) {
        try {
            int offset = requested == null ? 0 : Integer.parseInt(requested.trim());
            return Math.max(0, offset);
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    public boolean hasPrevious() {
        return offset > 0;
    }

    public boolean hasNext() {
        return offset + SIZE < total;
    }

    public String previous() {
        return link + "offset=" + Math.max(0, offset - SIZE);
    }

    public String next() {
        return link + "offset=" + (offset + SIZE);
    }

    public long first() {
        return total == 0 ? 0 : offset + 1;
    }

    public long last() {
        return Math.min(total, offset + SIZE);
    }
}
