package com.onecloud.resource.search;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import jakarta.inject.Singleton;

import com.onecloud.http.paging.PageRequest;
import com.onecloud.resource.common.Page;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * Contact search: a fragment of a name, company, email or number, case-insensitively, over the caller's personal
 * contacts and their organization's directory. The fragment is a bound parameter with LIKE's metacharacters escaped,
 * so {@code %}, {@code _}, quotes and backslashes are matched literally; trigram indexes keep it fast.
 */
@Singleton // called on every request: no client proxy to look the instance up on each call
public class ContactSearch {

    /** The longest fragment a search takes. */
    public static final int MAX_FRAGMENT = 100;

    private static final String MATCHES = """
            SELECT 'PERSONAL' AS type, id, first_name, last_name, email, phone_number FROM contact
             WHERE organization_id = $1 AND owner_user_id = $2 AND search_text LIKE $3 ESCAPE '\\'
            UNION ALL
            SELECT 'DIRECTORY', id, first_name, last_name, email, phone_number FROM directory_user
             WHERE organization_id = $1 AND search_text LIKE $3 ESCAPE '\\'
            """;
    /**
     * The page and, in every row, the number of all hits: one statement, whose sort reads every hit anyway. Only a
     * page past the last hit has no row to carry the total; then {@link #COUNT} counts them.
     */
    private static final String PAGE = "SELECT *, count(*) OVER () AS total FROM (" + MATCHES + ") hits "
            + "ORDER BY type DESC, last_name, first_name, id LIMIT $4 OFFSET $5";
    private static final String COUNT = "SELECT count(*) AS total FROM (" + MATCHES + ") hits";

    private final Pool pool;

    ContactSearch(Pool pool) {
        this.pool = pool;
    }

    public Uni<Page> search(String organizationId, String userId, String fragment, PageRequest page) {
        String pattern = containing(fragment);
        return pool.preparedQuery(PAGE).execute(Tuple.of(organizationId, userId, pattern, page.limit(), page.offset()))
                .chain(rows -> {
                    List<SearchHit> hits = new ArrayList<>(rows.size());
                    long total = 0;
                    for (Row row : rows) {
                        total = row.getLong("total");
                        hits.add(new SearchHit(row.getString("type"), row.getString("id"),
                                row.getString("first_name"), row.getString("last_name"), row.getString("email"),
                                row.getString("phone_number")));
                    }
                    if (!hits.isEmpty() || page.offset() == 0) {
                        return Uni.createFrom().item(Page.of(hits, total, page));
                    }
                    return pool.preparedQuery(COUNT).execute(Tuple.of(organizationId, userId, pattern))
                            .map(counted -> Page.of(hits, counted.iterator().next().getLong("total"), page));
                });
    }

    /** The LIKE pattern of {@code search_text} values that contain {@code fragment}, matched literally. */
    public static String containing(String fragment) {
        return "%" + escapeLike(fragment.toLowerCase(Locale.ROOT)) + "%";
    }

    static String escapeLike(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }
}
