// SPDX-License-Identifier: GPL-3.0-or-later
package io.chai.model.spec;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads and validates a specification (docs/specification-format.md). Every problem is collected with its file,
 * line and path; if there is any, a {@link SpecificationException} carrying all of them is thrown. Sections are
 * processed in dependency order (forms, groups, aspects, validations, labels, uncertainty rules, policies,
 * templates) so references can be checked where they are written.
 */
final class SpecificationLoader {
    /** The file roles, by base name, in the order the manifest documents them. */
    static final List<String> ROLES = List.of("aspects", "primitives", "derived", "policies", "prompts");

    private static final Pattern SPEC_ID = Pattern.compile("[a-z][a-z0-9_-]*");
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([^{}]*)\\}");
    private static final Set<String> VALUE_PLACEHOLDERS = new LinkedHashSet<>(List.of("value", "label", "definition"));
    private static final Set<String> PAIR_PLACEHOLDERS = new LinkedHashSet<>(List.of("from", "to", "from_label",
            "to_label"));

    private final SpecSource source;
    private final Problems problems = new Problems();
    private final Map<String, YamlObject> byRole = new HashMap<>();

    private final List<Form> forms = new ArrayList<>();
    private final List<PrimitiveGroup> groups = new ArrayList<>();
    private final Map<String, PrimitiveGroup> groupsById = new HashMap<>();
    private final Map<String, FieldRef> fields = new LinkedHashMap<>();
    /** Ids and fields of groups that were declared but had errors: references to them are not errors again. */
    private final Set<String> brokenGroups = new HashSet<>();
    private final Set<String> brokenFields = new HashSet<>();
    /** Every label id and tag written in derived.yaml, valid or not, so selectors do not repeat label errors. */
    private final Set<String> declaredLabels = new HashSet<>();
    private final Set<String> declaredTags = new HashSet<>();
    private final List<Aspect> aspects = new ArrayList<>();
    private final List<Validation> validations = new ArrayList<>();
    private final List<UncertaintyRule> uncertaintyRules = new ArrayList<>();
    private final List<DerivedLabel> labels = new ArrayList<>();
    private final List<PromptTemplate> templates = new ArrayList<>();
    private CaptionPolicy policy;

    private SpecificationLoader(SpecSource source) {
        this.source = source;
    }

    static Specification load(SpecSource source) {
        return new SpecificationLoader(source).run();
    }

    private Specification run() {
        String manifestName = source.manifest();
        Optional<String> text = read(manifestName);
        if (text.isEmpty()) {
            problems.add(manifestName, 0, "", "specification manifest not found in " + source.describe());
            problems.throwIfAny();
        }
        YamlNode root = YamlTree.parse(manifestName, text.get(), problems);
        problems.throwIfAny();
        YamlObject m = YamlObject.of(manifestName, "", root, problems);
        problems.throwIfAny();
        m.allowOnly("id", "version", "title", "sentinel", "files");
        String id = m.text("id");
        if (id != null && !SPEC_ID.matcher(id).matches()) {
            m.error("id", "'" + id + "' is not a valid specification id (lower-case ASCII, digits, '-' or '_': "
                    + SPEC_ID.pattern() + ")");
            id = null;
        }
        SemanticVersion version = null;
        String versionText = m.text("version");
        if (versionText != null) {
            try {
                version = SemanticVersion.parse(versionText);
            } catch (IllegalArgumentException e) {
                m.error("version", e.getMessage());
            }
        }
        String title = m.text("title");
        String sentinel = m.text("sentinel");
        readFiles(m);
        if (byRole.size() < ROLES.size()) {
            problems.throwIfAny(); // a file is missing or is not YAML: nothing more can be checked
        }

        readForms();
        readGroups();
        readAspects();
        readValidations();
        readLabels();
        readUncertaintyRules();
        readPolicies();
        readTemplates();
        problems.throwIfAny();
        return new Specification(id, version, title, sentinel, aspects, forms, groups, validations,
                uncertaintyRules, labels, policy, templates);
    }

    private Optional<String> read(String name) {
        try {
            return source.read(name);
        } catch (IOException e) {
            problems.add(name, 0, "", "cannot read: " + e.getMessage());
            return Optional.empty();
        }
    }

    // ---------------------------------------------------------------- manifest files

    private void readFiles(YamlObject m) {
        List<YamlNode> items = m.list("files", true);
        if (items == null) {
            return;
        }
        Map<String, Integer> roleLines = new HashMap<>();
        for (int i = 0; i < items.size(); i++) {
            YamlNode n = items.get(i);
            String p = "files[" + i + "]";
            if (!(n instanceof YamlNode.Scalar s) || s.isNull() || s.text().isBlank()) {
                problems.add(m.file, n.line(), p, "must be a file name");
                continue;
            }
            String name = s.text().strip();
            String base = name.substring(name.lastIndexOf('/') + 1);
            String role = base.endsWith(".yaml") ? base.substring(0, base.length() - 5)
                    : base.endsWith(".yml") ? base.substring(0, base.length() - 4) : base;
            if (!ROLES.contains(role)) {
                problems.add(m.file, n.line(), p, "unknown specification file '" + name
                        + "' (the files are aspects.yaml, primitives.yaml, derived.yaml, policies.yaml, prompts.yaml)");
                continue;
            }
            if (roleLines.containsKey(role)) {
                problems.add(m.file, n.line(), p, "'" + name + "' is listed twice (first at line "
                        + roleLines.get(role) + ")");
                continue;
            }
            roleLines.put(role, n.line());
            Optional<String> text = read(name);
            if (text.isEmpty()) {
                problems.add(m.file, n.line(), p, "file '" + name + "' not found in " + source.describe());
                continue;
            }
            YamlNode root = YamlTree.parse(name, text.get(), problems);
            if (root != null) {
                YamlObject o = YamlObject.of(name, "", root, problems);
                if (o != null) {
                    byRole.put(role, o);
                }
            }
        }
        for (String role : ROLES) {
            if (!roleLines.containsKey(role)) {
                m.error("files", "must list " + role + ".yaml");
            }
        }
    }

    // ---------------------------------------------------------------- primitives.yaml

    private void readForms() {
        YamlObject f = byRole.get("primitives");
        f.allowOnly("forms", "groups", "validations", "uncertaintyRules");
        Map<String, Integer> seen = new HashMap<>();
        for (YamlObject o : f.objects("forms", true)) {
            o.allowOnly("id", "name");
            String id = o.id("id");
            String name = o.text("name");
            if (id != null && unique(seen, id, o, "id", "form id")) {
                forms.add(new Form(id, name == null ? id : name));
            }
        }
    }

    private boolean unique(Map<String, Integer> seen, String id, YamlObject o, String key, String what) {
        Integer first = seen.putIfAbsent(id, o.lineOf(key));
        if (first != null) {
            o.error(key, "duplicate " + what + " '" + id + "' (first at line " + first + ")");
            return false;
        }
        return true;
    }

    private void readGroups() {
        YamlObject f = byRole.get("primitives");
        Set<String> formIds = new HashSet<>();
        forms.forEach(x -> formIds.add(x.id()));
        Map<String, Integer> seen = new HashMap<>();
        Map<String, String> fieldOwners = new HashMap<>();
        Map<String, YamlObject> describeRefs = new LinkedHashMap<>();
        for (YamlObject o : f.objects("groups", true)) {
            o.allowOnly("id", "form", "name", "question", "kind", "fields", "ordered", "default", "tags",
                    "describeIfComplex", "tutorial", "values");
            String id = o.id("id");
            boolean ok = id != null && unique(seen, id, o, "id", "group id");
            String form = o.id("form");
            if (form != null && !formIds.contains(form)) {
                o.error("form", "unknown form '" + form + "'");
            }
            String name = o.text("name");
            String question = o.text("question");
            PrimitiveKind kind = null;
            String kindText = o.text("kind");
            if (kindText != null) {
                kind = PrimitiveKind.of(kindText);
                if (kind == null) {
                    o.error("kind", "unknown kind '" + kindText + "' (expected single, boolean, multi, start_end or text)");
                }
            }
            List<String> fieldNames = o.ids("fields", true);
            boolean fieldsOk = o.has("fields") && kind != null && checkFields(o, kind, fieldNames);
            boolean ordered = o.bool("ordered", false);
            List<String> tags = o.ids("tags", false);
            String describe = o.has("describeIfComplex") ? o.id("describeIfComplex") : null;
            if (describe != null) {
                describeRefs.put(describe, o);
            }
            Tutorial tutorial = Tutorial.NONE;
            YamlObject t = o.object("tutorial", false);
            if (t != null) {
                t.allowOnly("lookFor", "confusions");
                tutorial = new Tutorial(t.optionalText("lookFor", "").strip(), t.optionalText("confusions", "").strip());
            }
            List<PrimitiveValue> values = kind == null ? List.of() : readValues(o, kind);
            List<String> defaults = kind == null ? List.of() : readDefault(o, kind, values);
            if (ok && kind != null && fieldsOk) {
                for (int i = 0; i < fieldNames.size(); i++) {
                    String fieldName = fieldNames.get(i);
                    String owner = fieldOwners.putIfAbsent(fieldName, id);
                    if (owner != null) {
                        problems.add(o.file, o.lineOf("fields"), o.pathOf("fields") + "[" + i + "]",
                                "duplicate field '" + fieldName + "' (already declared by group " + owner + ")");
                        ok = false;
                    }
                }
            }
            if (!(ok && kind != null && fieldsOk)) {
                if (id != null) {
                    brokenGroups.add(id);
                }
                brokenFields.addAll(fieldNames);
            } else {
                PrimitiveGroup g = new PrimitiveGroup(id, form == null ? "" : form, name == null ? id : name,
                        question == null ? "" : question, kind, fieldNames, ordered, defaults, tags, describe,
                        tutorial, values);
                groups.add(g);
                groupsById.put(id, g);
                for (String fieldName : fieldNames) {
                    fields.put(fieldName, new FieldRef(fieldName, g));
                }
            }
        }
        for (Map.Entry<String, YamlObject> e : describeRefs.entrySet()) {
            PrimitiveGroup target = groupsById.get(e.getKey());
            if (target == null) {
                e.getValue().error("describeIfComplex", "unknown group '" + e.getKey() + "'");
            } else if (target.kind() != PrimitiveKind.TEXT) {
                e.getValue().error("describeIfComplex", "group '" + e.getKey() + "' must be of kind text, not "
                        + target.kind().id());
            }
        }
    }

    private boolean checkFields(YamlObject o, PrimitiveKind kind, List<String> names) {
        int want = kind.fieldCount();
        if (names.size() != want) {
            o.error("fields", want == 2
                    ? "a start_end group needs 2 fields [X_start, X_end] but has " + names.size()
                    : "a " + kind.id() + " group needs exactly 1 field but has " + names.size());
            return false;
        }
        if (kind == PrimitiveKind.START_END) {
            String a = names.get(0);
            String b = names.get(1);
            if (!a.endsWith("_start") || !b.endsWith("_end")
                    || !a.substring(0, a.length() - 6).equals(b.substring(0, b.length() - 4))) {
                o.error("fields", "start_end fields must be named [X_start, X_end] but are [" + a + ", " + b + "]");
                return false;
            }
        }
        return true;
    }

    private List<PrimitiveValue> readValues(YamlObject o, PrimitiveKind kind) {
        if (!kind.hasValueList()) {
            if (o.has("values")) {
                o.error("values", kind == PrimitiveKind.BOOLEAN
                        ? "a boolean group has no values (true/false are implied)"
                        : "a text group has no values");
            }
            return kind == PrimitiveKind.BOOLEAN
                    ? List.of(new PrimitiveValue("true", "Yes", "Yes."), new PrimitiveValue("false", "No", "No."))
                    : List.of();
        }
        List<YamlObject> items = o.objects("values", true);
        if (o.has("values") && items.isEmpty() && o.node("values") instanceof YamlNode.Sequence) {
            o.error("values", "a " + kind.id() + " group needs at least one value");
        }
        List<PrimitiveValue> out = new ArrayList<>();
        Map<String, Integer> seen = new HashMap<>();
        for (YamlObject v : items) {
            v.allowOnly("id", "label", "definition");
            String id = v.id("id");
            String label = v.text("label");
            String definition = v.text("definition");
            if (id != null && unique(seen, id, v, "id", "value id")) {
                out.add(new PrimitiveValue(id, label == null ? id : label.strip(),
                        definition == null ? "" : definition.strip()));
            }
        }
        return out;
    }

    private List<String> readDefault(YamlObject o, PrimitiveKind kind, List<PrimitiveValue> values) {
        if (!o.has("default")) {
            return List.of();
        }
        YamlNode n = o.node("default");
        switch (kind) {
            case TEXT:
                o.error("default", "a text group has no default");
                return List.of();
            case BOOLEAN:
                if (n instanceof YamlNode.Scalar s && s.bool()) {
                    return List.of(s.text().toLowerCase(java.util.Locale.ROOT));
                }
                o.error("default", "must be true or false for a boolean group");
                return List.of();
            case MULTI: {
                List<String> ids = n instanceof YamlNode.Sequence ? o.ids("default", false)
                        : n instanceof YamlNode.Scalar s ? List.of(s.text()) : null;
                if (ids == null) {
                    o.error("default", "must be a value id or a list of value ids");
                    return List.of();
                }
                List<String> out = new ArrayList<>();
                for (String id : ids) {
                    if (values.stream().noneMatch(v -> v.id().equals(id))) {
                        o.error("default", "'" + id + "' is not a value of this group");
                    } else {
                        out.add(id);
                    }
                }
                return out;
            }
            default: {
                if (!(n instanceof YamlNode.Scalar s)) {
                    o.error("default", "must be a value id, not " + n.kind());
                    return List.of();
                }
                if (values.stream().noneMatch(v -> v.id().equals(s.text()))) {
                    o.error("default", "'" + s.text() + "' is not a value of this group");
                    return List.of();
                }
                return List.of(s.text());
            }
        }
    }

    // ---------------------------------------------------------------- aspects.yaml

    private void readAspects() {
        YamlObject f = byRole.get("aspects");
        f.allowOnly("aspects");
        List<YamlNode> raw = f.list("aspects", true);
        if (raw != null && raw.size() != Aspect.IDS.size()) {
            f.error("aspects", "expected exactly 5 aspects (subject, scene, motion, spatial, camera) but found "
                    + raw.size());
        }
        Map<String, Integer> keyLines = new HashMap<>();
        List<String> earlier = new ArrayList<>();
        int index = 0;
        for (YamlObject o : f.objects("aspects", true)) {
            o.allowOnly("id", "name", "taskId", "description", "dependsOn", "onShotTransition", "primitiveContext",
                    "subAspects", "captionKeys");
            String id = o.id("id");
            if (id != null && index < Aspect.IDS.size() && !id.equals(Aspect.IDS.get(index))) {
                o.error("id", "expected '" + Aspect.IDS.get(index) + "' here (the aspects are subject, scene, "
                        + "motion, spatial, camera in this order) but found '" + id + "'");
            }
            index++;
            String name = o.text("name");
            String taskId = o.id("taskId");
            String description = o.text("description");
            List<String> dependsOn = o.ids("dependsOn", false);
            for (int i = 0; i < dependsOn.size(); i++) {
                String d = dependsOn.get(i);
                if (!Aspect.IDS.contains(d)) {
                    problems.add(o.file, o.lineOf("dependsOn"), o.pathOf("dependsOn") + "[" + i + "]",
                            "unknown aspect '" + d + "'");
                } else if (!earlier.contains(d)) {
                    problems.add(o.file, o.lineOf("dependsOn"), o.pathOf("dependsOn") + "[" + i + "]",
                            "'" + d + "' is not an earlier aspect (an aspect may only depend on aspects before it)");
                }
            }
            ShotTransitionPolicy shot = null;
            String shotText = o.text("onShotTransition");
            if (shotText != null) {
                shot = ShotTransitionPolicy.of(shotText);
                if (shot == null) {
                    o.error("onShotTransition", "unknown policy '" + shotText + "' (expected describe_segments or exclude)");
                }
            }
            List<String> context = o.ids("primitiveContext", false);
            checkGroupRefs(o, "primitiveContext", context);
            List<CaptionKey> keys = readCaptionKeys(o, keyLines);
            List<SubAspect> subs = readSubAspects(o, keys);
            if (id != null) {
                earlier.add(id);
            }
            aspects.add(new Aspect(id, name, taskId, description, dependsOn, shot, context, subs, keys));
        }
    }

    private void checkGroupRefs(YamlObject o, String key, List<String> ids) {
        for (int i = 0; i < ids.size(); i++) {
            if (!groupsById.containsKey(ids.get(i)) && !brokenGroups.contains(ids.get(i))) {
                problems.add(o.file, o.lineOf(key), o.pathOf(key) + "[" + i + "]", "unknown group '" + ids.get(i) + "'");
            }
        }
    }

    private List<CaptionKey> readCaptionKeys(YamlObject aspect, Map<String, Integer> keyLines) {
        List<CaptionKey> out = new ArrayList<>();
        List<YamlObject> items = aspect.objects("captionKeys", true);
        if (aspect.has("captionKeys") && items.isEmpty() && aspect.node("captionKeys") instanceof YamlNode.Sequence) {
            aspect.error("captionKeys", "an aspect needs at least one caption key");
        }
        for (YamlObject k : items) {
            k.allowOnly("key", "definition", "rules");
            String key = k.id("key");
            String definition = k.text("definition");
            List<String> rules = k.texts("rules", false);
            if (key != null) {
                Integer first = keyLines.putIfAbsent(key, k.lineOf("key"));
                if (first != null) {
                    k.error("key", "duplicate caption key '" + key + "' (first at line " + first + ")");
                    continue;
                }
                out.add(new CaptionKey(key, definition == null ? "" : definition.strip(), rules));
            }
        }
        return out;
    }

    private List<SubAspect> readSubAspects(YamlObject aspect, List<CaptionKey> keys) {
        Set<String> declared = new HashSet<>();
        keys.forEach(k -> declared.add(k.key()));
        Map<String, String> owner = new HashMap<>();
        Map<String, Integer> seen = new HashMap<>();
        List<SubAspect> out = new ArrayList<>();
        List<YamlObject> items = aspect.objects("subAspects", true);
        if (aspect.has("subAspects") && items.isEmpty() && aspect.node("subAspects") instanceof YamlNode.Sequence) {
            aspect.error("subAspects", "an aspect needs at least one sub-aspect");
        }
        for (YamlObject s : items) {
            s.allowOnly("id", "name", "captionKeys", "primitiveGroups");
            String id = s.id("id");
            if (id != null) {
                unique(seen, id, s, "id", "sub-aspect id");
            }
            String name = s.text("name");
            List<String> ck = s.ids("captionKeys", true);
            for (int i = 0; i < ck.size(); i++) {
                String key = ck.get(i);
                String p = s.pathOf("captionKeys") + "[" + i + "]";
                if (!declared.contains(key)) {
                    problems.add(s.file, s.lineOf("captionKeys"), p, "caption key '" + key
                            + "' is not declared in captionKeys of this aspect");
                    continue;
                }
                String prev = owner.putIfAbsent(key, id == null ? "?" : id);
                if (prev != null) {
                    problems.add(s.file, s.lineOf("captionKeys"), p, "caption key '" + key
                            + "' already belongs to sub-aspect " + prev);
                }
            }
            List<String> pg = s.ids("primitiveGroups", false);
            checkGroupRefs(s, "primitiveGroups", pg);
            out.add(new SubAspect(id, name == null ? "" : name, ck, pg));
        }
        List<YamlObject> keyObjects = aspect.objects("captionKeys", false);
        for (YamlObject k : keyObjects) {
            YamlNode n = k.node("key");
            if (n instanceof YamlNode.Scalar sc && declared.contains(sc.text()) && !owner.containsKey(sc.text())) {
                k.error("key", "caption key '" + sc.text() + "' belongs to no sub-aspect");
            }
        }
        return out;
    }

    // ---------------------------------------------------------------- rules

    /** Compiles a rule at {@code o.key}; reports and returns null when it is malformed. */
    private Expr rule(YamlObject o, String key, String suffix) {
        String src = o.text(key);
        if (src == null) {
            return null;
        }
        try {
            return RuleParser.parse(src, fields);
        } catch (RuleSyntaxException e) {
            if (!brokenFields.contains(e.unknownField())) {
                o.error(key, e.getMessage() + suffix);
            }
            return null;
        }
    }

    private void readValidations() {
        YamlObject f = byRole.get("primitives");
        Map<String, Integer> seen = new HashMap<>();
        for (YamlObject o : f.objects("validations", false)) {
            o.allowOnly("id", "when", "require", "message");
            String id = o.id("id");
            boolean ok = id != null && unique(seen, id, o, "id", "validation id");
            Expr when = rule(o, "when", "");
            Expr require = rule(o, "require", "");
            String message = o.text("message");
            if (ok && when != null && require != null && message != null) {
                validations.add(new Validation(id, o.text("when"), o.text("require"), message.strip(), when, require));
            }
        }
    }

    // ---------------------------------------------------------------- derived.yaml

    private void readLabels() {
        YamlObject f = byRole.get("derived");
        f.allowOnly("labels", "families");
        Map<String, String> seen = new HashMap<>();
        for (YamlObject o : f.objects("labels", true)) {
            o.allowOnly("id", "name", "definition", "question", "tags", "pos", "neg");
            String id = o.id("id");
            String name = o.text("name");
            String definition = o.text("definition");
            String question = o.text("question");
            List<String> tags = o.ids("tags", false);
            declaredTags.addAll(tags);
            Expr pos = rule(o, "pos", "");
            Expr neg = rule(o, "neg", "");
            if (id == null) {
                continue;
            }
            declaredLabels.add(id);
            String first = seen.putIfAbsent(id, "line " + o.lineOf("id"));
            if (first != null) {
                o.error("id", "duplicate label id '" + id + "' (first at " + first + ")");
                continue;
            }
            if (name != null && definition != null && question != null && pos != null && neg != null) {
                labels.add(new DerivedLabel(id, name.strip(), definition.strip(), question.strip(), tags,
                        o.text("pos"), o.text("neg"), null, pos, neg));
            }
        }
        Map<String, Integer> families = new HashMap<>();
        for (YamlObject o : f.objects("families", false)) {
            readFamily(o, families, seen);
        }
    }

    private void readFamily(YamlObject o, Map<String, Integer> families, Map<String, String> seen) {
        o.allowOnly("id", "group", "over", "idTemplate", "nameTemplate", "definitionTemplate", "questionTemplate",
                "tags", "pos", "neg");
        String id = o.id("id");
        boolean ok = id != null && unique(families, id, o, "id", "family id");
        String groupId = o.id("group");
        PrimitiveGroup group = null;
        if (groupId != null) {
            group = groupsById.get(groupId);
            if (group == null && brokenGroups.contains(groupId)) {
                ok = false;
            } else if (group == null) {
                o.error("group", "unknown group '" + groupId + "'");
            } else if (!group.kind().hasValueList()) {
                o.error("group", "a family needs a group with values (single, start_end or multi), not "
                        + group.kind().id());
                group = null;
            }
        }
        String over = o.text("over");
        Set<String> allowed = null;
        if (over != null) {
            allowed = over.equals("values") ? VALUE_PLACEHOLDERS : over.equals("ordered_pairs") ? PAIR_PLACEHOLDERS : null;
            if (allowed == null) {
                o.error("over", "unknown expansion '" + over + "' (expected values or ordered_pairs)");
            }
        }
        List<String> tags = o.ids("tags", false);
        declaredTags.addAll(tags);
        String[] keys = {"idTemplate", "nameTemplate", "definitionTemplate", "questionTemplate", "pos", "neg"};
        Map<String, String> templates = new LinkedHashMap<>();
        boolean templatesOk = true;
        for (String key : keys) {
            String t = o.text(key);
            if (t == null) {
                templatesOk = false;
                continue;
            }
            templates.put(key, t);
            if (allowed != null) {
                Matcher m = PLACEHOLDER.matcher(t);
                while (m.find()) {
                    if (!allowed.contains(m.group(1))) {
                        o.error(key, "unknown placeholder '{" + m.group(1) + "}' (over: " + over + " allows "
                                + String.join(", ", allowed.stream().map(x -> "{" + x + "}").toList()) + ")");
                        templatesOk = false;
                    }
                }
            }
        }
        if (!ok || group == null || allowed == null || !templatesOk) {
            return;
        }
        List<Map<String, String>> bindings = new ArrayList<>();
        List<PrimitiveValue> known = group.knownValues();
        if (over.equals("values")) {
            for (PrimitiveValue v : known) {
                bindings.add(Map.of("value", v.id(), "label", v.label(), "definition", v.definition()));
            }
        } else {
            for (PrimitiveValue a : known) {
                for (PrimitiveValue b : known) {
                    if (!a.id().equals(b.id())) {
                        bindings.add(Map.of("from", a.id(), "to", b.id(), "from_label", a.label(), "to_label",
                                b.label()));
                    }
                }
            }
        }
        Set<String> reported = new HashSet<>();
        for (Map<String, String> b : bindings) {
            String labelId = fill(templates.get("idTemplate"), b);
            declaredLabels.add(labelId);
            String what = " (label " + labelId + ")";
            if (!YamlObject.ID.matcher(labelId).matches()) {
                if (reported.add("idTemplate")) {
                    o.error("idTemplate", "expands to " + YamlObject.badId(labelId));
                }
                continue;
            }
            String first = seen.putIfAbsent(labelId, "line " + o.lineOf("idTemplate"));
            if (first != null) {
                o.error("idTemplate", "duplicate label id '" + labelId + "' after expansion (first at " + first + ")");
                continue;
            }
            String posSrc = fill(templates.get("pos"), b);
            String negSrc = fill(templates.get("neg"), b);
            Expr pos = familyRule(o, "pos", posSrc, what, reported);
            Expr neg = familyRule(o, "neg", negSrc, what, reported);
            if (pos != null && neg != null) {
                labels.add(new DerivedLabel(labelId, fill(templates.get("nameTemplate"), b).strip(),
                        fill(templates.get("definitionTemplate"), b).strip(),
                        fill(templates.get("questionTemplate"), b).strip(), tags, posSrc, negSrc, id, pos, neg));
            }
        }
    }

    private Expr familyRule(YamlObject o, String key, String src, String what, Set<String> reported) {
        try {
            return RuleParser.parse(src, fields);
        } catch (RuleSyntaxException e) {
            if (!brokenFields.contains(e.unknownField()) && reported.add(key)) {
                o.error(key, e.getMessage() + what);
            }
            return null;
        }
    }

    private static String fill(String template, Map<String, String> binding) {
        Matcher m = PLACEHOLDER.matcher(template);
        StringBuilder sb = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(sb, Matcher.quoteReplacement(binding.getOrDefault(m.group(1), m.group())));
        }
        m.appendTail(sb);
        return sb.toString();
    }

    private void readUncertaintyRules() {
        YamlObject f = byRole.get("primitives");
        Map<String, Integer> seen = new HashMap<>();
        Set<String> labelIds = declaredLabels;
        Set<String> labelTags = declaredTags;
        for (YamlObject o : f.objects("uncertaintyRules", false)) {
            o.allowOnly("id", "when", "effect", "targets", "except", "description");
            String id = o.id("id");
            boolean ok = id != null && unique(seen, id, o, "id", "uncertainty rule id");
            Expr when = rule(o, "when", "");
            UncertaintyEffect effect = null;
            String effectText = o.text("effect");
            if (effectText != null) {
                effect = UncertaintyEffect.of(effectText);
                if (effect == null) {
                    o.error("effect", "unknown effect '" + effectText + "' (expected negatives_unknown or all_unknown)");
                }
            }
            LabelSelector targets = selector(o, "targets", true, labelIds, labelTags);
            LabelSelector except = o.has("except") ? selector(o, "except", false, labelIds, labelTags)
                    : LabelSelector.NONE;
            String description = o.text("description");
            if (ok && when != null && effect != null && targets != null && except != null && description != null) {
                uncertaintyRules.add(new UncertaintyRule(id, o.text("when"), effect, targets, except,
                        description.strip(), when));
            }
        }
    }

    private LabelSelector selector(YamlObject parent, String key, boolean allowAll, Set<String> labelIds,
            Set<String> labelTags) {
        YamlObject s = parent.object(key, true);
        if (s == null) {
            return null;
        }
        if (allowAll) {
            s.allowOnly("all", "tags", "labels");
        } else {
            s.allowOnly("tags", "labels");
        }
        boolean all = allowAll && s.bool("all", false);
        List<String> tags = s.ids("tags", false);
        List<String> ids = s.ids("labels", false);
        if (all && (!tags.isEmpty() || !ids.isEmpty())) {
            s.errorHere("'all: true' cannot be combined with tags or labels");
            return null;
        }
        if (!all && tags.isEmpty() && ids.isEmpty()) {
            s.errorHere(allowAll ? "must select labels: {tags: [...]}, {labels: [...]} or {all: true}"
                    : "must name tags or labels");
            return null;
        }
        boolean ok = true;
        for (int i = 0; i < tags.size(); i++) {
            if (!labelTags.contains(tags.get(i))) {
                problems.add(s.file, s.lineOf("tags"), s.pathOf("tags") + "[" + i + "]", "no derived label has tag '"
                        + tags.get(i) + "'");
                ok = false;
            }
        }
        for (int i = 0; i < ids.size(); i++) {
            if (!labelIds.contains(ids.get(i))) {
                problems.add(s.file, s.lineOf("labels"), s.pathOf("labels") + "[" + i + "]", "unknown label '"
                        + ids.get(i) + "'");
                ok = false;
            }
        }
        return ok ? new LabelSelector(all, tags, ids) : null;
    }

    // ---------------------------------------------------------------- policies.yaml

    private void readPolicies() {
        YamlObject f = byRole.get("policies");
        f.allowOnly("common", "aspects");
        List<String> common = f.texts("common", true);
        Map<String, AspectPolicy> perAspect = new LinkedHashMap<>();
        YamlObject a = f.object("aspects", true);
        if (a != null) {
            for (Map.Entry<String, Integer> e : a.map.keyLines().entrySet()) {
                if (!Aspect.IDS.contains(e.getKey())) {
                    problems.add(a.file, e.getValue(), a.pathOf(e.getKey()), "unknown aspect '" + e.getKey() + "'");
                }
            }
            for (String aspectId : Aspect.IDS) {
                if (!a.has(aspectId)) {
                    a.errorHere("no caption policy for aspect '" + aspectId + "'");
                    continue;
                }
                YamlObject p = a.object(aspectId, true);
                if (p == null) {
                    continue;
                }
                p.allowOnly("short", "summary", "rules", "examples");
                String shortText = p.text("short");
                String summary = p.text("summary");
                List<String> rules = p.texts("rules", true);
                List<String> examples = p.texts("examples", false);
                perAspect.put(aspectId, new AspectPolicy(shortText == null ? "" : shortText.strip(),
                        summary == null ? "" : summary.strip(), rules, examples));
            }
        }
        policy = new CaptionPolicy(common, perAspect);
    }

    // ---------------------------------------------------------------- prompts.yaml

    private void readTemplates() {
        YamlObject f = byRole.get("prompts");
        f.allowOnly("templates");
        Map<String, Integer> seen = new HashMap<>();
        for (YamlObject o : f.objects("templates", true)) {
            o.allowOnly("id", "description", "variables", "system", "user");
            String id = o.id("id");
            boolean ok = id != null && unique(seen, id, o, "id", "template id");
            String description = o.text("description");
            List<String> variables = o.ids("variables", true);
            String system = o.optionalText("system", "");
            String user = o.text("user");
            Set<String> used = new LinkedHashSet<>();
            boolean textOk = user != null;
            for (String key : List.of("system", "user")) {
                String text = key.equals("system") ? system : user;
                if (text == null || text.isEmpty() || !(o.node(key) instanceof YamlNode.Scalar sc)) {
                    continue;
                }
                try {
                    TemplateText parsed = TemplateText.parse(text, sc::fileLine);
                    for (Map.Entry<String, Integer> use : parsed.names().entrySet()) {
                        if (!variables.contains(use.getKey())) {
                            problems.add(o.file, use.getValue(), o.pathOf(key), "placeholder '{{" + use.getKey()
                                    + "}}' is not declared in variables");
                            textOk = false;
                        }
                    }
                    used.addAll(parsed.names().keySet());
                } catch (TemplateText.SyntaxError e) {
                    problems.add(o.file, e.line, o.pathOf(key), e.getMessage());
                    textOk = false;
                }
            }
            if (textOk) {
                for (int i = 0; i < variables.size(); i++) {
                    if (!used.contains(variables.get(i))) {
                        problems.add(o.file, o.lineOf("variables"), o.pathOf("variables") + "[" + i + "]",
                                "variable '" + variables.get(i) + "' is never used");
                        textOk = false;
                    }
                }
            }
            if (ok && textOk && description != null) {
                templates.add(new PromptTemplate(id, description.strip(), variables, system, user));
            }
        }
        if (f.has("templates")) {
            for (String required : PromptTemplate.REQUIRED) {
                if (!seen.containsKey(required)) {
                    f.error("templates", "missing required template '" + required + "'");
                }
            }
        }
    }
}
