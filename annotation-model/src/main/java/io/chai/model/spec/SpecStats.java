// SPDX-License-Identifier: GPL-3.0-or-later
package io.chai.model.spec;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * Counts over a specification (for {@code chai spec stats}). {@code values} counts the enumerated values of
 * single, multi and start_end groups (a start_end list once; {@code unknown} included; booleans and text
 * excluded); {@code yesNoPrimitives} counts the derived labels after family expansion.
 */
@JsonPropertyOrder({"aspects", "captionKeys", "groups", "values", "yesNoPrimitives"})
public record SpecStats(int aspects, int captionKeys, int groups, int values, int yesNoPrimitives, String id,
        String version, int subAspects, int forms, int fields, int booleanGroups, int textGroups,
        int explicitLabels, int familyLabels, int families, int validations, int uncertaintyRules, int templates) {

    public static SpecStats of(Specification s) {
        int values = 0;
        int booleans = 0;
        int texts = 0;
        for (PrimitiveGroup g : s.groups()) {
            if (g.kind().hasValueList()) {
                values += g.values().size();
            } else if (g.kind() == PrimitiveKind.BOOLEAN) {
                booleans++;
            } else {
                texts++;
            }
        }
        int explicit = (int) s.labels().stream().filter(l -> l.family() == null).count();
        int families = (int) s.labels().stream().map(DerivedLabel::family).filter(f -> f != null).distinct().count();
        return new SpecStats(s.aspects().size(),
                s.aspects().stream().mapToInt(a -> a.captionKeys().size()).sum(),
                s.groups().size(), values, s.labels().size(), s.id(), s.version().toString(),
                s.aspects().stream().mapToInt(a -> a.subAspects().size()).sum(), s.forms().size(),
                s.fields().size(), booleans, texts, explicit, s.labels().size() - explicit, families,
                s.validations().size(), s.uncertaintyRules().size(), s.templates().size());
    }
}
