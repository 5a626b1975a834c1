// SPDX-License-Identifier: GPL-3.0-or-later
package io.chai.model.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.chai.model.domain.Role;
import io.chai.model.domain.UserId;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The people of a project and their roles (annotator, reviewer, admin; specification §2.2), as the project copy
 * records them: the {@code team} entry of {@code project_meta}, a JSON object {@code {"ann": ["annotator"], ...}}.
 * An empty team means the project records no roles (every user may do everything; the workflow still refuses
 * reviewing one's own work). Written by the workstation's team editor; a shared PostgreSQL store's
 * {@code chai_users} can be mirrored here with {@link #replace}. Not a revision: roles are project settings.
 */
public final class ProjectTeam {
    static final String KEY = "team";
    private static final ObjectMapper JSON = new ObjectMapper();

    private ProjectTeam() {
    }

    /** User id → roles (sorted by id; roles in {@link Role} order); empty when the project records no roles. */
    public static Map<String, SortedSet<Role>> roles(ProjectStore store) {
        String json = store.read(() -> {
            PreparedStatement ps = store.db().ps("SELECT value FROM project_meta WHERE key = ?");
            ps.setString(1, KEY);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        });
        if (json == null) {
            return Map.of();
        }
        Map<String, Set<String>> raw;
        try {
            raw = JSON.readValue(json, new TypeReference<Map<String, Set<String>>>() { });
        } catch (JsonProcessingException e) {
            throw new ProjectStoreException("the project's team record is not readable (" + e.getOriginalMessage()
                    + "); set the roles again in the workstation (Review > Team)");
        }
        Map<String, SortedSet<Role>> out = new TreeMap<>();
        raw.forEach((user, roles) -> {
            SortedSet<Role> set = new TreeSet<>();
            for (String r : roles) {
                set.add(role(r));
            }
            out.put(user, Collections.unmodifiableSortedSet(set));
        });
        return Collections.unmodifiableMap(out);
    }

    /** Sets the roles of {@code user} (an empty set removes them from the team), in one transaction. */
    public static void setRoles(ProjectStore store, String user, Set<Role> roles) {
        String id = UserId.of(user).value();
        store.write(() -> {
            Map<String, SortedSet<Role>> team = new TreeMap<>(roles(store));
            if (roles.isEmpty()) {
                team.remove(id);
            } else {
                team.put(id, new TreeSet<>(roles));
            }
            write(store, team);
            return null;
        });
    }

    /** Replaces the whole team (e.g. mirrored from a shared store); an empty map records no roles. */
    public static void replace(ProjectStore store, Map<String, ? extends Set<Role>> team) {
        Map<String, SortedSet<Role>> copy = new TreeMap<>();
        team.forEach((u, r) -> {
            if (!r.isEmpty()) {
                copy.put(UserId.of(u).value(), new TreeSet<>(r));
            }
        });
        store.write(() -> {
            write(store, copy);
            return null;
        });
    }

    /** Parses {@code annotator}, {@code reviewer} or {@code admin}. */
    public static Role role(String name) {
        for (Role r : EnumSet.allOf(Role.class)) {
            if (r.name().toLowerCase(Locale.ROOT).equals(name == null ? "" : name.strip().toLowerCase(Locale.ROOT))) {
                return r;
            }
        }
        throw new ProjectStoreException("unknown role '" + name + "': use annotator, reviewer or admin");
    }

    private static void write(ProjectStore store, Map<String, SortedSet<Role>> team) throws java.sql.SQLException {
        if (team.isEmpty()) {
            PreparedStatement ps = store.db().ps("DELETE FROM project_meta WHERE key = ?");
            ps.setString(1, KEY);
            ps.executeUpdate();
            return;
        }
        Map<String, java.util.List<String>> out = new TreeMap<>();
        team.forEach((u, r) -> out.put(u, r.stream().map(x -> x.name().toLowerCase(Locale.ROOT)).toList()));
        String json;
        try {
            json = JSON.writeValueAsString(out);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        PreparedStatement ps = store.db().ps("INSERT INTO project_meta(key, value) VALUES (?, ?)"
                + " ON CONFLICT(key) DO UPDATE SET value = excluded.value");
        ps.setString(1, KEY);
        ps.setString(2, json);
        ps.executeUpdate();
    }
}
