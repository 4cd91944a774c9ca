package com.onecloud.ticket.support;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.onecloud.testsupport.EmbeddedPostgresResource;

/** Direct JDBC access to the service's database, to assert on rows rather than on what the API says. */
public final class Db {

    private Db() {
    }

    public static List<Map<String, Object>> rows(String sql, Object... params) {
        try (Connection c = DriverManager.getConnection(EmbeddedPostgresResource.jdbcUrl(),
                EmbeddedPostgresResource.USER, EmbeddedPostgresResource.PASSWORD);
                PreparedStatement statement = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                statement.setObject(i + 1, params[i]);
            }
            List<Map<String, Object>> rows = new ArrayList<>();
            try (ResultSet rs = statement.executeQuery()) {
                ResultSetMetaData meta = rs.getMetaData();
                while (rs.next()) {
                    Map<String, Object> row = new LinkedHashMap<>();
                    for (int i = 1; i <= meta.getColumnCount(); i++) {
                        row.put(meta.getColumnLabel(i), rs.getObject(i));
                    }
                    rows.add(row);
                }
            }
            return rows;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    public static long count(String sql, Object... params) {
        return ((Number) rows(sql, params).get(0).values().iterator().next()).longValue();
    }

    /** Every value of the rows as text (bytea as UTF-8 and as hex), to search for a credential anywhere in them. */
    public static String dump(List<Map<String, Object>> rows) {
        StringBuilder all = new StringBuilder();
        for (Map<String, Object> row : rows) {
            for (Object value : row.values()) {
                if (value instanceof byte[] bytes) {
                    all.append(new String(bytes, StandardCharsets.UTF_8)).append('|')
                            .append(HexFormat.of().formatHex(bytes));
                } else {
                    all.append(value);
                }
                all.append('|');
            }
            all.append('\n');
        }
        return all.toString();
    }
}
