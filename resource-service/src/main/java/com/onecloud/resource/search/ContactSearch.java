package com.onecloud.resource.search;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import jakarta.enterprise.context.ApplicationScoped;

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
@ApplicationScoped
public class ContactSearch {

    private static final String MATCHES = """
            SELECT 'PERSONAL' AS type, id, first_name, last_name, email, phone_number FROM contact
             WHERE organization_id = $1 AND owner_user_id = $2 AND search_text LIKE $3 ESCAPE '\\'
            UNION ALL
            SELECT 'DIRECTORY', id, first_name, last_name, email, phone_number FROM directory_user
             WHERE organization_id = $1 AND search_text LIKE $3 ESCAPE '\\'
            """;
    private static final String PAGE = "SELECT * FROM (" + MATCHES + ") hits "
            + "ORDER BY type DESC, last_name, first_name, id LIMIT $4 OFFSET $5";
    private static final String COUNT = "SELECT count(*) AS total FROM (" + MATCHES + ") hits";

    private final Pool pool;

    ContactSearch(Pool pool) {
        this.pool = pool;
    }

    public Uni<Page> search(String organizationId, String userId, String fragment, PageRequest page) {
        String pattern = "%" + escapeLike(fragment.toLowerCase(Locale.ROOT)) + "%";
        Uni<List<SearchHit>> hits = pool.preparedQuery(PAGE)
                .execute(Tuple.of(organizationId, userId, pattern, page.limit(), page.offset()))
                .map(rows -> {
                    List<SearchHit> result = new ArrayList<>();
                    for (Row row : rows) {
                        result.add(new SearchHit(row.getString("type"), row.getString("id"),
                                row.getString("first_name"), row.getString("last_name"), row.getString("email"),
                                row.getString("phone_number")));
                    }
                    return result;
                });
        Uni<Long> total = pool.preparedQuery(COUNT).execute(Tuple.of(organizationId, userId, pattern))
                .map(rows -> rows.iterator().next().getLong("total"));
        return Uni.combine().all().unis(hits, total).asTuple()
                .map(both -> Page.of(both.getItem1(), both.getItem2(), page));
    }

    static String escapeLike(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }
}
